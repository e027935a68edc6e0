import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createStrapiClient, StrapiError, type Query } from '../../site/src/lib/strapi-client';
import { PREFIXED_LANGUAGES } from '../../site/src/lib/i18n';
import { TRANSLATION_SOURCES } from '../../site/src/lib/localize';

/**
 * What the site's loaders read, asked of the CMS in one go per collection. Relations are populated
 * whole (the schemas keep only the fields they know); what is nested deeper is named. The same
 * sort as site/src/content.config.ts, so that the JSON files list entries in the CMS's order.
 */
const SEO = { populate: ['shareImage'] };
const COLLECTIONS: Record<string, { query: Query; format: 'md' | 'json' }> = {
  articles: { format: 'md', query: { populate: { cover: true, seo: SEO }, sort: ['publicationDate:desc'] } },
  categories: { format: 'json', query: { sort: ['order:asc', 'name:asc'] } },
  guides: { format: 'md', query: { populate: { category: true, attachments: true, relatedGuides: true, seo: SEO } } },
  rooms: { format: 'md', query: { populate: { equipment: true, accessibility: true, photos: true, seo: SEO } } },
  areas: { format: 'json', query: { sort: ['name:asc'] } },
  organizations: { format: 'md', query: { populate: { logo: true, areas: true, address: true, socialLinks: true, seo: SEO }, sort: ['name:asc'] } },
  events: {
    format: 'md',
    query: { populate: { room: true, venue: { populate: ['address'] }, organizer: true, accessibility: true, recurrence: true, cover: true, seo: SEO }, sort: ['startsAt:asc'] },
  },
  pages: { format: 'md', query: { populate: { seo: SEO } } },
  'volunteer-offers': { format: 'md', query: { populate: { organization: true, areas: true, address: true, seo: SEO } } },
};
const GLOBAL_QUERY: Query = { populate: { address: true, openingHours: true, contacts: true, socialLinks: true, accessibilityStatement: true, defaultSeo: SEO } };

type Entry = Record<string, unknown>;

/**
 * Writes the CMS's published content as the files SITE_CONTENT_DIR points the site at:
 * <dir>/<collection>/<slug>.md for collections with Markdown fields, <dir>/<collection>.json
 * (an object keyed by slug) for the others and for the global settings. A Markdown file carries
 * the whole entry as front matter (JSON, which YAML reads as it is), its Markdown fields included:
 * the site renders them from the data, as it does the CMS's, and the part below the front matter
 * stays empty so Astro's own Markdown pipeline, which the site does not use, adds no work.
 * Resolves to the number of files written.
 */
export async function exportLocalContent(strapiUrl: string, token: string, dir: string): Promise<number> {
  const client = createStrapiClient({ baseUrl: strapiUrl, token });
  let files = 0;
  const write = (file: string, text: string) => {
    writeFileSync(file, text);
    files += 1;
  };
  mkdirSync(dir, { recursive: true });
  for (const [collection, { query, format }] of Object.entries(COLLECTIONS)) {
    const entries = await client.findAll<Entry>(collection, query);
    if (format === 'json') {
      write(path.join(dir, `${collection}.json`), JSON.stringify(Object.fromEntries(entries.map((entry) => [entry.slug, entry]))));
      continue;
    }
    mkdirSync(path.join(dir, collection), { recursive: true });
    for (const entry of entries) write(path.join(dir, collection, `${String(entry.slug)}.md`), `---\n${JSON.stringify(entry)}\n---\n`);
  }
  write(path.join(dir, 'global.json'), JSON.stringify({ global: await client.findSingle<Entry>('global', GLOBAL_QUERY) }));
  const busy = await client.get<{ data: Entry[]; meta?: { bookingWindow?: Entry } }>('room-requests/busy');
  if (!busy.meta?.bookingWindow) throw new Error('GET /api/room-requests/busy answered without meta.bookingWindow: the room pages cannot be built without it.');
  write(path.join(dir, 'roomBusy.json'), JSON.stringify(Object.fromEntries(busy.data.map((entry) => [`${String(entry.room)}/${String(entry.startsAt)}`, entry]))));
  write(path.join(dir, 'roomBookingWindow.json'), JSON.stringify({ bookingWindow: busy.meta.bookingWindow }));
  const recruitment = await client.get<{ data: Entry[]; meta?: { answerTimes?: Entry } }>('volunteer-applications/recruitment');
  if (!recruitment.meta?.answerTimes) throw new Error('GET /api/volunteer-applications/recruitment answered without meta.answerTimes: the offer pages cannot be built without it.');
  write(path.join(dir, 'volunteerRecruitment.json'), JSON.stringify(Object.fromEntries(recruitment.data.map((entry) => [String(entry.offer), entry]))));
  write(path.join(dir, 'volunteerAnswerTimes.json'), JSON.stringify({ answerTimes: recruitment.meta.answerTimes }));
  // The translations as the site's loader keys them ("<collection>:<language>:<documentId>", words only).
  const translations: Record<string, Entry> = {};
  for (const language of PREFIXED_LANGUAGES) {
    for (const { collection, name, fields, populate } of TRANSLATION_SOURCES.collections) {
      for (const entry of await client.findAll<Entry>(collection, { locale: language, fields: ['documentId', 'slug', ...fields], populate })) {
        if (typeof entry.slug === 'string' && entry.slug) translations[`${name}:${language}:${String(entry.documentId)}`] = { ...entry, type: name, language };
      }
    }
    const { singular, fields, populate } = TRANSLATION_SOURCES.single;
    try {
      const entry = await client.findSingle<Entry>(singular, { locale: language, fields, populate });
      translations[`${singular}:${language}:${String(entry.documentId)}`] = { ...entry, type: singular, language, slug: singular };
    } catch (error) {
      // A language the settings have no version in is no translation; anything else stops the export.
      if (!(error instanceof StrapiError && error.status === 404)) throw error;
    }
  }
  write(path.join(dir, 'translations.json'), JSON.stringify(translations));
  return files;
}
