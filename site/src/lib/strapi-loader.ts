import type { Loader, LoaderContext } from 'astro/loaders';
import type { Query, StrapiClient } from './strapi-client';

type Entry = Record<string, unknown>;

export interface StrapiCollectionLoaderOptions {
  /** REST collection name, e.g. "events". */
  collection: string;
  query?: Query;
  client: StrapiClient;
  /** Id inside the Astro collection; the slug (unique per type, and what URLs use) by default. */
  idOf?: (entry: Entry) => unknown;
}

/**
 * An Astro content-layer loader for one Strapi collection. Everything is read before the store
 * is touched: a CMS failure fails the build and keeps nothing half-loaded, and entries deleted or
 * unpublished in the CMS since the last build are dropped.
 */
export function strapiCollectionLoader({ collection, query, client, idOf = (entry) => entry.slug }: StrapiCollectionLoaderOptions): Loader {
  return {
    name: `strapi:${collection}`,
    async load(context: LoaderContext) {
      const entries = await client.findAll<Entry>(collection, query);
      const prepared: { id: string; data: Entry; digest: string }[] = [];
      const seen = new Set<string>();
      for (const entry of entries) {
        const rawId = idOf(entry);
        if (typeof rawId !== 'string' || rawId === '') {
          throw new Error(`${collection}: entry ${String(entry.documentId)} has no slug to build its page from; fill in "Adres (slug)" in the CMS.`);
        }
        if (seen.has(rawId)) throw new Error(`${collection}: two entries share the slug "${rawId}".`);
        seen.add(rawId);
        const data = await context.parseData({ id: rawId, data: entry });
        prepared.push({ id: rawId, data, digest: context.generateDigest(entry) });
      }
      replaceStore(context, prepared);
      context.logger.info(`${collection}: ${prepared.length} z CMS`);
    },
  };
}

export interface StrapiSingleLoaderOptions {
  /** Single type API id, e.g. "global". */
  singular: string;
  query?: Query;
  client: StrapiClient;
}

/** A loader for a Strapi single type; its one entry gets the type's name as id. */
export function strapiSingleLoader({ singular, query, client }: StrapiSingleLoaderOptions): Loader {
  return {
    name: `strapi:${singular}`,
    async load(context: LoaderContext) {
      const entry = await client.findSingle<Entry>(singular, query);
      const data = await context.parseData({ id: singular, data: entry });
      replaceStore(context, [{ id: singular, data, digest: context.generateDigest(entry) }]);
    },
  };
}

function replaceStore(context: LoaderContext, entries: { id: string; data: Entry; digest: string }[]): void {
  context.store.clear();
  for (const entry of entries) context.store.set(entry);
}
