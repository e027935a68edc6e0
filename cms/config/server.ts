import type { Core } from '@strapi/strapi';
import { parseCronRule } from '../src/scheduling/schedule';
import { scheduledPublishingTasks } from '../src/scheduling/publish-due';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // Public address of the CMS; used in media URLs and admin links behind a proxy.
  url: env('PUBLIC_URL', ''),
  proxy: env.bool('IS_PROXIED', false),
  app: { keys: env.array('APP_KEYS') },
  // Tests point this at a temp folder so their uploads never mix with the developer's.
  dirs: { public: env('PUBLIC_DIR', './public') },
  // No update check: it calls the npm registry on every start and writes a file into the app folder.
  logger: { updates: { enabled: false } },
  // Scheduled publishing ("Opublikuj automatycznie"): Strapi's Releases are an Enterprise feature.
  cron: {
    enabled: true,
    tasks: scheduledPublishingTasks({
      enabled: env.bool('SCHEDULED_PUBLISHING', true),
      rule: parseCronRule(env('SCHEDULED_PUBLISHING_CRON', '')),
    }),
  },
});
