/**
 * A room's availability for the weeks ahead, hour by hour in Kraków time: free, busy (an event or
 * an approved request), closed (outside the opening hours) or past. Built with the page, so it is
 * as fresh as the last build; the CMS checks every request against the live calendar anyway.
 */
import type { Language } from '../../../cms/src/languages/locales';
import { DateTime } from 'luxon';
import { TIME_ZONE } from './recurrence';

export interface Interval {
  /** UTC ISO instants. */
  startsAt: string;
  endsAt: string;
}

/** Opening hours as the global settings hold them ("09:00:00.000"). */
export interface OpeningHoursLike {
  dayFrom: string;
  dayTo?: string | null;
  opens: string;
  closes: string;
}

export type CellState = 'free' | 'busy' | 'closed' | 'past';

export interface AvailabilityDay {
  /** Kraków date, "2026-12-08". */
  date: string;
  /** "wt 8.12" */
  label: string;
  cells: CellState[];
}

export interface AvailabilityWeek {
  /** "7–13 grudnia 2026" */
  label: string;
  days: AvailabilityDay[];
}

export interface Availability {
  /** The hours the rows stand for: "09:00" … "19:00" (each row the hour that starts then). */
  hours: string[];
  weeks: AvailabilityWeek[];
}

export const AVAILABILITY_WEEKS = 8;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The opening hours of one weekday (1 = Monday), as minutes from midnight; none when closed. */
function openOn(weekday: number, hours: OpeningHoursLike[]): { opens: number; closes: number }[] {
  return hours
    .filter((entry) => {
      const first = WEEKDAYS.indexOf(entry.dayFrom) + 1;
      const last = entry.dayTo ? WEEKDAYS.indexOf(entry.dayTo) + 1 : first;
      return weekday >= first && weekday <= last;
    })
    .map((entry) => ({ opens: minutesOf(entry.opens), closes: minutesOf(entry.closes) }));
}

export function roomAvailability(now: Date, hours: OpeningHoursLike[], busy: Interval[], weeks = AVAILABILITY_WEEKS, language: Language = 'pl'): Availability {
  // One row per hour from the earliest opening to the latest closing of the week.
  const firstHour = Math.floor(Math.min(...hours.map((entry) => minutesOf(entry.opens))) / 60);
  const lastHour = Math.ceil(Math.max(...hours.map((entry) => minutesOf(entry.closes))) / 60);
  const rowHours = hours.length === 0 ? [] : Array.from({ length: lastHour - firstHour }, (_, i) => firstHour + i);
  const taken = busy.map((interval) => [Date.parse(interval.startsAt), Date.parse(interval.endsAt)] as const);
  // Weekday names and months in the page's language; the week still starts on Monday, Kraków time.
  const monday = DateTime.fromJSDate(now, { zone: TIME_ZONE }).setLocale(language).startOf('week');

  const all: AvailabilityWeek[] = Array.from({ length: weeks + 1 }, (_, w) => {
    const start = monday.plus({ weeks: w });
    const end = start.plus({ days: 6 });
    const label = start.month === end.month ? `${start.toFormat('d')}–${end.toFormat('d MMMM yyyy')}` : `${start.toFormat('d MMMM')} – ${end.toFormat('d MMMM yyyy')}`;
    return {
      label,
      days: Array.from({ length: 7 }, (_, d) => {
        const day = start.plus({ days: d });
        const open = openOn(day.weekday, hours);
        // Hours by arithmetic from midnight on a day without a clock change (every page builds
        // 63 days × its rows of them, in three languages); luxon on the two days with one.
        const midnight = day.startOf('day');
        const steady = midnight.offset === day.endOf('day').offset;
        const hourSpan = (hour: number): [number, number] => {
          if (steady) return [midnight.toMillis() + hour * 3_600_000, midnight.toMillis() + (hour + 1) * 3_600_000];
          const from = midnight.set({ hour });
          return [from.toMillis(), from.plus({ hours: 1 }).toMillis()];
        };
        return {
          date: day.toISODate()!,
          label: `${day.toFormat('ccc')} ${day.toFormat('d.MM')}`,
          cells: rowHours.map((hour): CellState => {
            const [startMs, endMs] = hourSpan(hour);
            if (endMs <= now.getTime()) return 'past';
            if (!open.some((range) => range.opens <= hour * 60 && (hour + 1) * 60 <= range.closes)) return 'closed';
            return taken.some(([s, e]) => s < endMs && startMs < e) ? 'busy' : 'free';
          }),
        };
      }),
    };
  });
  // On a Saturday evening this week has nothing left to book: the table starts with the next one.
  const ahead = (week: AvailabilityWeek) => week.days.some((day) => day.cells.some((cell) => cell === 'free' || cell === 'busy'));
  const first = rowHours.length > 0 && !ahead(all[0]!) ? 1 : 0;
  return { hours: rowHours.map((hour) => `${String(hour).padStart(2, '0')}:00`), weeks: all.slice(first, first + weeks) };
}
