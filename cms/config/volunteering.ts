import type { Core } from '@strapi/strapi';

/** Volunteering applications from the site (src/volunteering/): read with strapi.config.get('volunteering'). */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // An unconfirmed application expires (and its personal data goes) after this many hours.
  confirmHours: env.int('VOLUNTEER_CONFIRM_HOURS', 48),
  // An application the organisation has not answered for this many days reminds it, then again every as many days.
  remindAfterDays: env.int('VOLUNTEER_REMIND_AFTER_DAYS', 7),
  // The organisation hears this many days before an offer stops taking applications.
  expiryNoticeDays: env.int('VOLUNTEER_EXPIRY_NOTICE_DAYS', 7),
  // This many months after an offer ends, its applicants' personal data is erased (the counts stay).
  eraseMonths: env.int('VOLUNTEER_ERASE_MONTHS', 6),
  // Per client IP and per e-mail address, in a sliding 10-minute window.
  rateLimitPerIp: env.int('VOLUNTEER_RATE_LIMIT_IP', 10),
  rateLimitPerEmail: env.int('VOLUNTEER_RATE_LIMIT_EMAIL', 5),
});
