import { DateTime } from 'luxon';

export const TIME_ZONE = 'Europe/Warsaw';

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
