import type { APIRoute, GetStaticPaths } from 'astro';
import type { CollectionEntry } from 'astro:content';
import type { CalendarEvent } from '../../lib/calendar';
import { calendarResponse, toCalendarEvent } from '../../lib/calendar-feed';
import { collection } from '../../lib/collections';
import { SITE_URL } from '../../lib/env';
import { withCacheKeys } from '../../lib/page-keys';
import { UI } from '../../lib/ui';
import { absoluteUrl, paths } from '../../lib/urls';

interface Busy {
  startsAt: string;
  endsAt: string;
}

/**
 * /sale/<slug>.ics: the published events held in one room, cancelled ones included (as
 * CANCELLED, so a subscribed calendar drops them), and the times approved room requests hold it —
 * as "busy", never with who asked.
 */
export const getStaticPaths = (async () => {
  const events = await collection('events');
  const busy = await collection('roomBusy');
  return withCacheKeys(
    (await collection('rooms')).map((room) => ({
      params: { slug: room.data.slug },
      props: {
        room: room.data.name,
        slug: room.data.slug,
        events: events.filter((entry) => entry.data.room?.documentId === room.data.documentId),
        busy: busy.filter((entry) => entry.data.room === room.data.documentId).map(({ data }) => ({ startsAt: data.startsAt, endsAt: data.endsAt })),
      },
    })),
  );
}) satisfies GetStaticPaths;

/** One approved meeting as a calendar entry: its UID stays the same for the same room and start. */
const busyEntry = (room: string, slug: string, busy: Busy): CalendarEvent => ({
  documentId: `sala-${slug}-${busy.startsAt.replace(/[^0-9]/g, '')}`,
  title: UI.roomBusyTitle(room),
  description: UI.roomBusyDescription,
  url: absoluteUrl(paths.room(slug), SITE_URL),
  startsAt: busy.startsAt,
  endsAt: busy.endsAt,
  allDay: false,
  location: room,
  status: 'scheduled',
  updatedAt: busy.startsAt,
  recurrence: null,
});

export const GET: APIRoute<{ room: string; slug: string; events: CollectionEntry<'events'>[]; busy: Busy[] }> = async ({ props }) =>
  calendarResponse([...(await Promise.all(props.events.map((entry) => toCalendarEvent(entry.data)))), ...props.busy.map((busy) => busyEntry(props.room, props.slug, busy))], props.room);
