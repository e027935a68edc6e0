/**
 * The only routes of volunteering applications: no core REST routes exist for them, and these
 * have no users-permissions check (auth: false) because applicants and organisations answer from
 * mailed links, without an account — the controller whitelists every field and rate-limits every
 * call. `recruitment` gives the site build each offer's state and the organisations' usual answer
 * time: counts only.
 */
export default {
  type: 'content-api',
  routes: [
    { method: 'POST', path: '/volunteer-applications', handler: 'volunteer-application.submit', config: { auth: false } },
    { method: 'GET', path: '/volunteer-applications/confirm', handler: 'volunteer-application.confirmPage', config: { auth: false } },
    { method: 'POST', path: '/volunteer-applications/confirm', handler: 'volunteer-application.confirm', config: { auth: false } },
    { method: 'GET', path: '/volunteer-applications/withdraw', handler: 'volunteer-application.withdrawPage', config: { auth: false } },
    { method: 'POST', path: '/volunteer-applications/withdraw', handler: 'volunteer-application.withdraw', config: { auth: false } },
    { method: 'GET', path: '/volunteer-applications/answer', handler: 'volunteer-application.answerPage', config: { auth: false } },
    { method: 'POST', path: '/volunteer-applications/answer', handler: 'volunteer-application.answer', config: { auth: false } },
    { method: 'GET', path: '/volunteer-applications/recruitment', handler: 'volunteer-application.recruitment', config: { auth: false } },
  ],
};
