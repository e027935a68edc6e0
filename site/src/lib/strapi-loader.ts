import type { Loader, LoaderContext } from 'astro/loaders';

/** Re-exported for the loader's tests, which live outside the site package. */
export type { LoaderContext };
import { StrapiError, type Query, type StrapiClient } from './strapi-client';

type Entry = Record<string, unknown>;

export interface StrapiCollectionLoaderOptions {
  /** REST collection name, e.g. "events". */
  collection: string;
  query?: Query;
  client: StrapiClient;
  /** Id inside the Astro collection; the slug (unique per type, and what URLs use) by default. */
  idOf?: (entry: Entry) => unknown;
  /**
   * Which versions to read (Strapi's `status`); the API's default, published, when left out.
   * With `draft`, entries that are not complete enough for a page (no slug yet, a required field
   * still empty: Strapi checks those only on publish) are left out with a warning instead of
   * failing the build, so one unfinished draft cannot break every other editor's preview.
   */
  status?: 'draft' | 'published';
}

/**
 * An Astro content-layer loader for one Strapi collection. Everything is read before the store
 * is touched: a CMS failure fails the build and keeps nothing half-loaded, and entries deleted or
 * unpublished in the CMS since the last build are dropped.
 */
export function strapiCollectionLoader({ collection, query, client, idOf = (entry) => entry.slug, status }: StrapiCollectionLoaderOptions): Loader {
  const skipIncomplete = status === 'draft';
  return {
    name: `strapi:${collection}`,
    async load(context: LoaderContext) {
      const entries = await client.findAll<Entry>(collection, status ? { ...query, status } : query);
      const prepared: { id: string; data: Entry; digest: string }[] = [];
      const seen = new Set<string>();
      const skip = (entry: Entry, reason: string) =>
        context.logger.warn(`${collection}: pominięto wersję roboczą ${String(entry.documentId)} – ${reason}`);
      for (const entry of entries) {
        const rawId = idOf(entry);
        if (typeof rawId !== 'string' || rawId === '') {
          if (skipIncomplete) {
            skip(entry, 'brak adresu (slug)');
            continue;
          }
          throw new Error(`${collection}: entry ${String(entry.documentId)} has no slug to build its page from; fill in "Adres (slug)" in the CMS.`);
        }
        if (seen.has(rawId)) throw new Error(`${collection}: two entries share the slug "${rawId}".`);
        seen.add(rawId);
        let data: Entry;
        try {
          data = await context.parseData({ id: rawId, data: entry });
        } catch (error) {
          if (!skipIncomplete) throw error;
          // Astro's message is Markdown over several lines; one plain line reads better in a log.
          skip(entry, (error instanceof Error ? error.message : String(error)).replace(/\*\*/g, '').replace(/\s+/g, ' ').trim());
          continue;
        }
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
  /** As for collections; types without draft & publish ignore it. */
  status?: 'draft' | 'published';
}

/** A loader for a Strapi single type; its one entry gets the type's name as id. */
export function strapiSingleLoader({ singular, query, client, status }: StrapiSingleLoaderOptions): Loader {
  return {
    name: `strapi:${singular}`,
    async load(context: LoaderContext) {
      const entry = await client.findSingle<Entry>(singular, status ? { ...query, status } : query);
      const data = await context.parseData({ id: singular, data: entry });
      replaceStore(context, [{ id: singular, data, digest: context.generateDigest(entry) }]);
    },
  };
}

export interface StrapiListLoaderOptions {
  /** Astro collection name, for the log. */
  name: string;
  /** A custom CMS route answering `{ data: [...] }` in one response, e.g. "room-requests/busy". */
  path: string;
  client: StrapiClient;
  idOf: (entry: Entry) => string;
}

/** A loader for a custom CMS route that lists plain records (no documents, no pagination). */
export function strapiListLoader({ name, path, client, idOf }: StrapiListLoaderOptions): Loader {
  return {
    name: `strapi:${name}`,
    async load(context: LoaderContext) {
      const answer = await client.get<{ data?: unknown }>(path);
      if (!Array.isArray(answer.data)) throw new Error(`${name}: /api/${path} answered without a "data" list: ${JSON.stringify(answer).slice(0, 200)}`);
      const prepared: { id: string; data: Entry; digest: string }[] = [];
      for (const entry of answer.data as Entry[]) prepared.push({ id: idOf(entry), data: await context.parseData({ id: idOf(entry), data: entry }), digest: context.generateDigest(entry) });
      replaceStore(context, prepared);
      context.logger.info(`${name}: ${prepared.length} z CMS`);
    },
  };
}

export interface StrapiMetaLoaderOptions {
  /** Astro collection name, for errors. */
  name: string;
  /** A custom CMS route whose answer carries the record in `meta`, e.g. "room-requests/busy". */
  path: string;
  /** The record's key in `meta`; also its id in the collection. */
  key: string;
  client: StrapiClient;
}

/**
 * A loader for one record a custom CMS route sends in its `meta` (the CMS's own settings, such as
 * the booking window beside the busy times). A route that answers without it fails the build:
 * a page built from a guessed value would promise visitors what the CMS then refuses.
 */
export function strapiMetaLoader({ name, path, key, client }: StrapiMetaLoaderOptions): Loader {
  return {
    name: `strapi:${name}`,
    async load(context: LoaderContext) {
      const answer = await client.get<{ meta?: Record<string, unknown> | null }>(path);
      const record = answer.meta?.[key];
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        throw new Error(`${name}: /api/${path} answered without "meta.${key}" (is the CMS older than the site?): ${JSON.stringify(answer).slice(0, 200)}`);
      }
      const entry = record as Entry;
      replaceStore(context, [{ id: key, data: await context.parseData({ id: key, data: entry }), digest: context.generateDigest(entry) }]);
    },
  };
}

function replaceStore(context: LoaderContext, entries: { id: string; data: Entry; digest: string }[]): void {
  context.store.clear();
  for (const entry of entries) context.store.set(entry);
}

/** One translated collection: the REST name, the Astro collection it translates, and the words a translation carries. */
export interface TranslatedCollection {
  collection: string;
  /** The Astro collection of the Polish entries. */
  name: string;
  fields: string[];
  populate?: Query['populate'];
}

export interface StrapiTranslationLoaderOptions {
  collections: TranslatedCollection[];
  /** The site settings' words, read from the single type "global". */
  single?: { singular: string; fields: string[]; populate?: Query['populate'] };
  languages: readonly string[];
  client: StrapiClient;
  status?: 'draft' | 'published';
}

/**
 * Every translation of the translated types, by `<collection>:<language>:<documentId>`: only the
 * words (the Polish entry holds dates, places and files for every language). A language a
 * single type has no version in answers 404, which is no translation; anything else fails the build.
 */
export function strapiTranslationLoader({ collections, single, languages, client, status }: StrapiTranslationLoaderOptions): Loader {
  return {
    name: 'strapi:translations',
    async load(context: LoaderContext) {
      const prepared: { id: string; data: Entry; digest: string }[] = [];
      const add = async (name: string, language: string, entry: Entry) => {
        const id = `${name}:${language}:${String(entry.documentId)}`;
        // "type", not "collection": Astro reads an object with "collection" and "slug" as a reference to another entry.
        const data = { ...entry, type: name, language };
        prepared.push({ id, data: await context.parseData({ id, data }), digest: context.generateDigest(data) });
      };
      for (const language of languages) {
        for (const { collection, name, fields, populate } of collections) {
          const entries = await client.findAll<Entry>(collection, { locale: language, fields: ['documentId', 'slug', ...fields], ...(populate ? { populate } : {}), ...(status ? { status } : {}) });
          // A draft translation without an address yet has no page to build.
          for (const entry of entries) if (typeof entry.slug === 'string' && entry.slug !== '') await add(name, language, entry);
        }
        if (single) {
          try {
            const entry = await client.findSingle<Entry>(single.singular, { locale: language, fields: single.fields, ...(single.populate ? { populate: single.populate } : {}), ...(status ? { status } : {}) });
            await add(single.singular, language, { ...entry, documentId: entry.documentId ?? single.singular, slug: single.singular });
          } catch (error) {
            if (!(error instanceof StrapiError && error.status === 404)) throw error;
          }
        }
      }
      replaceStore(context, prepared);
      context.logger.info(`translations: ${prepared.length} z CMS`);
    },
  };
}
