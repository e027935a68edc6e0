/**
 * The only routes of room requests: no core REST routes exist for them, and these have no
 * users-permissions check (auth: false) because applicants have no account — the controller
 * whitelists every field and rate-limits every call. `busy` gives the site build the approved
 * times, without who asked.
 */
export default {
  type: 'content-api',
  routes: [
    { method: 'POST', path: '/room-requests', handler: 'room-request.submit', config: { auth: false } },
    { method: 'GET', path: '/room-requests/confirm', handler: 'room-request.confirmPage', config: { auth: false } },
    { method: 'POST', path: '/room-requests/confirm', handler: 'room-request.confirm', config: { auth: false } },
    { method: 'GET', path: '/room-requests/withdraw', handler: 'room-request.withdrawPage', config: { auth: false } },
    { method: 'POST', path: '/room-requests/withdraw', handler: 'room-request.withdraw', config: { auth: false } },
    { method: 'GET', path: '/room-requests/busy', handler: 'room-request.busy', config: { auth: false } },
  ],
};
