import { describe, expect, it } from 'vitest';
import { expandOccurrences } from '../../../site/src/lib/recurrence';
import { monthGrid, monthPath, shiftMonth } from '../../../site/src/lib/month-grid';
import { isoWithOffset } from '../../../site/src/lib/dates';

const local = (iso: string) => isoWithOffset(iso);

describe('recurrence expansion', () => {
  it('gives a plain event exactly one occurrence', () => {
    expect(expandOccurrences({ startsAt: '2026-11-24T16:00:00Z', endsAt: '2026-11-24T18:00:00Z' })).toEqual([
      { startsAt: '2026-11-24T16:00:00Z', endsAt: '2026-11-24T18:00:00Z', date: '2026-11-24', index: 0 },
    ]);
  });

  it('repeats weekly at the same Kraków time across the autumn DST change', () => {
    const occurrences = expandOccurrences({
      startsAt: '2026-10-13T16:00:00Z', // Tue 18:00 CEST
      endsAt: '2026-10-13T18:00:00Z',
      recurrence: { frequency: 'weekly', interval: 1, until: '2026-11-03', tuesday: true },
    });
    expect(occurrences.map((o) => local(o.startsAt))).toEqual([
      '2026-10-13T18:00:00+02:00',
      '2026-10-20T18:00:00+02:00',
      '2026-10-27T18:00:00+01:00',
      '2026-11-03T18:00:00+01:00',
    ]);
    expect(occurrences.map((o) => local(o.endsAt!)).at(-1)).toBe('2026-11-03T20:00:00+01:00');
  });

  it('repeats on several weekdays every second week, starting from the first date', () => {
    const occurrences = expandOccurrences({
      startsAt: '2026-03-04T09:00:00Z', // Wed 10:00 CET
      recurrence: { frequency: 'weekly', interval: 2, until: '2026-04-03', monday: true, wednesday: true },
    });
    expect(occurrences.map((o) => o.date)).toEqual(['2026-03-04', '2026-03-16', '2026-03-18', '2026-03-30', '2026-04-01']);
    // The spring change on 29 March does not move 10:00.
    expect(local(occurrences.at(-1)!.startsAt)).toBe('2026-04-01T10:00:00+02:00');
  });

  it('repeats monthly on the same day and skips months that lack it', () => {
    const occurrences = expandOccurrences({ startsAt: '2026-01-31T16:00:00Z', recurrence: { frequency: 'monthly', interval: 1, until: '2026-06-30' } });
    expect(occurrences.map((o) => o.date)).toEqual(['2026-01-31', '2026-03-31', '2026-05-31']);
  });

  it('repeats monthly on the n-th weekday, e.g. every second Thursday', () => {
    const occurrences = expandOccurrences({
      startsAt: '2026-11-12T16:30:00Z', // second Thursday of November
      recurrence: { frequency: 'monthly', interval: 1, until: '2027-02-28', monthlyBy: 'weekday_of_month' },
    });
    expect(occurrences.map((o) => o.date)).toEqual(['2026-11-12', '2026-12-10', '2027-01-14', '2027-02-11']);
  });

  it('includes the last day of the series and nothing after it', () => {
    const occurrences = expandOccurrences({ startsAt: '2026-11-24T16:00:00Z', recurrence: { frequency: 'weekly', interval: 1, until: '2026-12-08' } });
    expect(occurrences.map((o) => o.date)).toEqual(['2026-11-24', '2026-12-01', '2026-12-08']);
  });

  it('limits occurrences to a window, keeping one that is still going on', () => {
    const event = { startsAt: '2026-11-02T09:00:00Z', endsAt: '2026-11-02T11:00:00Z', recurrence: { frequency: 'weekly' as const, interval: 1, until: '2026-12-31' } };
    const upcoming = expandOccurrences(event, { from: new Date('2026-11-16T10:00:00Z'), to: new Date('2026-12-01T00:00:00Z') });
    expect(upcoming.map((o) => o.date)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
    expect(upcoming[0]!.index).toBe(2);
  });

  it('rejects dates it cannot read', () => {
    expect(() => expandOccurrences({ startsAt: 'jutro' })).toThrow(/not a valid date/);
    expect(() => expandOccurrences({ startsAt: '2026-11-24T16:00:00Z', recurrence: { frequency: 'weekly', until: '31.12.2026' } })).toThrow(/not a valid date/);
  });
});

describe('month grid', () => {
  it('starts weeks on Monday and fills them from the neighbouring months', () => {
    const weeks = monthGrid({ year: 2026, month: 11 });
    expect(weeks).toHaveLength(6); // 1 November 2026 is a Sunday
    expect(weeks[0]![0]).toEqual({ date: '2026-10-26', day: 26, inMonth: false });
    expect(weeks[0]![6]).toEqual({ date: '2026-11-01', day: 1, inMonth: true });
    expect(weeks.at(-1)!.at(-1)).toEqual({ date: '2026-12-06', day: 6, inMonth: false });
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it('needs only four rows for a February starting on Monday', () => {
    const weeks = monthGrid({ year: 2027, month: 2 });
    expect(weeks).toHaveLength(4);
    expect(weeks.flat().every((d) => d.inMonth)).toBe(true);
  });

  it('is not shifted by the DST change inside the month', () => {
    const days = monthGrid({ year: 2026, month: 3 }).flat().filter((d) => d.inMonth).map((d) => d.day);
    expect(days).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
  });

  it('moves to the previous and next month across the year boundary', () => {
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth({ year: 2027, month: 1 }, -1)).toEqual({ year: 2026, month: 12 });
    expect(monthPath({ year: 2027, month: 1 })).toBe('2027/01');
  });
});
