import { describe, expect, it } from 'vitest';
import { daysToWeekday, seedingDay, toDateString, toInstant, toStrapiTime } from '../../cms/scripts/seed/relative-dates';

describe('seed dates relative to the seeding day', () => {
  it('keeps the Kraków wall-clock time across the spring DST change', () => {
    const base = seedingDay('2026-03-27');
    expect(toInstant(base, { day: 0, time: '17:00' })).toBe('2026-03-27T16:00:00Z'); // CET, UTC+1
    expect(toInstant(base, { day: 3, time: '17:00' })).toBe('2026-03-30T15:00:00Z'); // CEST, UTC+2
  });

  it('keeps the Kraków wall-clock time across the autumn DST change', () => {
    const base = seedingDay('2026-10-23');
    expect(toInstant(base, { day: 0, time: '09:30' })).toBe('2026-10-23T07:30:00Z');
    expect(toInstant(base, { day: 10, time: '09:30' })).toBe('2026-11-02T08:30:00Z');
  });

  it('counts days back and forward as calendar days', () => {
    const base = seedingDay('2026-11-23');
    expect(toDateString(base, -60)).toBe('2026-09-24');
    expect(toDateString(base, 90)).toBe('2027-02-21');
  });

  it('rejects malformed times and days', () => {
    expect(() => toInstant(seedingDay('2026-11-23'), { day: 0, time: '7pm' })).toThrow(/HH:mm/);
    expect(() => seedingDay('23.11.2026')).toThrow(/YYYY-MM-DD/);
  });

  it('moves a weekly event forward to its first listed weekday', () => {
    const monday = seedingDay('2026-11-23');
    expect(daysToWeekday(monday, 0, ['tuesday'])).toBe(1);
    expect(daysToWeekday(monday, 0, ['monday', 'thursday'])).toBe(0);
    expect(daysToWeekday(monday, 2, ['monday'])).toBe(5);
    expect(daysToWeekday(monday, -3, [])).toBe(0);
  });

  it('writes opening hours in the form Strapi stores', () => {
    expect(toStrapiTime('9:00')).toBe('09:00:00.000');
    expect(toStrapiTime('20:30')).toBe('20:30:00.000');
    expect(() => toStrapiTime('9')).toThrow(/HH:mm/);
  });
});
