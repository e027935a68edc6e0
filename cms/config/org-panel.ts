import type { Core } from '@strapi/strapi';

/** The organisations' panel (src/org-panel/): read with strapi.config.get('org-panel'). */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // A mailed sign-in link works this many minutes, once.
  linkMinutes: env.int('ORG_PANEL_LINK_MINUTES', 30),
  // A session ends after this many hours without a request, and after maxSessionHours in any case.
  idleHours: env.int('ORG_PANEL_IDLE_HOURS', 8),
  maxSessionHours: env.int('ORG_PANEL_MAX_SESSION_HOURS', 24),
  // Link requests per client IP and per e-mail address in a sliding 10-minute window.
  linkRateLimitPerIp: env.int('ORG_PANEL_LINK_RATE_LIMIT_IP', 10),
  linkRateLimitPerEmail: env.int('ORG_PANEL_LINK_RATE_LIMIT_EMAIL', 3),
  // Writes (proposals, profile changes, answers) per organisation and per client IP in the same window.
  writeRateLimitPerOrganization: env.int('ORG_PANEL_WRITE_RATE_LIMIT_ORG', 60),
  writeRateLimitPerIp: env.int('ORG_PANEL_WRITE_RATE_LIMIT_IP', 120),
  // This many months after a decision, a submission forgets who sent it and a join request its
  // contact person (the rows, their kinds and decisions stay, for the centre's counts).
  submissionEraseMonths: env.int('ORG_SUBMISSION_ERASE_MONTHS', 12),
  // The logo an organisation uploads: at most this many kilobytes.
  logoMaxKb: env.int('ORG_PANEL_LOGO_MAX_KB', 2048),
  // Moderation (src/org-panel/moderation-mail.ts): the editors' digest of what waits in "Zgłoszenia" goes at most
  // this often, and only when something new waits; to these comma-separated addresses, or (empty) every active admin.
  moderationDigestHours: env.int('ORG_MODERATION_DIGEST_HOURS', 24),
  moderationMailTo: env('ORG_MODERATION_MAIL_TO', ''),
});
