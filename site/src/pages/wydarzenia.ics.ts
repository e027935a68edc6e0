import type { APIRoute } from 'astro';
import { calendarResponse, toCalendarEvent } from '../lib/calendar-feed';
import { collection } from '../lib/collections';

/** /wydarzenia.ics: every published event, for subscribing in a calendar app. */
export const GET: APIRoute = async () => {
  const events = await collection('events');
  return calendarResponse(await Promise.all(events.map((entry) => toCalendarEvent(entry.data))), 'Wydarzenia');
};
