import { describe, expect, it } from 'vitest';
import { dayKey, formatClock, formatDate, formatDateWithWeekday, formatDayMonth, formatEventTime, formatMonth, formatTime, isoWithOffset } from '../../../site/src/lib/dates';

describe('Warsaw dates in Polish', () => {
  it('formats dates with Polish genitive month names and weekdays', () => {
    expect(formatDate('2026-11-24T16:00:00Z')).toBe('24 listopada 2026');
    expect(formatDateWithWeekday('2026-11-24T16:00:00Z')).toBe('wtorek, 24 listopada 2026');
    expect(formatMonth(2026, 11)).toBe('listopad 2026');
    expect(formatMonth(2027, 2)).toBe('luty 2027');
  });

  it('shows winter time as UTC+1 and summer time as UTC+2', () => {
    expect(formatTime('2026-01-15T16:00:00Z')).toBe('17:00');
    expect(formatTime('2026-07-15T16:00:00Z')).toBe('18:00');
    expect(isoWithOffset('2026-01-15T16:00:00Z')).toBe('2026-01-15T17:00:00+01:00');
    expect(isoWithOffset('2026-07-15T16:00:00Z')).toBe('2026-07-15T18:00:00+02:00');
  });

  it('handles the spring change: 2:00 becomes 3:00 on the last Sunday of March', () => {
    expect(isoWithOffset('2026-03-29T00:59:00Z')).toBe('2026-03-29T01:59:00+01:00');
    expect(isoWithOffset('2026-03-29T01:00:00Z')).toBe('2026-03-29T03:00:00+02:00');
  });

  it('handles the autumn change: 3:00 goes back to 2:00 on the last Sunday of October', () => {
    expect(isoWithOffset('2026-10-25T00:30:00Z')).toBe('2026-10-25T02:30:00+02:00');
    expect(isoWithOffset('2026-10-25T01:30:00Z')).toBe('2026-10-25T02:30:00+01:00');
  });

  it('puts late-evening UTC times on the next Kraków day', () => {
    expect(dayKey('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(dayKey('2026-06-30T22:30:00Z')).toBe('2026-07-01');
    expect(dayKey('2026-06-30T21:30:00Z')).toBe('2026-06-30');
  });

  it('rejects something that is not a date', () => {
    expect(() => formatDate('wczoraj')).toThrow(/Not a valid date/);
  });
});

describe('event time in words', () => {
  it('describes a same-day event with its hours', () => {
    expect(formatEventTime('2026-11-24T16:00:00Z', '2026-11-24T18:00:00Z')).toBe('wtorek, 24 listopada 2026, 17:00–19:00');
  });

  it('describes an event without an end', () => {
    expect(formatEventTime('2026-11-24T16:00:00Z', null)).toBe('wtorek, 24 listopada 2026, od 17:00');
  });

  it('describes an event over several days, across a DST change', () => {
    expect(formatEventTime('2026-10-24T08:00:00Z', '2026-10-25T11:00:00Z')).toBe('24 października 2026, 10:00 – 25 października 2026, 12:00');
  });

  it('describes all-day events without hours', () => {
    expect(formatEventTime('2026-11-27T23:00:00Z', '2026-11-28T22:59:00Z', true)).toBe('sobota, 28 listopada 2026, cały dzień');
    expect(formatEventTime('2026-11-27T23:00:00Z', '2026-11-29T22:59:00Z', true)).toBe('28–29 listopada 2026');
    expect(formatEventTime('2026-11-29T23:00:00Z', '2026-12-01T22:59:00Z', true)).toBe('30 listopada – 1 grudnia 2026');
  });
});

describe('short forms', () => {
  it('write opening hours the Polish way and name a day with its month in the genitive', () => {
    expect(formatClock('09:00:00.000')).toBe('9:00');
    expect(formatClock('20:30')).toBe('20:30');
    expect(() => formatClock('rano')).toThrow(/Not a valid time/);
    expect(formatDayMonth('2026-03-29')).toBe('29 marca');
  });
});
