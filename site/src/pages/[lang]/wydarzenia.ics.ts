import type { APIRoute, GetStaticPaths } from 'astro';
import { allEventsFeed, feedResponse, type FeedProps } from '../../lib/calendar-feed';
import { PREFIXED_LANGUAGES } from '../../lib/i18n';

/** /uk/wydarzenia.ics, /en/wydarzenia.ics: every event, its title and page in the language where it is translated. */
export const getStaticPaths = (() => allEventsFeed(PREFIXED_LANGUAGES)) satisfies GetStaticPaths;

export const GET: APIRoute<FeedProps> = feedResponse;
