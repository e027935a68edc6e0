import { DateTime } from 'luxon';
import { TIME_ZONE } from './dates';

export interface YearMonth {
  year: number;
  month: number;
}

export interface DayCell {
  /** YYYY-MM-DD */
  date: string;
  day: number;
  /** False for the days of the previous/next month that fill the first and last week. */
  inMonth: boolean;
}

/** Whole weeks, Monday first (as in Poland), covering the month: 4 to 6 rows of 7 days. */
export function monthGrid({ year, month }: YearMonth): DayCell[][] {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: TIME_ZONE });
  if (!first.isValid) throw new Error(`Not a valid month: ${year}-${month}`);
  const last = first.endOf('month');
  const weeks: DayCell[][] = [];
  for (let day = first.startOf('week'); day <= last; ) {
    const week: DayCell[] = [];
    for (let i = 0; i < 7; i += 1, day = day.plus({ days: 1 })) {
      week.push({ date: day.toISODate()!, day: day.day, inMonth: day.month === month });
    }
    weeks.push(week);
  }
  return weeks;
}

export function shiftMonth({ year, month }: YearMonth, by: number): YearMonth {
  const shifted = DateTime.fromObject({ year, month, day: 1 }, { zone: TIME_ZONE }).plus({ months: by });
  return { year: shifted.year, month: shifted.month };
}

/** "2026/11": the month's path segment under /wydarzenia/. */
export const monthPath = ({ year, month }: YearMonth): string => `${year}/${String(month).padStart(2, '0')}`;
