import type { APIRoute, GetStaticPaths } from 'astro';
import { languageOfParam, PREFIXED_LANGUAGES } from '../../../lib/i18n';
import { volunteerFeed } from '../../../lib/volunteer-feed';

/** /uk/wolontariat/rss.xml, /en/…: the offers still recruiting, translated where they are. */
export const getStaticPaths = (() => PREFIXED_LANGUAGES.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => volunteerFeed(languageOfParam(params.lang), site!);
