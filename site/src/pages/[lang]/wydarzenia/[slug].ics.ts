import type { APIRoute, GetStaticPaths } from 'astro';
import { eventFeeds, feedResponse, type FeedProps } from '../../../lib/calendar-feed';
import { PREFIXED_LANGUAGES } from '../../../lib/i18n';

/** /uk/wydarzenia/<slug>.ics: a translated event's dates, with its translated title and page. */
export const getStaticPaths = (() => eventFeeds(PREFIXED_LANGUAGES)) satisfies GetStaticPaths;

export const GET: APIRoute<FeedProps> = feedResponse;
