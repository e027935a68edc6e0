/**
 * The only route of guide feedback: no core REST routes exist for its counts or comments, and
 * this one has no users-permissions check (auth: false) because readers have no account — the
 * controller whitelists every field and rate-limits every call.
 */
export default {
  type: 'content-api',
  routes: [{ method: 'POST', path: '/guide-feedback', handler: 'guide-feedback.submit', config: { auth: false } }],
};
