import type { APIRoute, GetStaticPaths } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { calendarResponse, toCalendarEvent } from '../../lib/calendar-feed';
import { collection } from '../../lib/collections';
import { withCacheKeys } from '../../lib/page-keys';

/**
 * /sale/<slug>.ics: the published events held in one room, cancelled ones included (as
 * CANCELLED, so a subscribed calendar drops them).
 */
export const getStaticPaths = (async () => {
  const events = await collection('events');
  return withCacheKeys(
    (await collection('rooms')).map((room) => ({
      params: { slug: room.data.slug },
      props: { room: room.data.name, events: events.filter((entry) => entry.data.room?.documentId === room.data.documentId) },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ room: string; events: CollectionEntry<'events'>[] }> = async ({ props }) =>
  calendarResponse(await Promise.all(props.events.map((entry) => toCalendarEvent(entry.data))), props.room);
