import type { APIRoute, GetStaticPaths } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { calendarResponse, toCalendarEvent } from '../../../lib/calendar-feed';
import { collection } from '../../../lib/collections';
import { matchesFilter } from '../../../lib/events';
import { EVENT_TYPES, type EventType } from '../../../lib/labels';
import { withCacheKeys } from '../../../lib/page-keys';

/** /wydarzenia/rodzaj/<type>.ics: every published event of one type (e.g. all trainings), to subscribe to. */
export const getStaticPaths = (async () => {
  const events = await collection('events');
  return withCacheKeys(
    (Object.keys(EVENT_TYPES) as EventType[]).map((type) => ({
      params: { type: EVENT_TYPES[type].segment },
      props: { type, events: events.filter((entry) => matchesFilter(entry.data, type, null)) },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ type: EventType; events: CollectionEntry<'events'>[] }> = async ({ props }) =>
  calendarResponse(await Promise.all(props.events.map((entry) => toCalendarEvent(entry.data))), EVENT_TYPES[props.type].plural);
