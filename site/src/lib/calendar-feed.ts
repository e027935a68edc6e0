import type { CollectionEntry } from 'astro:content';
import { buildCalendar, type CalendarEvent } from './calendar';
import { SITE_URL } from './env';
import { eventPlace } from './events';
import { plainText } from './markdown';
import { absoluteUrl, paths } from './urls';
import { globalSettings } from './collections';

/** The Astro side of calendar.ts: site events as calendar entries and .ics responses. */

export async function toCalendarEvent(event: CollectionEntry<'events'>['data']): Promise<CalendarEvent> {
  const global = (await globalSettings())!.data;
  const place = eventPlace(event, { name: global.siteName, address: global.address });
  const online = place.online && event.onlineUrl ? event.onlineUrl : null;
  return {
    documentId: event.documentId,
    title: event.title,
    description: plainText(event.description, 1000),
    url: absoluteUrl(paths.event(event.slug), SITE_URL),
    startsAt: event.startsAt,
    endsAt: event.endsAt ?? null,
    allDay: event.allDay ?? false,
    location: [place.onSite ? place.text : null, online ?? (place.online && !place.onSite ? 'online' : null)].filter(Boolean).join(' / ') || null,
    status: event.eventStatus,
    updatedAt: event.updatedAt,
    recurrence: event.recurrence ?? null,
  };
}

/**
 * The three ways to subscribe to a feed: the file itself, `webcal://` (which calendar apps open as a
 * subscription that refreshes, where a download is a one-off import), and Google Calendar's "add by
 * URL", which takes the webcal address.
 */
export function subscriptionLinks(feedPath: string, site = SITE_URL): { file: string; webcal: string; google: string } {
  const file = absoluteUrl(feedPath, site);
  const webcal = file.replace(/^https?:/, 'webcal:');
  return { file, webcal, google: `https://calendar.google.com/calendar/r?${new URLSearchParams({ cid: webcal }).toString()}` };
}

export async function calendarResponse(events: CalendarEvent[], name: string): Promise<Response> {
  const global = (await globalSettings())!.data;
  const body = buildCalendar(events, { name: `${global.siteName} – ${name}`, domain: new URL(SITE_URL).host });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
