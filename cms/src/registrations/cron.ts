import type { Core, Modules } from '@strapi/strapi';
import { TIME_ZONE } from './rules';
import { runTimedWork } from './timed';

/** The cron task of sign-ups' periodic work (config/server.ts); REGISTRATION_CRON sets how often. */
export function registrationTasks({ enabled, rule }: { enabled: boolean; rule: string }): Modules.Cron.CronTasks {
  if (!enabled) return {};
  // Within one instance a run never overlaps the next; across instances the database lock does it.
  let running = false;
  return {
    registrations: {
      options: { rule, tz: TIME_ZONE },
      task: async ({ strapi }: { strapi: Core.Strapi }) => {
        if (running) return;
        running = true;
        try {
          const report = await runTimedWork(strapi);
          if (report && (report.expired || report.promoted || report.reminded || report.erased || report.roomRequestsExpired || report.roomRequestsErased)) {
            strapi.log.info(`Sign-ups: ${report.expired} expired, ${report.promoted} moved up from a waiting list, ${report.reminded} reminded, ${report.erased} erased (${report.tallied} dates tallied); room requests: ${report.roomRequestsExpired} expired, ${report.roomRequestsErased} erased.`);
          }
        } catch (error) {
          strapi.log.error(`Sign-ups: the periodic run failed and is tried again at the next one: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          running = false;
        }
      },
    },
  };
}
