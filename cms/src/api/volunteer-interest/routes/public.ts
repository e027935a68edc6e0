/**
 * "Zgłoś gotowość": new matching offers by mail. No core REST routes exist, and these have no
 * users-permissions check (auth: false): people sign up and leave from mailed links without an
 * account. The unsubscribe POST also takes the RFC 8058 one-click form a mail program sends.
 */
export default {
  type: 'content-api',
  routes: [
    { method: 'POST', path: '/volunteer-interests', handler: 'volunteer-interest.subscribe', config: { auth: false } },
    { method: 'GET', path: '/volunteer-interests/confirm', handler: 'volunteer-interest.confirmPage', config: { auth: false } },
    { method: 'POST', path: '/volunteer-interests/confirm', handler: 'volunteer-interest.confirm', config: { auth: false } },
    { method: 'GET', path: '/volunteer-interests/unsubscribe', handler: 'volunteer-interest.unsubscribePage', config: { auth: false } },
    { method: 'POST', path: '/volunteer-interests/unsubscribe', handler: 'volunteer-interest.unsubscribe', config: { auth: false } },
  ],
};
