import { DateTime } from 'luxon';
import { TIME_ZONE } from './recurrence';

/**
 * Dates as people in Kraków read them: Europe/Warsaw wall-clock time (DST-correct), Polish
 * month and weekday names. Every page and feed formats dates through this module.
 */
export { TIME_ZONE };
import type { Language } from '../../../cms/src/languages/locales';

const LOCALE: Language = 'pl';
/** Words the formats need besides month and day names (Luxon has those in every language). */
const WORDS: Record<Language, { allDay: string; from: string }> = { pl: { allDay: 'cały dzień', from: 'od' }, uk: { allDay: 'увесь день', from: 'з' }, en: { allDay: 'all day', from: 'from' } };

// DateTimes are immutable, and a build formats the same few thousand instants on many pages;
// finding an instant's Warsaw offset is the slow part of Luxon, so each is worked out once.
const warsawTimes = new Map<string | number, DateTime>();

export const inWarsaw = (iso: string | Date, language: Language = LOCALE): DateTime => {
  const key = typeof iso === 'string' ? iso : iso.getTime();
  let value = warsawTimes.get(key);
  if (!value) {
    const utc = typeof iso === 'string' ? DateTime.fromISO(iso, { zone: 'utc' }) : DateTime.fromJSDate(iso, { zone: 'utc' });
    if (!utc.isValid) throw new Error(`Not a valid date: ${String(iso)}`);
    value = utc.setZone(TIME_ZONE).setLocale(LOCALE);
    warsawTimes.set(key, value);
  }
  return language === LOCALE ? value : value.setLocale(language);
};

/** "24 listopada 2026" */
export const formatDate = (iso: string | Date, language: Language = LOCALE): string => inWarsaw(iso, language).toFormat('d MMMM yyyy');

/** "24 listopada" from a Kraków calendar day ("2026-11-24"). */
export const formatDayMonth = (date: string, language: Language = LOCALE): string => DateTime.fromISO(date, { zone: TIME_ZONE, locale: language }).toFormat('d MMMM');

/** "wtorek, 24 listopada 2026" */
export const formatDateWithWeekday = (iso: string | Date, language: Language = LOCALE): string => inWarsaw(iso, language).toFormat('cccc, d MMMM yyyy');

/** "17:00" */
export const formatTime = (iso: string | Date): string => inWarsaw(iso).toFormat('HH:mm');

/** "listopad 2026" — the standalone (nominative) month, for calendar headings. */
export const formatMonth = (year: number, month: number, language: Language = LOCALE): string =>
  DateTime.fromObject({ year, month, day: 1 }, { zone: TIME_ZONE, locale: language }).toFormat('LLLL yyyy');

/** The calendar day in Kraków, "2026-11-24", for grouping and URLs. */
export const dayKey = (iso: string | Date): string => inWarsaw(iso).toISODate()!;

/** "2026-11-24T17:00:00+01:00": machine-readable with the offset Kraków had then (for <time>, JSON-LD, ICS). */
export const isoWithOffset = (iso: string | Date): string => inWarsaw(iso).toISO({ suppressMilliseconds: true })!;

/**
 * When an event happens, in words:
 * - "wtorek, 24 listopada 2026, 17:00–19:00"
 * - "24 listopada 2026, 17:00 – 25 listopada 2026, 12:00" (over several days)
 * - "wtorek, 24 listopada 2026, od 17:00" (no end given)
 * - "sobota, 28 listopada 2026, cały dzień" / "28–29 listopada 2026" (all-day)
 */
export function formatEventTime(startsAt: string, endsAt: string | null | undefined, allDay = false, language: Language = LOCALE): string {
  const start = inWarsaw(startsAt, language);
  const end = endsAt ? inWarsaw(endsAt, language) : null;
  const words = WORDS[language];
  const sameDay = !end || end.hasSame(start, 'day');
  if (allDay) {
    if (sameDay) return `${start.toFormat('cccc, d MMMM yyyy')}, ${words.allDay}`;
    if (end!.hasSame(start, 'month')) return `${start.toFormat('d')}–${end!.toFormat('d MMMM yyyy')}`;
    if (end!.hasSame(start, 'year')) return `${start.toFormat('d MMMM')} – ${end!.toFormat('d MMMM yyyy')}`;
    return `${start.toFormat('d MMMM yyyy')} – ${end!.toFormat('d MMMM yyyy')}`;
  }
  if (!end) return `${start.toFormat('cccc, d MMMM yyyy')}, ${words.from} ${start.toFormat('HH:mm')}`;
  if (sameDay) return `${start.toFormat('cccc, d MMMM yyyy')}, ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`;
  return `${start.toFormat('d MMMM yyyy, HH:mm')} – ${end.toFormat('d MMMM yyyy, HH:mm')}`;
}

/** "9:00" from a Strapi time value ("09:00:00.000"), as Polish opening hours are written. */
export const formatClock = (time: string): string => {
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!match) throw new Error(`Not a valid time: ${time}`);
  return `${Number(match[1])}:${match[2]}`;
};

const calendarDay = (date: string, language: Language = LOCALE): DateTime => {
  const day = DateTime.fromISO(date.slice(0, 10), { zone: TIME_ZONE, locale: language });
  if (!day.isValid) throw new Error(`Not a valid date: ${date}`);
  return day;
};

/** "12 grudnia 2026", or with its weekday "sobota, 12 grudnia 2026", from a Kraków calendar day ("2026-12-12"). */
export const formatCalendarDay = (date: string, withWeekday = false, language: Language = LOCALE): string => calendarDay(date, language).toFormat(withWeekday ? 'cccc, d MMMM yyyy' : 'd MMMM yyyy');

/** "12–13 grudnia 2026", "30 listopada – 2 grudnia 2026", "30 grudnia 2026 – 2 stycznia 2027": Kraków calendar days, both included. */
export function formatDayRange(from: string, to: string, language: Language = LOCALE): string {
  const start = calendarDay(from, language);
  const end = calendarDay(to, language);
  if (end.hasSame(start, 'day')) return start.toFormat('d MMMM yyyy');
  if (end.hasSame(start, 'month')) return `${start.toFormat('d')}–${end.toFormat('d MMMM yyyy')}`;
  if (end.hasSame(start, 'year')) return `${start.toFormat('d MMMM')} – ${end.toFormat('d MMMM yyyy')}`;
  return `${start.toFormat('d MMMM yyyy')} – ${end.toFormat('d MMMM yyyy')}`;
}

/** The end of a Kraków calendar day as an instant with its offset ("2026-12-12T23:59:59+01:00"), e.g. the last day to apply. */
export const endOfCalendarDay = (date: string): string => calendarDay(date).set({ hour: 23, minute: 59, second: 59, millisecond: 0 }).toISO({ suppressMilliseconds: true })!;
