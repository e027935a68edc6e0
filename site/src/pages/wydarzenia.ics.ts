import type { APIRoute } from 'astro';
import { allEventsFeed, feedResponse, type FeedProps } from '../lib/calendar-feed';
import { DEFAULT_LANGUAGE } from '../lib/i18n';

/** /wydarzenia.ics: every published event, for subscribing in a calendar app (/uk/…, /en/… in [lang]/wydarzenia.ics.ts). */
export const GET: APIRoute<FeedProps> = async () => feedResponse((await allEventsFeed([DEFAULT_LANGUAGE]))[0]!);
