import type { APIRoute, GetStaticPaths } from 'astro';
import { typeFeeds, feedResponse, type FeedProps } from '../../../lib/calendar-feed';
import { DEFAULT_LANGUAGE } from '../../../lib/i18n';

/** /wydarzenia/rodzaj/<type>.ics: every published event of one type (e.g. all trainings), to subscribe to. */
export const getStaticPaths = (() => typeFeeds([DEFAULT_LANGUAGE])) satisfies GetStaticPaths;

export const GET: APIRoute<FeedProps> = feedResponse;
