/** Build-time settings, read once; see the README's configuration table. */
export const STRAPI_URL = (process.env.STRAPI_URL ?? 'http://127.0.0.1:1337').replace(/\/+$/, '');
export const STRAPI_TOKEN = process.env.STRAPI_TOKEN || undefined;
export const SITE_URL = (process.env.SITE_URL ?? 'https://co.krakow.pl').replace(/\/+$/, '');
/** The CMS as visitors' browsers reach it: sign-up forms post there and read seats left from it. */
export const PUBLIC_CMS_URL = (process.env.PUBLIC_CMS_URL || STRAPI_URL).replace(/\/+$/, '');
/** One "now" for the whole build, so every page agrees on what is upcoming; SITE_NOW pins it (ISO). */
export const NOW = process.env.SITE_NOW ? new Date(process.env.SITE_NOW) : new Date();
if (Number.isNaN(NOW.getTime())) throw new Error(`SITE_NOW is not a valid date: ${process.env.SITE_NOW}`);

export type ContentStatus = 'published' | 'draft';

/**
 * Which version of every entry the build reads: `published` for the public site, `draft` (the
 * latest saved version) only for the editors' preview server, whose output is never published.
 */
export const CONTENT_STATUS: ContentStatus = contentStatus(process.env.SITE_CONTENT_STATUS);

function contentStatus(value: string | undefined): ContentStatus {
  if (value === undefined || value === '' || value === 'published') return 'published';
  if (value !== 'draft') throw new Error(`SITE_CONTENT_STATUS must be "published" or "draft", not "${value}".`);
  // The CMS answers anonymous requests with published versions only, so a draft build without a
  // token would silently show the public site under a preview banner.
  if (!STRAPI_TOKEN) throw new Error('SITE_CONTENT_STATUS=draft needs STRAPI_TOKEN: the CMS shows drafts only to API tokens (npm run token).');
  return 'draft';
}
