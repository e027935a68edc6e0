/**
 * "Poproś o dołączenie": the form on /dla-organizacji/dolacz/ POSTs here. No users-permissions
 * check (auth: false), since the organisation has no account yet; the request is stored for the
 * editors as an org-submission, which has no REST route of its own.
 */
export default {
  type: 'content-api',
  routes: [{ method: 'POST', path: '/org-join-requests', handler: 'org-join-request.submit', config: { auth: false } }],
};
