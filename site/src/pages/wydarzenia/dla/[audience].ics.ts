import type { APIRoute, GetStaticPaths } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { calendarResponse, toCalendarEvent } from '../../../lib/calendar-feed';
import { collection } from '../../../lib/collections';
import { matchesFilter } from '../../../lib/events';
import { AUDIENCES, type Audience } from '../../../lib/labels';
import { withCacheKeys } from '../../../lib/page-keys';

type AudienceFilter = Exclude<Audience, 'everyone'>;

/**
 * /wydarzenia/dla/<audience>.ics: the events for one audience, those open to everyone included —
 * the same events as the audience's filter page lists.
 */
export const getStaticPaths = (async () => {
  const events = await collection('events');
  return withCacheKeys(
    (Object.keys(AUDIENCES) as AudienceFilter[]).map((audience) => ({
      params: { audience: AUDIENCES[audience].segment },
      props: { audience, events: events.filter((entry) => matchesFilter(entry.data, null, audience)) },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ audience: AudienceFilter; events: CollectionEntry<'events'>[] }> = async ({ props }) =>
  calendarResponse(await Promise.all(props.events.map((entry) => toCalendarEvent(entry.data))), `dla: ${AUDIENCES[props.audience].label.toLowerCase()}`);
