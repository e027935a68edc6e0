import { createHash } from 'node:crypto';
import { collection, globalSettings } from './collections';
import { CONTENT_STATUS, PUBLIC_CMS_URL, SITE_URL } from './env';

/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild): a page returned by
 * getStaticPaths() with a `cacheKey` is copied from the last build when the key and the page's
 * code are unchanged. Astro does not see which content a page reads, so the rule here is: a keyed
 * page renders only from its params, its props and the site-wide content (settings, and the pages
 * collection that the menu and footer link to). Whatever else it shows — a related guide's title,
 * an organizer's name, the next dates of a series, the entries of a list page — it gets through its
 * props, worked out in getStaticPaths from the same build's content and "now". The key is a digest
 * of exactly those inputs, so it changes whenever the page would.
 */

export interface StaticPath {
  params: Record<string, string | undefined>;
  props: Record<string, unknown>;
}

// Maps and Sets would stringify as {}: a key that missed what they hold could keep a stale page.
const replacer = (_key: string, value: unknown) => (value instanceof Map || value instanceof Set ? [...value] : value);
const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value, replacer) ?? 'undefined').digest('base64url').slice(0, 22);

let siteWide: Promise<string> | undefined;

/** A digest of what every page shows besides its own content, settings from the environment included. */
export function siteWideDigest(): Promise<string> {
  siteWide ??= (async () => {
    const global = await globalSettings();
    const pages = await collection('pages');
    // Every page's menu, footer and language switcher, and a translated text's links, follow which
    // entries are translated: a translation added or removed renders every page again (rare), and
    // the translated settings and pages themselves are shown on every page.
    const translations = (await collection('translations')).map(({ data }) => (data.type === 'pages' || data.type === 'global' ? data : [data.type, data.language, data.documentId, data.slug]));
    // Addresses read from the environment end up in pages too (canonical links, the sign-up forms' action).
    return digest([CONTENT_STATUS, SITE_URL, PUBLIC_CMS_URL, global?.data ?? null, pages.map((entry) => entry.data), translations]);
  })();
  return siteWide;
}

/** The same paths, each with the cache key of its params and props. */
export async function withCacheKeys<P extends StaticPath>(paths: readonly P[]): Promise<(P & { cacheKey: string })[]> {
  const site = await siteWideDigest();
  return paths.map((path) => ({ ...path, cacheKey: digest([site, path.params, path.props]) }));
}
