import type { APIRoute, GetStaticPaths } from 'astro';
import { typeFeeds, feedResponse, type FeedProps } from '../../../../lib/calendar-feed';
import { PREFIXED_LANGUAGES } from '../../../../lib/i18n';

/** /uk/wydarzenia/rodzaj/<type>.ics, /en/…: one type's events, translated where they are. */
export const getStaticPaths = (() => typeFeeds(PREFIXED_LANGUAGES)) satisfies GetStaticPaths;

export const GET: APIRoute<FeedProps> = feedResponse;
