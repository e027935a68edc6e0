import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { calendarResponse, toCalendarEvent } from '../lib/calendar-feed';

/** /wydarzenia.ics: every published event, for subscribing in a calendar app. */
export const GET: APIRoute = async () => {
  const events = await getCollection('events');
  return calendarResponse(await Promise.all(events.map((entry) => toCalendarEvent(entry.data))), 'Wydarzenia');
};
