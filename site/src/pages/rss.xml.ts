import type { APIRoute } from 'astro';
import { DEFAULT_LANGUAGE } from '../lib/i18n';
import { newsFeed } from '../lib/news-feed';

/** The news as an RSS 2.0 feed (/uk/rss.xml, /en/rss.xml in [lang]/rss.xml.ts). */
export const GET: APIRoute = ({ site }) => newsFeed(DEFAULT_LANGUAGE, site!);
