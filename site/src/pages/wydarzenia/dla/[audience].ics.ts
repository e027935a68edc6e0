import type { APIRoute, GetStaticPaths } from 'astro';
import { audienceFeeds, feedResponse, type FeedProps } from '../../../lib/calendar-feed';
import { DEFAULT_LANGUAGE } from '../../../lib/i18n';

/** /wydarzenia/dla/<audience>.ics: the events for one audience, those open to everyone included. */
export const getStaticPaths = (() => audienceFeeds([DEFAULT_LANGUAGE])) satisfies GetStaticPaths;

export const GET: APIRoute<FeedProps> = feedResponse;
