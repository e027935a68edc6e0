import ical, { ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';
import { expandOccurrences, TIME_ZONE, type Occurrence, type Recurrence } from './recurrence';

/** What a calendar entry needs from an event, already in plain text. */
export interface CalendarEvent {
  documentId: string;
  title: string;
  /** Plain text, no Markdown. */
  description: string;
  url: string;
  startsAt: string;
  endsAt: string | null;
  allDay: boolean;
  location: string | null;
  status: 'scheduled' | 'cancelled' | 'postponed';
  updatedAt: string;
  recurrence?: Recurrence | null;
}

export interface CalendarOptions {
  name: string;
  /** Host used in UIDs, e.g. "co.krakow.pl": UIDs stay the same across builds. */
  domain: string;
  /** Put before a cancelled date's title, in the calendar's language (apps that ignore STATUS show it); "ODWOŁANE" by default. */
  cancelledMark?: string;
}

const STATUS: Record<CalendarEvent['status'], ICalEventStatus> = {
  scheduled: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
  postponed: ICalEventStatus.TENTATIVE,
};

/** "<documentId>-<date>@<domain>": one UID per occurrence, stable as long as the event is. */
export const occurrenceUid = (event: Pick<CalendarEvent, 'documentId'>, occurrence: Pick<Occurrence, 'date'>, domain: string): string =>
  `${event.documentId}-${occurrence.date}@${domain}`;

/**
 * An iCalendar file with every occurrence of the given events as its own VEVENT, in local Kraków
 * time with a VTIMEZONE, so any calendar app shows the right hour on both sides of a DST change.
 */
export function buildCalendar(events: CalendarEvent[], options: CalendarOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Centrum Obywatelskie', product: 'strona', language: 'PL' },
    // Only the VTIMEZONE generator: a calendar-wide zone name would also turn DTSTAMP into local time.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  for (const event of events) {
    for (const occurrence of expandOccurrences(event)) {
      const common = {
        id: occurrenceUid(event, occurrence, options.domain),
        summary: event.status === 'cancelled' ? `${options.cancelledMark ?? 'ODWOŁANE'}: ${event.title}` : event.title,
        description: `${event.description}\n\n${event.url}`.trim(),
        url: event.url,
        location: event.location ?? undefined,
        status: STATUS[event.status],
        stamp: DateTime.fromISO(event.updatedAt, { zone: 'utc' }),
      };
      if (event.allDay) {
        const first = DateTime.fromISO(occurrence.date, { zone: TIME_ZONE });
        const last = occurrence.endsAt ? DateTime.fromISO(occurrence.endsAt, { zone: 'utc' }).setZone(TIME_ZONE).startOf('day') : first;
        // DTEND of an all-day event is the day after the last one.
        calendar.createEvent({ ...common, allDay: true, timezone: TIME_ZONE, start: first, end: (last < first ? first : last).plus({ days: 1 }) });
      } else {
        calendar.createEvent({
          ...common,
          timezone: TIME_ZONE,
          start: DateTime.fromISO(occurrence.startsAt, { zone: 'utc' }),
          end: occurrence.endsAt ? DateTime.fromISO(occurrence.endsAt, { zone: 'utc' }) : undefined,
        });
      }
    }
  }
  return calendar.toString();
}

/** "Add to Google Calendar" link for one occurrence; times in UTC, shown in Kraków time. */
export function googleCalendarUrl(event: Pick<CalendarEvent, 'title' | 'description' | 'url' | 'location' | 'allDay'>, occurrence: Pick<Occurrence, 'startsAt' | 'endsAt' | 'date'>): string {
  const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss'Z'");
  let dates: string;
  if (event.allDay) {
    const first = DateTime.fromISO(occurrence.date, { zone: TIME_ZONE });
    const last = occurrence.endsAt ? DateTime.fromISO(occurrence.endsAt, { zone: 'utc' }).setZone(TIME_ZONE).startOf('day') : first;
    dates = `${first.toFormat('yyyyLLdd')}/${(last < first ? first : last).plus({ days: 1 }).toFormat('yyyyLLdd')}`;
  } else {
    // Google needs an end; an event without one is shown as an hour long.
    const end = occurrence.endsAt ?? DateTime.fromISO(occurrence.startsAt, { zone: 'utc' }).plus({ hours: 1 }).toISO()!;
    dates = `${utc(occurrence.startsAt)}/${utc(end)}`;
  }
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.title,
    dates,
    details: `${event.description}\n\n${event.url}`.trim(),
    ctz: TIME_ZONE,
  });
  if (event.location) params.set('location', event.location);
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
