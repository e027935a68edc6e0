import type { APIRoute, GetStaticPaths } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { calendarResponse, toCalendarEvent } from '../../lib/calendar-feed';
import { assertSlugAllowed } from '../../lib/urls';
import { collection } from '../../lib/collections';
import { withCacheKeys } from '../../lib/page-keys';

/** /wydarzenia/<slug>.ics: one event with all its dates, for "add to calendar". */
export const getStaticPaths = (async () =>
  withCacheKeys(
    (await collection('events')).map((entry) => {
      assertSlugAllowed('events', entry.data.slug);
      return { params: { slug: entry.data.slug }, props: { entry } };
    }),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: CollectionEntry<'events'> }> = async ({ props }) =>
  calendarResponse([await toCalendarEvent(props.entry.data)], props.entry.data.title);
