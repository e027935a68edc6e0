import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, googleCalendarUrl, type CalendarEvent } from '../../../site/src/lib/calendar';

const base: CalendarEvent = {
  documentId: 'abc123',
  title: 'Szkolenie: budżet projektu; krok po kroku, z przykładami',
  description: 'Dla organizacji.\nZabierz laptop.',
  url: 'https://co.krakow.pl/wydarzenia/szkolenie-budzet/',
  startsAt: '2026-10-20T15:00:00Z',
  endsAt: '2026-10-20T17:00:00Z',
  allDay: false,
  location: 'Centrum Obywatelskie, ul. Reymonta 20, 30-059 Kraków',
  status: 'scheduled',
  updatedAt: '2026-10-01T08:00:00Z',
};

/** Parses with Mozilla's ical.js, registering the file's own VTIMEZONE like a calendar app does. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

describe('iCalendar output', () => {
  it('parses with a real parser and keeps the text intact', () => {
    const [event] = parse(buildCalendar([base], { name: 'Wydarzenia', domain: 'co.krakow.pl' }));
    expect(event!.summary).toBe(base.title);
    expect(event!.location).toBe(base.location);
    expect(event!.description).toBe(`${base.description}\n\n${base.url}`);
    expect(event!.uid).toBe('abc123-2026-10-20@co.krakow.pl');
  });

  it('writes local Kraków times with TZID and converts back to the right instant on both sides of DST', () => {
    const text = buildCalendar(
      [{ ...base, recurrence: { frequency: 'weekly', interval: 1, until: '2026-10-27', tuesday: true } }],
      { name: 'Wydarzenia', domain: 'co.krakow.pl' },
    );
    expect(text).toContain('DTSTART;TZID=Europe/Warsaw:20261020T170000');
    expect(text).toContain('DTSTART;TZID=Europe/Warsaw:20261027T170000');
    expect(text).toMatch(/DTSTAMP:20261001T080000Z/);
    const events = parse(text);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(['2026-10-20T15:00:00.000Z', '2026-10-27T16:00:00.000Z']);
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);
  });

  it('gives the same UIDs on every build', () => {
    const first = buildCalendar([base], { name: 'W', domain: 'co.krakow.pl' });
    expect(buildCalendar([base], { name: 'W', domain: 'co.krakow.pl' })).toBe(first);
  });

  it('marks cancelled events with STATUS:CANCELLED and in the title', () => {
    const [event] = parse(buildCalendar([{ ...base, status: 'cancelled' }], { name: 'W', domain: 'co.krakow.pl' }));
    expect(event!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event!.summary).toMatch(/^ODWOŁANE: /);
  });

  it('writes all-day events as dates, the end being the day after', () => {
    const allDay = { ...base, allDay: true, startsAt: '2026-11-27T23:00:00Z', endsAt: '2026-11-29T22:59:00Z' };
    const text = buildCalendar([allDay], { name: 'W', domain: 'co.krakow.pl' });
    expect(text).toContain('DTSTART;VALUE=DATE:20261128');
    expect(text).toContain('DTEND;VALUE=DATE:20261130');
    const [event] = parse(text);
    expect(event!.startDate.isDate).toBe(true);
  });

  it('accepts an event without an end', () => {
    const [event] = parse(buildCalendar([{ ...base, endsAt: null }], { name: 'W', domain: 'co.krakow.pl' }));
    expect(event!.startDate.toJSDate().toISOString()).toBe('2026-10-20T15:00:00.000Z');
  });
});

describe('Google Calendar link', () => {
  it('carries title, UTC times, details, place and the Kraków time zone', () => {
    const url = new URL(googleCalendarUrl(base, { startsAt: base.startsAt, endsAt: base.endsAt, date: '2026-10-20' }));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('text')).toBe(base.title);
    expect(url.searchParams.get('dates')).toBe('20261020T150000Z/20261020T170000Z');
    expect(url.searchParams.get('ctz')).toBe('Europe/Warsaw');
    expect(url.searchParams.get('location')).toBe(base.location);
    expect(url.searchParams.get('details')).toContain(base.url);
  });

  it('uses dates for all-day events and an hour for events without an end', () => {
    const allDay = new URL(googleCalendarUrl({ ...base, allDay: true }, { startsAt: '2026-11-27T23:00:00Z', endsAt: '2026-11-28T22:59:00Z', date: '2026-11-28' }));
    expect(allDay.searchParams.get('dates')).toBe('20261128/20261129');
    const open = new URL(googleCalendarUrl(base, { startsAt: base.startsAt, endsAt: null, date: '2026-10-20' }));
    expect(open.searchParams.get('dates')).toBe('20261020T150000Z/20261020T160000Z');
  });
});
