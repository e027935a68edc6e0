import type { Core } from '@strapi/strapi';

/**
 * Sign-ups on the site (src/registrations/), and the secret and addresses every public form uses
 * (src/public-forms/settings.ts): read with strapi.config.get('registrations').
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Derives the token in every mailed link; changing it makes the links already mailed stop working.
  secret: env('REGISTRATION_SECRET', ''),
  // Where visitors land after a form (result pages) and where mails link to the event.
  siteUrl: env('SITE_URL', 'http://localhost:4321').replace(/\/+$/, ''),
  // The CMS as visitors' browsers reach it: the confirm and cancel links in mails point here.
  publicUrl: (env('PUBLIC_URL', '') || `http://localhost:${env.int('PORT', 1337)}`).replace(/\/+$/, ''),
  confirmHours: env.int('REGISTRATION_CONFIRM_HOURS', 48),
  reminderHours: env.int('REGISTRATION_REMINDER_HOURS', 24),
  eraseDays: env.int('REGISTRATION_ERASE_DAYS', 30),
  // Per client IP and per e-mail address, per route, in a sliding 10-minute window.
  rateLimitPerIp: env.int('REGISTRATION_RATE_LIMIT_IP', 20),
  rateLimitPerEmail: env.int('REGISTRATION_RATE_LIMIT_EMAIL', 5),
});
