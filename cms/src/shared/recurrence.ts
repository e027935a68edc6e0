import { DateTime } from 'luxon';
/** The centre's time zone: occurrences keep Kraków's wall-clock time across DST changes. */
export const TIME_ZONE = 'Europe/Warsaw';

/** The simple repetition editors can set on an event (weekly/monthly), as Strapi returns it. */
export interface Recurrence {
  frequency: 'weekly' | 'monthly';
  interval?: number | null;
  /** Last day (YYYY-MM-DD, Kraków), inclusive. */
  until: string;
  monthlyBy?: 'day_of_month' | 'weekday_of_month' | null;
  monday?: boolean | null;
  tuesday?: boolean | null;
  wednesday?: boolean | null;
  thursday?: boolean | null;
  friday?: boolean | null;
  saturday?: boolean | null;
  sunday?: boolean | null;
}

export interface Schedulable {
  startsAt: string;
  endsAt?: string | null;
  recurrence?: Recurrence | null;
}

export interface Occurrence {
  /** UTC ISO instants of this occurrence. */
  startsAt: string;
  endsAt: string | null;
  /** Kraków date of the occurrence, unique per event: "2026-11-24". */
  date: string;
  /** 0 for the first occurrence. */
  index: number;
}

export interface ExpandOptions {
  /** Only occurrences that have not ended before this moment… */
  from?: Date;
  /** …and start before this one. */
  to?: Date;
  /** Safety net against runaway data. */
  limit?: number;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/**
 * Every occurrence of an event: one for a plain event, the series for a repeating one. Each
 * occurrence keeps the wall-clock time of the first (18:00 stays 18:00 across a DST change) and
 * its length; a monthly series on the 31st skips shorter months, one on the fifth Tuesday skips
 * months without one.
 */
export function expandOccurrences(event: Schedulable, options: ExpandOptions = {}): Occurrence[] {
  return series(event, options.limit ?? 1000).filter((o) => {
    const ends = Date.parse(o.endsAt ?? o.startsAt);
    return (!options.from || ends >= options.from.getTime()) && (!options.to || Date.parse(o.startsAt) < options.to.getTime());
  });
}

// A build expands the same event on hundreds of pages, and Luxon's time-zone arithmetic was the
// largest share of a big build's time; so each event object's series is worked out once. (Content
// objects are never changed in place, so the identity of the object is a safe key.)
const seriesCache = new WeakMap<Schedulable, Map<number, readonly Occurrence[]>>();

function series(event: Schedulable, limit: number): readonly Occurrence[] {
  const byLimit = seriesCache.get(event) ?? new Map<number, readonly Occurrence[]>();
  seriesCache.set(event, byLimit);
  const known = byLimit.get(limit);
  if (known) return known;
  const start = DateTime.fromISO(event.startsAt, { zone: 'utc' }).setZone(TIME_ZONE);
  if (!start.isValid) throw new Error(`Event start is not a valid date: ${event.startsAt}`);
  const end = event.endsAt ? DateTime.fromISO(event.endsAt, { zone: 'utc' }).setZone(TIME_ZONE) : null;
  const length = end ? end.diff(start, ['days', 'hours', 'minutes', 'seconds']) : null;

  const starts = event.recurrence ? seriesStarts(start, event.recurrence, limit) : [start];
  const occurrences = Object.freeze(
    starts.map((occurrenceStart, index) =>
      Object.freeze({
        startsAt: occurrenceStart.toUTC().toISO({ suppressMilliseconds: true })!,
        endsAt: length ? occurrenceStart.plus(length).toUTC().toISO({ suppressMilliseconds: true })! : null,
        date: occurrenceStart.toISODate()!,
        index,
      }),
    ),
  );
  byLimit.set(limit, occurrences);
  return occurrences;
}

function seriesStarts(start: DateTime, recurrence: Recurrence, limit: number): DateTime[] {
  const until = DateTime.fromISO(recurrence.until, { zone: TIME_ZONE }).endOf('day');
  if (!until.isValid) throw new Error(`Recurrence end is not a valid date: ${recurrence.until}`);
  const interval = Math.max(1, Math.floor(recurrence.interval ?? 1));
  const clock = { hour: start.hour, minute: start.minute, second: start.second, millisecond: 0 };
  const starts: DateTime[] = [];

  if (recurrence.frequency === 'weekly') {
    const chosen = WEEKDAYS.map((day, i) => (recurrence[day] ? i + 1 : 0)).filter(Boolean);
    const weekdays = chosen.length > 0 ? chosen : [start.weekday];
    const firstWeek = start.startOf('week');
    for (let week = 0; starts.length < limit; week += interval) {
      const monday = firstWeek.plus({ weeks: week });
      if (monday > until) break;
      for (const weekday of weekdays) {
        const candidate = monday.plus({ days: weekday - 1 }).set(clock);
        if (candidate >= start && candidate <= until && starts.length < limit) starts.push(candidate);
      }
    }
    return starts;
  }

  const byWeekday = recurrence.monthlyBy === 'weekday_of_month';
  const nth = Math.ceil(start.day / 7);
  for (let month = 0; starts.length < limit; month += interval) {
    const first = start.startOf('month').plus({ months: month });
    if (first > until) break;
    let candidate: DateTime | null;
    if (byWeekday) {
      const offset = (start.weekday - first.weekday + 7) % 7;
      const day = 1 + offset + (nth - 1) * 7;
      candidate = day <= first.daysInMonth! ? first.set({ day, ...clock }) : null;
    } else {
      candidate = start.day <= first.daysInMonth! ? first.set({ day: start.day, ...clock }) : null;
    }
    if (candidate && candidate >= start && candidate <= until) starts.push(candidate);
  }
  return starts;
}
