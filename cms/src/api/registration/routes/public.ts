/**
 * The only routes of registrations: no core REST routes exist for them, and these have no
 * users-permissions check (auth: false) because visitors have no account — the controller
 * whitelists every field and rate-limits every call.
 */
export default {
  type: 'content-api',
  routes: [
    { method: 'POST', path: '/signups', handler: 'registration.signUp', config: { auth: false } },
    { method: 'GET', path: '/signups/confirm', handler: 'registration.confirmPage', config: { auth: false } },
    { method: 'POST', path: '/signups/confirm', handler: 'registration.confirm', config: { auth: false } },
    { method: 'GET', path: '/signups/cancel', handler: 'registration.cancelPage', config: { auth: false } },
    { method: 'POST', path: '/signups/cancel', handler: 'registration.cancel', config: { auth: false } },
    { method: 'GET', path: '/signups/seats/:documentId', handler: 'registration.seats', config: { auth: false } },
  ],
};
