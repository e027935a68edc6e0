import type { Core } from '@strapi/strapi';
import { parseCronRule } from '../src/scheduling/schedule';
import { scheduledPublishingTasks } from '../src/scheduling/publish-due';
import { registrationTasks } from '../src/timed-work/cron';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // Public address of the CMS; used in media URLs and admin links behind a proxy.
  url: env('PUBLIC_URL', ''),
  // Behind a reverse proxy, Koa takes the client's address from X-Forwarded-For — only then, and
  // only the last PROXY_MAX_IPS entries (the ones the proxy added), so a client cannot pick its own
  // address to escape the sign-up rate limits. (A plain `proxy: true` is ignored by Strapi 5.)
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: env.int('PROXY_MAX_IPS', 1) },
  app: { keys: env.array('APP_KEYS') },
  // Tests point this at a temp folder so their uploads never mix with the developer's.
  dirs: { public: env('PUBLIC_DIR', './public') },
  // How long a stopping CMS waits for the requests it is answering (src/operations/graceful-shutdown.ts).
  shutdownGraceSeconds: env.int('SHUTDOWN_GRACE_SECONDS', 20),
  // No update check: it calls the npm registry on every start and writes a file into the app folder.
  logger: { updates: { enabled: false } },
  // Scheduled publishing ("Opublikuj automatycznie"): Strapi's Releases are an Enterprise feature.
  cron: {
    enabled: true,
    tasks: {
      ...scheduledPublishingTasks({
        enabled: env.bool('SCHEDULED_PUBLISHING', true),
        rule: parseCronRule(env('SCHEDULED_PUBLISHING_CRON', '')),
      }),
      // Expiry of unconfirmed sign-ups and room requests, reminders, erasure afterwards (src/timed-work/run.ts).
      ...registrationTasks({
        enabled: env.bool('REGISTRATION_TIMED_WORK', true),
        rule: parseCronRule(env('REGISTRATION_CRON', ''), 'REGISTRATION_CRON', '*/5 * * * *'),
      }),
    },
  },
});
