import { DateTime } from 'luxon';
import type { Core, Modules } from '@strapi/strapi';
import { MAIN_FIELDS } from '../content/labels';
import { isLocalizedType } from '../languages/locales';
import { TIME_ZONE } from '../validation/rules';
import { isRecord } from '../validation/write-shapes';
import { SCHEDULED_TYPES, SCHEDULE_FIELD, isScheduledType, type ScheduledType } from './schedule';
import { withJobLock } from '../public-forms/lock';

/** Longer than a run takes; a crashed instance's lease is free again after this. */
const LEASE_MS = 10 * 60_000;

/** One entry the scheduler put on the site. */
export interface Publication {
  uid: ScheduledType;
  documentId: string;
  title: string;
}

export interface PublishDueOptions {
  /**
   * Failures already logged, as "uid documentId" → reason. A draft that cannot be published keeps
   * its time and is tried again at every run (it may have been fixed, e.g. alt text added in the
   * media library); the same reason is logged once, not every minute.
   */
  reportedFailures?: Map<string, string>;
}

const reportedFailures = new Map<string, string>();

/**
 * Publishes every draft whose `publishAt` has come, the oldest first, and returns what it
 * published. Publishing goes through the document service, so the validation middleware
 * re-checks each draft exactly as when an editor clicks Publish, and clears its `publishAt`
 * (`publishEndingSchedule`). Called by the cron task below; exported for tests.
 */
export async function publishDue(strapi: Core.Strapi, now = new Date(), options: PublishDueOptions = {}): Promise<Publication[]> {
  const reported = options.reportedFailures ?? reportedFailures;
  const failing = new Set<string>();
  const published: Publication[] = [];

  for (const uid of SCHEDULED_TYPES) {
    const titleField = MAIN_FIELDS[uid] ?? 'title';
    const typeName = strapi.contentTypes[uid]?.info.displayName ?? uid;
    const due: unknown[] = await strapi.documents(uid).findMany({
      status: 'draft',
      filters: { [SCHEDULE_FIELD]: { $notNull: true, $lte: now.toISOString() } },
      sort: { [SCHEDULE_FIELD]: 'asc' },
      fields: [titleField, SCHEDULE_FIELD],
    });

    for (const draft of due) {
      if (!isRecord(draft) || typeof draft.documentId !== 'string') throw new Error(`Scheduled publishing: ${uid} returned a draft without a documentId: ${JSON.stringify(draft)}`);
      const { documentId } = draft;
      const title = typeof draft[titleField] === 'string' ? draft[titleField] : '';
      const what = `${typeName} „${title}” (${uid}, documentId ${documentId}, due ${krakowTime(draft[SCHEDULE_FIELD])} Kraków time)`;
      const key = `${uid} ${documentId}`;
      try {
        // Every language: the time is shared, and a translation saved before it goes out with it.
        await strapi.documents(uid).publish({ documentId, ...(isLocalizedType(uid) ? { locale: '*' } : {}) });
        strapi.log.info(`Scheduled publishing: published ${what}.`);
        published.push({ uid, documentId, title });
      } catch (error) {
        // Log and carry on, deliberately: the scheduler runs unattended, and one entry the CMS
        // refuses (a required field left empty, an image whose alt text was removed) must not
        // hold back the others due at the same time. The draft keeps its time, so an editor who
        // opens it sees it is overdue, and clicking Publish shows the same reason by the field.
        failing.add(key);
        const reason = describeError(error);
        if (reported.get(key) === reason) {
          strapi.log.debug(`Scheduled publishing: ${what} still cannot be published: ${reason}`);
        } else {
          reported.set(key, reason);
          strapi.log.error(`Scheduled publishing: could not publish ${what}; it stays a draft and is tried again at every run: ${reason}`);
        }
      }
    }
  }

  // Forget drafts that were published, unscheduled or deleted, so a new failure is logged again.
  for (const key of reported.keys()) if (!failing.has(key)) reported.delete(key);
  return published;
}

/**
 * Publishing ends a schedule, whoever publishes (the scheduler, the Publish button, bulk publish):
 * a time left in the draft would otherwise publish it once more later, taking along whatever was
 * saved, but not published, in the meantime. The time is cleared in the draft just before Strapi
 * copies the draft into the published version, in the same transaction, so
 * - the published version never carries it and the draft is not newer than the published
 *   version (the admin would show the entry as "Modified");
 * - a publication Strapi refuses leaves the schedule as it was;
 * - no extra update event (and so no extra site rebuild) is sent: this is a plain database write.
 * Called by the document-service middleware (validation/document-middleware.ts) for `publish`.
 */
export async function publishEndingSchedule<T>(strapi: Core.Strapi, uid: string, documentId: string | undefined, publish: () => Promise<T>): Promise<T> {
  if (!documentId || !isScheduledType(uid)) return publish();
  return strapi.db.transaction(async () => {
    await strapi.db.query(uid).updateMany({
      where: { documentId, publishedAt: { $null: true }, [SCHEDULE_FIELD]: { $notNull: true } },
      data: { [SCHEDULE_FIELD]: null },
    });
    return publish();
  });
}

export interface SchedulerSettings {
  /** SCHEDULED_PUBLISHING */
  enabled: boolean;
  /** SCHEDULED_PUBLISHING_CRON, checked by parseCronRule */
  rule: string;
}

/** The cron task for `server.cron.tasks` (config/server.ts); none when scheduling is switched off. */
export function scheduledPublishingTasks({ enabled, rule }: SchedulerSettings): Modules.Cron.CronTasks {
  if (!enabled) return {};
  // Strapi's cron starts a run even while the previous one is still going (many due entries, a
  // slow database); two runs at once would publish the same drafts twice. Within one instance the
  // flag keeps them apart, across instances on one database the lease: whichever takes it runs
  // the tick, the others skip it (and find nothing due at the next).
  let running = false;
  return {
    scheduledPublishing: {
      // Kraków time, so a rule such as "0 6 * * *" means 6:00 here whatever the server's zone.
      options: { rule, tz: TIME_ZONE },
      task: async ({ strapi }) => {
        if (running) return;
        running = true;
        try {
          await withJobLock(strapi, 'scheduled-publishing', LEASE_MS, () => publishDue(strapi));
        } catch (error) {
          strapi.log.error(`Scheduled publishing: the run stopped before it went through every type: ${describeError(error)}`);
        } finally {
          running = false;
        }
      },
    },
  };
}

function krakowTime(value: unknown): string {
  const date = typeof value === 'string' || typeof value === 'number' ? new Date(value) : value instanceof Date ? value : null;
  if (!date || Number.isNaN(date.getTime())) return String(value);
  return DateTime.fromJSDate(date, { zone: TIME_ZONE }).toFormat('yyyy-MM-dd HH:mm');
}

/** An error's message, with the fields a Strapi ValidationError names. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details: unknown = (error as Error & { details?: unknown }).details;
  const fields = isRecord(details) && Array.isArray(details.errors)
    ? details.errors.flatMap((item) => (isRecord(item) && Array.isArray(item.path) ? [item.path.join('.')] : []))
    : [];
  return fields.length > 0 ? `${error.message} [fields: ${fields.join(', ')}]` : error.message;
}
