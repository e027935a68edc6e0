import type { APIRoute, GetStaticPaths } from 'astro';
import { languageOfParam, PREFIXED_LANGUAGES } from '../../lib/i18n';
import { newsFeed } from '../../lib/news-feed';

/** /uk/rss.xml, /en/rss.xml: the news, translated where they are. */
export const getStaticPaths = (() => PREFIXED_LANGUAGES.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => newsFeed(languageOfParam(params.lang), site!);
