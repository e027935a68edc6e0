import { DateTime } from 'luxon';
import { TIME_ZONE } from '../../src/validation/rules';

/** A moment written relative to the seeding day, in Kraków local time. */
export interface RelativeMoment {
  day: number;
  time: string;
}

/** The seeding day's midnight in Kraków; `today` (YYYY-MM-DD) pins it for reproducible runs. */
export function seedingDay(today?: string): DateTime {
  const day = today ? DateTime.fromISO(today, { zone: TIME_ZONE }) : DateTime.now().setZone(TIME_ZONE);
  if (!day.isValid) throw new Error(`Invalid seeding day "${today}": expected YYYY-MM-DD.`);
  return day.startOf('day');
}

/**
 * "17:00 twelve days ago in Kraków" as a UTC ISO string. Local wall-clock time is kept across
 * DST changes: 17:00 stays 17:00 whether that day is CET (+01:00) or CEST (+02:00).
 */
export function toInstant(base: DateTime, { day, time }: RelativeMoment): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`Invalid time "${time}": expected HH:mm.`);
  const local = base.plus({ days: day }).set({ hour: Number(match[1]), minute: Number(match[2]), second: 0, millisecond: 0 });
  return local.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}

/** The calendar date `days` after the seeding day, as YYYY-MM-DD. */
export function toDateString(base: DateTime, days: number): string {
  return base.plus({ days }).toISODate() ?? '';
}

const WEEKDAY_NUMBERS: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };

/**
 * Days to move a weekly event forward so its first occurrence falls on one of its weekdays:
 * relative dates land on a different weekday every seeding day.
 */
export function daysToWeekday(base: DateTime, day: number, weekdays: readonly string[]): number {
  const wanted = new Set(weekdays.map((name) => WEEKDAY_NUMBERS[name]));
  if (wanted.size === 0) return 0;
  for (let shift = 0; shift < 7; shift += 1) {
    if (wanted.has(base.plus({ days: day + shift }).weekday)) return shift;
  }
  throw new Error(`Unknown weekday in ${weekdays.join(', ')}.`);
}

/** "9:00" → "09:00:00.000", the form Strapi's time fields accept. */
export function toStrapiTime(time: string): string {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim());
  if (!match) throw new Error(`Invalid time "${time}": expected HH:mm.`);
  return `${match[1]!.padStart(2, '0')}:${match[2]}:${match[3] ?? '00'}.000`;
}
