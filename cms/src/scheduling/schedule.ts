/**
 * Scheduled publishing without Strapi's Releases (an Enterprise feature): editors put a time into
 * the `publishAt` field and save; a cron task (`publish-due.ts`) publishes the draft when the time
 * has come. The rules here are pure, so they are unit-tested without Strapi.
 */
import type { UID } from '@strapi/strapi';
import { fieldName } from '../content/labels';
import { isBlank, toDate, type Entry, type FieldError } from '../validation/rules';

/** The field editors fill in; its Polish label is in content/labels.ts. */
export const SCHEDULE_FIELD = 'publishAt';

/** The draft-and-publish types whose entries are pages of the public site, and so worth scheduling. */
export const SCHEDULED_TYPES = [
  'api::article.article',
  'api::guide.guide',
  'api::event.event',
  'api::organization.organization',
  'api::page.page',
  'api::room.room',
  'api::volunteer-offer.volunteer-offer',
] as const satisfies readonly UID.ContentType[];

export type ScheduledType = (typeof SCHEDULED_TYPES)[number];

export const isScheduledType = (uid: string): uid is ScheduledType => (SCHEDULED_TYPES as readonly string[]).includes(uid);

/** The default run: every minute, so an entry goes live within a minute of its time. */
export const DEFAULT_CRON_RULE = '*/1 * * * *';

// Five fields (minute first) or six (second first). Strapi's cron checks the values themselves,
// but only logs a bad rule and carries on without the job; a wrong shape is caught here, at start.
const CRON_FIELD = /^[0-9A-Za-z*?,/#-]+$/;

/**
 * The cron rule from a setting (SCHEDULED_PUBLISHING_CRON by default), or an error saying what is
 * wrong with it, so a typo stops the CMS at start instead of silently switching a job off.
 */
export function parseCronRule(value: string | undefined, setting = 'SCHEDULED_PUBLISHING_CRON', fallback = DEFAULT_CRON_RULE): string {
  const rule = (value ?? '').trim();
  if (!rule) return fallback;
  const fields = rule.split(/\s+/);
  if ((fields.length !== 5 && fields.length !== 6) || !fields.every((field) => CRON_FIELD.test(field))) {
    throw new Error(
      `${setting}="${rule}" is not a cron rule: expected 5 fields (minute hour day month weekday, e.g. "${fallback}") or 6 with seconds first (e.g. "*/10 * * * * *").`,
    );
  }
  return fields.join(' ');
}

/** The attribute facts the rules below read; Strapi's schema attributes have this shape. */
export interface AttributeFacts {
  type: string;
  required?: boolean;
  default?: unknown;
}

// Values Strapi cannot fill in by itself. Relations, media and components are left to Strapi's
// own check at publication: a draft's copy of them is not in the entry these rules see.
const SCALAR_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'integer', 'biginteger', 'decimal', 'float', 'date', 'datetime', 'time', 'enumeration', 'boolean', 'json', 'blocks']);

/**
 * A scheduled entry is published when nobody is watching, so what would stop the publication
 * must be caught when it is saved: Strapi lets a draft leave required fields empty, but refuses
 * to publish it. Fields with a default are filled in by Strapi and are not reported.
 */
export function checkSchedulable(uid: string, attributes: Record<string, AttributeFacts>, entry: Entry): FieldError[] {
  if (isBlank(entry[SCHEDULE_FIELD])) return [];
  const problems: FieldError[] = [];
  for (const [name, attribute] of Object.entries(attributes)) {
    if (!attribute.required || attribute.default !== undefined || !SCALAR_TYPES.has(attribute.type)) continue;
    if (!isBlank(entry[name])) continue;
    problems.push({
      path: [name],
      message: `${fieldName(uid, [name])}: wpis ma ustawioną datę „Opublikuj automatycznie”, a bez tego pola nie może zostać opublikowany – uzupełnij je albo usuń tę datę.`,
    });
  }
  return problems;
}

/**
 * A duplicate does not inherit the schedule of the entry it was copied from: a copy is the start
 * of another entry, and publishing it by itself would put a half-edited copy on the site. A time
 * the editor changed in the duplicate's form is kept.
 */
export function dropInheritedSchedule(data: Entry, source: Entry | null): void {
  const given = data[SCHEDULE_FIELD];
  const inherited = source?.[SCHEDULE_FIELD];
  if (given === undefined ? !isBlank(inherited) : sameInstant(given, inherited)) data[SCHEDULE_FIELD] = null;
}

/** The form sends an ISO string; the database may hand back a Date or a number of milliseconds. */
function sameInstant(a: unknown, b: unknown): boolean {
  const time = (value: unknown): number | null => (typeof value === 'number' ? value : (toDate(value)?.getTime() ?? null));
  const first = time(a);
  return first !== null && first === time(b);
}

/**
 * A write that also publishes (the REST API publishes unless asked for `status=draft`) ends the
 * schedule just as the Publish button does; see `publishEndingSchedule` for why. Only a schedule
 * that exists is cleared, so other writes stay exactly as they were sent.
 */
export function endScheduleOnPublishingWrite(data: Entry, current: Entry | null): void {
  if (!isBlank(data[SCHEDULE_FIELD]) || !isBlank(current?.[SCHEDULE_FIELD])) data[SCHEDULE_FIELD] = null;
}
