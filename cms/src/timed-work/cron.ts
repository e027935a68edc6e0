import type { Core, Modules } from '@strapi/strapi';
import { TIME_ZONE } from '../shared/recurrence';
import { runTimedWork } from './run';

/** The cron task of the public forms' periodic work (config/server.ts); REGISTRATION_CRON sets how often. */
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
          // Counts only: a line per run that did something, nothing about anyone.
          if (report && Object.entries(report).some(([key, count]) => key !== 'tallied' && count > 0)) {
            strapi.log.info(
              `Sign-ups: ${report.expired} expired, ${report.promoted} moved up from a waiting list, ${report.reminded} reminded, ${report.erased} erased (${report.tallied} dates tallied); ` +
                `room requests: ${report.roomRequestsExpired} expired, ${report.roomRequestsErased} erased; ` +
                `volunteering: ${report.applicationsExpired} applications expired, ${report.digestsSent} weekly offer mails sent, ${report.interestsExpired} unconfirmed sign-ups for offers expired, ${report.organizationsReminded} organisations reminded, ${report.offersNoticed} offers about to lapse, ${report.applicationsErased} applications erased; ` +
                `organisations' panel: ${report.moderationDigestsSent} digests of Zgłoszenia sent to editors, ${report.panelLinksForgotten} sign-in links and ${report.panelSessionsForgotten} sessions forgotten, ${report.submissionsErased} decided submissions erased.`,
            );
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
