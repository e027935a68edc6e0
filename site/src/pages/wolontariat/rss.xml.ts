import type { APIRoute } from 'astro';
import { DEFAULT_LANGUAGE } from '../../lib/i18n';
import { volunteerFeed } from '../../lib/volunteer-feed';

/** The volunteering offers still recruiting, newest first, as an RSS 2.0 feed (/uk/…, /en/… in [lang]/wolontariat/rss.xml.ts). */
export const GET: APIRoute = ({ site }) => volunteerFeed(DEFAULT_LANGUAGE, site!);
