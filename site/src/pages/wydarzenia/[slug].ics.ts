import type { APIRoute, GetStaticPaths } from 'astro';
import { eventFeeds, feedResponse, type FeedProps } from '../../lib/calendar-feed';
import { DEFAULT_LANGUAGE } from '../../lib/i18n';

/** /wydarzenia/<slug>.ics: one event with all its dates, for "add to calendar". */
export const getStaticPaths = (() => eventFeeds([DEFAULT_LANGUAGE])) satisfies GetStaticPaths;

export const GET: APIRoute<FeedProps> = feedResponse;
