import type { APIRoute, GetStaticPaths } from 'astro';
import { audienceFeeds, feedResponse, type FeedProps } from '../../../../lib/calendar-feed';
import { PREFIXED_LANGUAGES } from '../../../../lib/i18n';

/** /uk/wydarzenia/dla/<audience>.ics, /en/…: one audience's events, translated where they are. */
export const getStaticPaths = (() => audienceFeeds(PREFIXED_LANGUAGES)) satisfies GetStaticPaths;

export const GET: APIRoute<FeedProps> = feedResponse;
