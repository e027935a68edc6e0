import { DateTime } from 'luxon';
import type { Language } from '../../../cms/src/languages/locales';
import { inWarsaw, TIME_ZONE } from './dates';
import type { Audience, EventType } from './labels';
import { shiftMonth, type YearMonth } from './month-grid';
import { expandOccurrences, type Occurrence, type Schedulable } from './recurrence';

/**
 * How event lists, the month grid, the archive and the feeds see events: as occurrences (a
 * repeating event is listed once per date), in Kraków time.
 */

export interface ListedEvent<E> {
  event: E;
  occurrence: Occurrence;
}

export interface DayGroup<E> {
  /** YYYY-MM-DD in Kraków. */
  date: string;
  items: ListedEvent<E>[];
}

/** Occurrences that have not ended at `from` (and start before `until`), soonest first. */
export function occurrencesFrom<E extends Schedulable>(events: E[], from: Date, until?: Date): ListedEvent<E>[] {
  return events
    .flatMap((event) => expandOccurrences(event, { from, to: until }).map((occurrence) => ({ event, occurrence })))
    .sort(byStart);
}

/** Occurrences that ended before `now`, latest first. */
export function pastOccurrences<E extends Schedulable>(events: E[], now: Date): ListedEvent<E>[] {
  return events
    .flatMap((event) => expandOccurrences(event).map((occurrence) => ({ event, occurrence })))
    .filter(({ occurrence }) => Date.parse(occurrence.endsAt ?? occurrence.startsAt) < now.getTime())
    .sort((a, b) => byStart(b, a));
}

const byStart = (a: ListedEvent<unknown>, b: ListedEvent<unknown>): number =>
  a.occurrence.startsAt.localeCompare(b.occurrence.startsAt) || a.occurrence.date.localeCompare(b.occurrence.date);

/** Consecutive occurrences on the same Kraków day, in the order given. */
export function groupByDay<E>(items: ListedEvent<E>[]): DayGroup<E>[] {
  const groups: DayGroup<E>[] = [];
  for (const item of items) {
    const date = item.occurrence.date;
    const last = groups.at(-1);
    if (last?.date === date) last.items.push(item);
    else groups.push({ date, items: [item] });
  }
  return groups;
}

/** Occurrences by the Kraków day they start on, for the month grid. */
export function byDay<E>(items: ListedEvent<E>[]): Map<string, ListedEvent<E>[]> {
  const days = new Map<string, ListedEvent<E>[]>();
  for (const item of [...items].sort(byStart)) {
    const date = item.occurrence.date;
    days.set(date, [...(days.get(date) ?? []), item]);
  }
  return days;
}

/**
 * How many occurrences a list page shows. Lists of every future date grew with the calendar (a
 * thousand events made 170 KB pages that took seconds to build); the month view has the rest.
 */
export const EVENT_LIST_LIMIT = 50;

/**
 * The soonest occurrences, at least `limit` of them and never cutting a day in half, and the month
 * of the first one left out (null when nothing is).
 */
export function firstOccurrences<E>(items: ListedEvent<E>[], limit = EVENT_LIST_LIMIT): { shown: ListedEvent<E>[]; nextMonth: YearMonth | null } {
  if (items.length <= limit) return { shown: items, nextMonth: null };
  const lastDay = items[limit - 1]!.occurrence.date;
  let end = limit;
  while (end < items.length && items[end]!.occurrence.date === lastDay) end += 1;
  if (end === items.length) return { shown: items, nextMonth: null };
  const [year, month] = items[end]!.occurrence.date.split('-').map(Number);
  return { shown: items.slice(0, end), nextMonth: { year: year!, month: month! } };
}

/** An event for everyone is shown under every audience filter. */
export function matchesFilter(event: { type: EventType; audience: Audience }, type: EventType | null, audience: Exclude<Audience, 'everyone'> | null): boolean {
  return (!type || event.type === type) && (!audience || event.audience === 'everyone' || event.audience === audience);
}

/**
 * The months that get a calendar page: from a year back (older ones are in the archive) to a year
 * ahead, widened to every month with an occurrence, but never more than two years ahead.
 */
export function calendarMonths(occurrenceStarts: string[], now: Date): YearMonth[] {
  const current = DateTime.fromJSDate(now, { zone: TIME_ZONE });
  const monthOf = (d: DateTime): YearMonth => ({ year: d.year, month: d.month });
  const index = ({ year, month }: YearMonth) => year * 12 + month - 1;
  const floor = index(monthOf(current.minus({ months: 12 })));
  const ceiling = index(monthOf(current.plus({ months: 24 })));
  let first = index(monthOf(current));
  let last = index(monthOf(current.plus({ months: 12 })));
  for (const start of occurrenceStarts) {
    const i = index(monthOf(inWarsaw(start)));
    first = Math.min(first, Math.max(i, floor));
    last = Math.max(last, Math.min(i, ceiling));
  }
  const months: YearMonth[] = [];
  for (let i = first; i <= last; i += 1) months.push({ year: Math.floor(i / 12), month: (i % 12) + 1 });
  return months;
}

export const currentMonth = (now: Date): YearMonth => {
  const current = DateTime.fromJSDate(now, { zone: TIME_ZONE });
  return { year: current.year, month: current.month };
};

export { shiftMonth };

/** Structured parts of an event's place, for the page, the ICS file and JSON-LD alike. */
export interface EventPlace {
  /** "Sala Warsztatowa, Centrum Obywatelskie, ul. Reymonta 20, 30-059 Kraków" */
  text: string | null;
  name: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  online: boolean;
  onSite: boolean;
}

interface PostalAddress {
  street: string;
  postalCode?: string | null;
  city?: string | null;
}

export function eventPlace(
  event: { format: 'on_site' | 'online' | 'hybrid'; room?: { name?: string } | null; venue?: { name: string; address?: PostalAddress | null } | null },
  centre: { name: string; address: PostalAddress },
): EventPlace {
  const online = event.format !== 'on_site';
  const onSite = event.format !== 'online';
  if (!onSite) return { text: 'online', name: null, street: null, postalCode: null, city: null, online, onSite };
  // A room is in the centre; an outside venue has an address of its own.
  const address = event.venue ? event.venue.address ?? null : centre.address;
  const name = event.venue ? event.venue.name : [event.room?.name, centre.name].filter(Boolean).join(', ');
  const street = address?.street ?? null;
  const city = [address?.postalCode, address?.city].filter(Boolean).join(' ') || null;
  const text = [name, street, city].filter(Boolean).join(', ') || null;
  return { text, name: name || null, street, postalCode: address?.postalCode ?? null, city: address?.city ?? null, online, onSite };
}

/** How far ahead a room's page shows its public events. */
export const ROOM_SCHEDULE_DAYS = 60;

/** The languages an event is held in, Polish first; one from before the field (null) is Polish. */
export function eventLanguages(event: { inPolish?: boolean | null; inUkrainian?: boolean | null; inEnglish?: boolean | null }): Language[] {
  return [...(event.inPolish !== false ? (['pl'] as const) : []), ...(event.inUkrainian ? (['uk'] as const) : []), ...(event.inEnglish ? (['en'] as const) : [])];
}

/** The languages the events list can be filtered by (Polish is the default, so no filter of its own). */
export const EVENT_LANGUAGE_FILTERS = ['uk', 'en'] as const;
export type EventLanguageFilter = (typeof EVENT_LANGUAGE_FILTERS)[number];
