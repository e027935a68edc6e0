import { describe, expect, it } from 'vitest';
import { byDay, calendarMonths, eventPlace, firstOccurrences, groupByDay, matchesFilter, occurrencesFrom, pastOccurrences } from '../../../site/src/lib/events';

const event = (title: string, startsAt: string, endsAt: string | null = null, extra: Record<string, unknown> = {}) => ({ title, startsAt, endsAt, ...extra });

describe('event lists', () => {
  const events = [
    event('later', '2026-12-01T16:00:00Z', '2026-12-01T18:00:00Z'),
    event('running now', '2026-11-24T09:00:00Z', '2026-11-24T15:00:00Z'),
    event('over', '2026-11-20T09:00:00Z', '2026-11-20T10:00:00Z'),
    event('weekly', '2026-11-17T17:00:00Z', '2026-11-17T18:00:00Z', { recurrence: { frequency: 'weekly', until: '2026-12-08', tuesday: true } }),
  ];
  const now = new Date('2026-11-24T12:00:00Z');

  it('lists upcoming occurrences soonest first, including one that is still running', () => {
    expect(occurrencesFrom(events, now).map(({ event, occurrence }) => `${event.title} ${occurrence.date}`)).toEqual([
      'running now 2026-11-24',
      'weekly 2026-11-24',
      'later 2026-12-01',
      'weekly 2026-12-01',
      'weekly 2026-12-08',
    ]);
  });

  it('stops at the given end', () => {
    expect(occurrencesFrom(events, now, new Date('2026-12-01T00:00:00Z'))).toHaveLength(2);
  });

  it('puts past occurrences in the archive, latest first', () => {
    expect(pastOccurrences(events, now).map(({ event, occurrence }) => `${event.title} ${occurrence.date}`)).toEqual(['over 2026-11-20', 'weekly 2026-11-17']);
  });

  it('groups by the Kraków day, so 23:30 UTC on Saturday is already Sunday', () => {
    const late = [event('sobota', '2026-11-28T10:00:00Z'), event('noc', '2026-11-28T23:30:00Z')];
    const groups = groupByDay(occurrencesFrom(late, new Date('2026-11-01T00:00:00Z')));
    expect(groups.map((g) => [g.date, g.items.map((i) => i.event.title)])).toEqual([
      ['2026-11-28', ['sobota']],
      ['2026-11-29', ['noc']],
    ]);
    expect([...byDay(occurrencesFrom(late, new Date('2026-11-01T00:00:00Z'))).keys()]).toEqual(['2026-11-28', '2026-11-29']);
  });
});

describe('the length of an event list', () => {
  // Three occurrences a day from 1 December 2026, 09:00, 11:00 and 13:00 Kraków time.
  const items = occurrencesFrom(
    Array.from({ length: 30 }, (_, i) => event(`E${i}`, new Date(Date.UTC(2026, 11, 1 + Math.floor(i / 3), 8 + 2 * (i % 3))).toISOString())),
    new Date('2026-11-24T00:00:00Z'),
  );

  it('keeps a short list whole and points nowhere', () => {
    expect(firstOccurrences(items, 30)).toEqual({ shown: items, nextMonth: null });
  });

  it('finishes the day of the last occurrence it shows', () => {
    const { shown, nextMonth } = firstOccurrences(items, 4);
    expect(shown.map(({ event: e }) => e.title)).toEqual(['E0', 'E1', 'E2', 'E3', 'E4', 'E5']);
    expect(nextMonth).toEqual({ year: 2026, month: 12 });
  });

  it('names the month of the first occurrence left out', () => {
    const late = occurrencesFrom([event('A', '2026-12-31T10:00:00Z'), event('B', '2027-01-02T10:00:00Z')], new Date('2026-11-24T00:00:00Z'));
    expect(firstOccurrences(late, 1)).toEqual({ shown: [late[0]], nextMonth: { year: 2027, month: 1 } });
  });
});

describe('event filters', () => {
  it('match the type, and show events for everyone under every audience', () => {
    const forAll = { type: 'training' as const, audience: 'everyone' as const };
    const forNgos = { type: 'seminar' as const, audience: 'ngo' as const };
    expect(matchesFilter(forAll, null, 'residents')).toBe(true);
    expect(matchesFilter(forNgos, null, 'residents')).toBe(false);
    expect(matchesFilter(forNgos, 'seminar', 'ngo')).toBe(true);
    expect(matchesFilter(forNgos, 'training', null)).toBe(false);
    expect(matchesFilter(forNgos, null, null)).toBe(true);
  });
});

describe('calendar months', () => {
  it('cover a year back and a year ahead of today when there are no events', () => {
    const months = calendarMonths([], new Date('2026-11-24T12:00:00Z'));
    expect(months[0]).toEqual({ year: 2026, month: 11 });
    expect(months.at(-1)).toEqual({ year: 2027, month: 11 });
    expect(months).toHaveLength(13);
  });

  it('widen to events before today, but not beyond a year back, nor two years ahead', () => {
    const months = calendarMonths(['2026-09-10T10:00:00Z', '2020-01-01T10:00:00Z', '2031-05-01T10:00:00Z'], new Date('2026-11-24T12:00:00Z'));
    expect(months[0]).toEqual({ year: 2025, month: 11 });
    expect(months.at(-1)).toEqual({ year: 2028, month: 11 });
  });

  it('take the month in Kraków: 23:30 UTC on 31 December is already January', () => {
    const months = calendarMonths(['2027-12-31T23:30:00Z'], new Date('2026-11-24T12:00:00Z'));
    expect(months.at(-1)).toEqual({ year: 2028, month: 1 });
  });
});

describe('event place', () => {
  const centre = { name: 'Centrum Obywatelskie', address: { street: 'ul. Reymonta 20', postalCode: '30-059', city: 'Kraków' } };

  it('puts a room at the centre’s address', () => {
    const place = eventPlace({ format: 'on_site', room: { name: 'Sala Kameralna' } }, centre);
    expect(place.text).toBe('Sala Kameralna, Centrum Obywatelskie, ul. Reymonta 20, 30-059 Kraków');
    expect(place).toMatchObject({ onSite: true, online: false, street: 'ul. Reymonta 20', postalCode: '30-059' });
  });

  it('uses an outside venue’s own address', () => {
    const place = eventPlace({ format: 'hybrid', venue: { name: 'Klub Sąsiedzki', address: { street: 'ul. Lubomirskiego 5', city: 'Kraków' } } }, centre);
    expect(place.text).toBe('Klub Sąsiedzki, ul. Lubomirskiego 5, Kraków');
    expect(place).toMatchObject({ onSite: true, online: true });
  });

  it('says online for an online event', () => {
    expect(eventPlace({ format: 'online' }, centre)).toMatchObject({ text: 'online', onSite: false, online: true });
  });
});

