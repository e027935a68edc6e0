import type { Core, UID } from '@strapi/strapi';
import { checkMarkdownLinks, validateArticle, validateEvent, validateGuide, validateOrganization, type FieldError } from '../src/validation/rules';
import { BulkWriter } from './bench/bulk-insert';
import { generateContent, type BenchContent, type BenchDocument, type ExistingRefs } from './bench/content';
import { runScript, withStrapi } from './load-strapi';
import { seedingDay } from './seed/relative-dates';

const TYPES = {
  organizations: 'api::organization.organization',
  guides: 'api::guide.guide',
  articles: 'api::article.article',
  events: 'api::event.event',
} as const satisfies Record<keyof BenchContent, UID.ContentType>;

/** The words a translation carries, per translated type the benchmark fills. */
const TRANSLATED_WORDS = { guides: ['title', 'slug', 'summary', 'body'], events: ['title', 'slug', 'description'] } as const;

interface Attribute {
  type: string;
  required?: boolean;
  maxLength?: number;
  enum?: string[];
}

/**
 * `node dist/scripts/bench-fill.js --entries N [--seed S] [--today YYYY-MM-DD]` — adds N published
 * entries for the scale benchmark (40 % events, 30 % news, 20 % guides, 10 % organizations) to a
 * seeded database, in one transaction through the bulk writer. Every entry is first checked against
 * the schema (required fields, lengths, choices) and the editorial rules the document service
 * applies to editors' writes. Prints one line per type and a JSON summary as the last line.
 */
runScript(async () => {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const total = Number(option('entries'));
  if (!Number.isInteger(total) || total < 0) throw new Error('--entries must be a whole number.');
  const seed = Number(option('seed') ?? 1);
  // --translated 0.33: that share of guides and events gets a Ukrainian and an English version.
  const translatedShare = Number(option('translated') ?? 0);
  if (!(translatedShare >= 0 && translatedShare <= 1)) throw new Error('--translated must be a share between 0 and 1.');
  const translated: Record<string, number> = {};

  await withStrapi(async (strapi) => {
    const started = performance.now();
    const refs = await existingRefs(strapi);
    const content = generateContent({ total, base: seedingDay(option('today') ?? process.env.SEED_TODAY), seed, refs });
    const problems = Object.entries(TYPES).flatMap(([key, uid]) => content[key as keyof BenchContent].flatMap((doc) => check(strapi, uid, doc)));
    if (problems.length > 0) throw new Error(`${problems.length} generated entries break the CMS rules, e.g.:\n${problems.slice(0, 10).join('\n')}`);
    const generatedMs = performance.now() - started;
    console.log(`  wygenerowano ${total} wpisów (${(generatedMs / 1000).toFixed(1)} s)`);

    const writing = performance.now();
    await strapi.db.transaction(async ({ trx }) => {
      const writer = new BulkWriter(strapi, trx);
      // Relations point at documents that must exist first: events at new organizations, guides at guides.
      for (const [key, uid] of Object.entries(TYPES)) {
        const step = performance.now();
        const documents = content[key as keyof BenchContent];
        await writer.insertDocuments(uid, documents);
        await writer.linkRelations(uid, documents);
        console.log(`  ${key}: ${documents.length} (${((performance.now() - step) / 1000).toFixed(1)} s)`);
      }
      // A third of the translated types' entries in Ukrainian and English too (issue 24's measure).
      if (translatedShare > 0) {
        for (const [key, words] of Object.entries(TRANSLATED_WORDS)) {
          const step = performance.now();
          const uid = TYPES[key as keyof typeof TRANSLATED_WORDS];
          translated[key] = await writer.insertTranslations(uid, content[key as keyof BenchContent], ['uk', 'en'], words, Math.round(1 / translatedShare));
          console.log(`  ${key}: ${translated[key]} przetłumaczonych na uk i en (${((performance.now() - step) / 1000).toFixed(1)} s)`);
        }
      }
    });
    const writtenMs = performance.now() - writing;
    const counts = Object.fromEntries(Object.entries(content).map(([key, docs]) => [key, (docs as BenchDocument[]).length]));
    console.log(JSON.stringify({ counts, translated, generatedMs: Math.round(generatedMs), writtenMs: Math.round(writtenMs) }));
  });
});

/** documentIds of what the seed made, which generated entries link to, and the slugs it took. */
async function existingRefs(strapi: Core.Strapi): Promise<ExistingRefs> {
  const published = async (uid: UID.ContentType, field = 'documentId'): Promise<string[]> =>
    ((await strapi.db.query(uid).findMany({ where: { publishedAt: { $notNull: true } }, select: [field], orderBy: { id: 'asc' } })) as Record<string, string>[]).map((row) => row[field]!);
  const slugs = async (uid: UID.ContentType) => new Set(((await strapi.db.query(uid).findMany({ select: ['slug'] })) as { slug: string }[]).map((row) => row.slug));
  return {
    areas: await published('api::area.area'),
    categories: await published('api::category.category'),
    rooms: await published('api::room.room'),
    organizations: await published('api::organization.organization'),
    slugs: { events: await slugs(TYPES.events), articles: await slugs(TYPES.articles), guides: await slugs(TYPES.guides), organizations: await slugs(TYPES.organizations) },
  };
}

/** What an editor's write of this entry would be refused for, as "uid slug: field: message" lines. */
function check(strapi: Core.Strapi, uid: UID.ContentType, { data }: BenchDocument): string[] {
  const attributes = strapi.contentTypes[uid].attributes as Record<string, Attribute>;
  const problems: FieldError[] = [];
  for (const [name, attribute] of Object.entries(attributes)) {
    const value = data[name];
    if (attribute.required && (value === undefined || value === null || value === '')) problems.push({ path: [name], message: 'required' });
    if (typeof value !== 'string') continue;
    if (attribute.maxLength && value.length > attribute.maxLength) problems.push({ path: [name], message: `longer than ${attribute.maxLength}` });
    if (attribute.enum && !attribute.enum.includes(value)) problems.push({ path: [name], message: `not one of ${attribute.enum.join(', ')}` });
    if (attribute.type === 'richtext') problems.push(...checkMarkdownLinks(value, [name], name));
  }
  if (uid === TYPES.events) problems.push(...validateEvent(data, { hasRoom: Boolean(data.room) }));
  if (uid === TYPES.organizations) problems.push(...validateOrganization(data));
  if (uid === TYPES.articles) problems.push(...validateArticle(data));
  if (uid === TYPES.guides) problems.push(...validateGuide(data));
  return problems.map((problem) => `${uid} ${String(data.slug)}: ${problem.path.join('.')}: ${problem.message}`);
}
