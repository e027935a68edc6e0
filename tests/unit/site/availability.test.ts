import { describe, expect, it } from 'vitest';
import { roomAvailability } from '../../../site/src/lib/availability';

const HOURS = [
  { dayFrom: 'monday', dayTo: 'friday', opens: '09:00:00.000', closes: '20:00:00.000' },
  { dayFrom: 'saturday', opens: '10:00:00.000', closes: '14:00:00.000' },
];

describe('a room\'s availability', () => {
  // Thursday 2027-03-25, 11:30 in Kraków (CET); summer time starts on Sunday the 28th.
  const now = new Date('2027-03-25T10:30:00Z');
  const busy = [
    { startsAt: '2027-03-25T15:00:00Z', endsAt: '2027-03-25T17:00:00Z' }, // Thu 16:00–18:00 CET
    { startsAt: '2027-03-30T14:30:00Z', endsAt: '2027-03-30T15:15:00Z' }, // Tue 16:30–17:15 CEST
  ];
  const table = roomAvailability(now, HOURS, busy, 2);

  it('has a row for every hour from the earliest opening to the latest closing', () => {
    expect(table.hours).toEqual(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00', '17:00', '18:00', '19:00']);
  });

  it('starts on this week\'s Monday and labels days in Polish', () => {
    expect(table.weeks.map((week) => week.label)).toEqual(['22–28 marca 2027', '29 marca – 4 kwietnia 2027']);
    expect(table.weeks[0]!.days.map((day) => day.label)).toEqual(['pon. 22.03', 'wt. 23.03', 'śr. 24.03', 'czw. 25.03', 'pt. 26.03', 'sob. 27.03', 'niedz. 28.03']);
  });

  it('marks past hours, busy hours, free hours and closed hours', () => {
    const thursday = table.weeks[0]!.days[3]!.cells;
    expect(thursday.slice(0, 3)).toEqual(['past', 'past', 'free']); // 9, 10 past; 11:00–12:00 still ahead
    expect(thursday.slice(7, 9)).toEqual(['busy', 'busy']);
    expect(thursday.slice(9)).toEqual(['free', 'free']);
    const saturday = table.weeks[0]!.days[5]!.cells;
    expect(saturday).toEqual(['closed', 'free', 'free', 'free', 'free', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed']);
    expect(new Set(table.weeks[0]!.days[6]!.cells)).toEqual(new Set(['closed']));
  });

  it('keeps Kraków wall-clock hours after the change to summer time, and a part-hour booking takes the whole hour', () => {
    const tuesday = table.weeks[1]!.days[1]!.cells;
    expect(tuesday[7]).toBe('busy'); // 16:00–17:00
    expect(tuesday[8]).toBe('busy'); // 17:00–18:00 (until 17:15)
    expect(tuesday[6]).toBe('free');
    expect(tuesday[9]).toBe('free');
  });

  it('starts with the next week when this one has nothing left to book', () => {
    const saturdayEvening = roomAvailability(new Date('2027-03-27T19:00:00Z'), HOURS, [], 2);
    expect(saturdayEvening.weeks.map((week) => week.label)).toEqual(['29 marca – 4 kwietnia 2027', '5–11 kwietnia 2027']);
  });

  it('has no rows when the settings have no opening hours', () => {
    expect(roomAvailability(now, [], busy, 1).hours).toEqual([]);
  });
});
