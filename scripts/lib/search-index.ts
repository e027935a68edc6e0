/**
 * The site's search index, written by Pagefind in shards that a build reuses when their pages did
 * not change.
 *
 * Pagefind rewrites an index whole and holds all its pages in memory while it does: at 10,000
 * entries one index took 24 s and 2.8 GiB, and every publication paid the 24 s again. Split by
 * section and, within a large section, by a hash of the page's address, each shard has at most
 * about SHARD_PAGES pages; a shard whose pages are byte for byte those of an earlier build is
 * linked from the cache instead of indexed again, so a publication indexes only the shards its
 * change touched, and memory is bounded by one shard. The search page merges the shards
 * (Pagefind's mergeIndex), listed in /pagefind/shards.json; they share the primary's WebAssembly.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { filesUnder } from './files.ts';

/** About how many pages a shard holds: a publication re-indexes a few of these (≈ 2.5 s each). */
export const SHARD_PAGES = 1000;
/** Sections with a shard set of their own; every other searchable page is in the primary index. */
const SECTIONS = ['wydarzenia', 'aktualnosci', 'baza-wiedzy', 'organizacje', 'wolontariat'] as const;
const PRIMARY = 'strony';
/** Pages handed to Pagefind at once (their HTML is in memory meanwhile). */
const ADD_BATCH = 64;
/** The manifest the search page reads to merge the shards. */
export const SHARDS_MANIFEST = 'shards.json';
/** Bump when the shape of a shard changes, so no cached shard of the old shape is reused. */
const SHARD_FORMAT = 1;
/** Only the primary needs Pagefind's scripts, styles and WebAssembly; a merged shard needs its index. */
const SHARD_FILES = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/;
/** The layout marks the main element of an entry's page; lists and the search page stay out. */
const SEARCHABLE = /<main\b[^>]*\sdata-pagefind-body(?=[\s=>])/;

export interface SearchIndexReport {
  /** Pages in the index. */
  pages: number;
  /** Shards written (the primary included). */
  shards: number;
  /** Of those, how many were indexed by Pagefind in this build; the others came from the cache. */
  indexed: number;
  /** Reading, indexing and linking, in all. */
  durationMs: number;
}

export interface SearchManifest {
  version: number;
  /** Folders under /pagefind/ to merge into the primary index, e.g. "wydarzenia-3". */
  shards: string[];
}

interface Page {
  /** Relative to the site, with / separators: wydarzenia/x/index.html. */
  file: string;
  /** Of the whole file; the HTML itself is read again only for the shards indexed anew. */
  digest: string;
}

/** Which shard a page goes to; `counts` are the searchable pages per section. */
export function shardOf(file: string, counts: ReadonlyMap<string, number>, shardPages = SHARD_PAGES): string {
  const section = sectionOf(file);
  if (section === PRIMARY) return PRIMARY;
  const buckets = bucketsFor(counts.get(section) ?? 0, shardPages);
  // The address decides the bucket, so a page stays in its shard while the section's size class holds.
  const bucket = createHash('sha256').update(file).digest().readUInt32BE(0) % buckets;
  return `${section}-${bucket}`;
}

function sectionOf(file: string): string {
  const top = file.split('/')[0]!;
  return (SECTIONS as readonly string[]).includes(top) && file.includes('/') ? top : PRIMARY;
}

/** A power of two, so a growing section re-shards only when it doubles, not with every entry. */
export function bucketsFor(pages: number, shardPages = SHARD_PAGES): number {
  let buckets = 1;
  while (pages / buckets > shardPages) buckets *= 2;
  return buckets;
}

/**
 * Writes the search index of the site in `siteDir` into `<siteDir>/pagefind/`, reusing the shards
 * kept in `cacheDir` whose pages have not changed and keeping the new ones there. Throws with
 * Pagefind's own messages when it fails.
 */
export async function writeSearchIndex(siteDir: string, cacheDir: string, shardPages = SHARD_PAGES): Promise<SearchIndexReport> {
  const started = performance.now();
  const all = filesUnder(siteDir)
    .filter((file) => file.endsWith('.html') && !file.split('/').includes('pagefind'))
    .sort()
    .flatMap((file): Page[] => {
      const content = readFileSync(path.join(siteDir, file), 'utf8');
      return SEARCHABLE.test(content) ? [{ file, digest: createHash('sha256').update(content).digest('hex') }] : [];
    });
  const store = path.join(cacheDir, 'search-index');
  mkdirSync(store, { recursive: true });
  const current = new Set<string>();
  let shardCount = 0;
  let indexed = 0;
  try {
    // One index per language, as Pagefind itself would split them by <html lang>: /pagefind/ for
    // Polish, /uk/pagefind/ and /en/pagefind/; each language's search page reads its own.
    for (const language of SEARCH_LANGUAGES) {
      const pages = all.filter((page) => languageOfFile(page.file) === language);
      const result = await writeLanguageIndex(siteDir, store, language, pages, shardPages);
      for (const folder of result.folders) current.add(path.basename(folder));
      shardCount += result.folders.length;
      indexed += result.indexed;
    }
  } finally {
    await pagefind.close();
  }
  for (const name of readdirSync(store)) if (!current.has(name)) rmSync(path.join(store, name), { recursive: true, force: true });
  return { pages: all.length, shards: shardCount, indexed, durationMs: performance.now() - started };
}

/** The site's languages; keep in step with LANGUAGES in cms/src/languages/locales.ts. */
const SEARCH_LANGUAGES = ['pl', 'uk', 'en'] as const;
type SearchLanguage = (typeof SEARCH_LANGUAGES)[number];

/** A page's language by its folder: uk/… and en/… are translations, everything else Polish. */
export function languageOfFile(file: string): SearchLanguage {
  const top = file.split('/')[0];
  return top === 'uk' || top === 'en' ? top : 'pl';
}

/** The folder of a language's index, relative to the site: pagefind, uk/pagefind, en/pagefind. */
export const indexFolder = (language: SearchLanguage): string => (language === 'pl' ? 'pagefind' : `${language}/pagefind`);

async function writeLanguageIndex(siteDir: string, store: string, language: SearchLanguage, pages: Page[], shardPages: number): Promise<{ folders: string[]; indexed: number }> {
  // Shards by section within the language (the prefix is not a section).
  const unprefixed = (file: string) => (language === 'pl' ? file : file.slice(language.length + 1));
  const counts = new Map<string, number>();
  for (const page of pages) counts.set(sectionOf(unprefixed(page.file)), (counts.get(sectionOf(unprefixed(page.file))) ?? 0) + 1);
  const shards = new Map<string, Page[]>([[PRIMARY, []]]);
  for (const page of pages) {
    const id = shardOf(unprefixed(page.file), counts, shardPages);
    if (!shards.has(id)) shards.set(id, []);
    shards.get(id)!.push(page);
  }
  /** Shard id → its folder in the cache. */
  const folders = new Map<string, string>();
  const stale: [string, Page[], string][] = [];
  for (const [id, members] of [...shards].sort(([a], [b]) => a.localeCompare(b))) {
    const key = createHash('sha256')
      .update(JSON.stringify({ format: SHARD_FORMAT, pagefind: pagefindVersion(), language, pages: members.map((page) => [page.file, page.digest]) }))
      .digest('hex')
      .slice(0, 16);
    const folder = path.join(store, `${language}-${id}.${key}`);
    folders.set(id, folder);
    if (!existsSync(folder)) stale.push([id, members, folder]);
  }
  for (const [id, members, folder] of stale) await indexShard(siteDir, members, folder, id === PRIMARY, language);

  const out = path.join(siteDir, indexFolder(language));
  rmSync(out, { recursive: true, force: true });
  for (const [id, folder] of folders) linkTree(folder, id === PRIMARY ? out : path.join(out, id));
  const manifest: SearchManifest = { version: SHARD_FORMAT, shards: [...folders.keys()].filter((id) => id !== PRIMARY) };
  writeFileSync(path.join(out, SHARDS_MANIFEST), `${JSON.stringify(manifest)}\n`);
  return { folders: [...folders.values()], indexed: stale.length };
}

/** Indexes one shard into `target`, through a temporary folder so a half-written shard is never reused. */
async function indexShard(siteDir: string, pages: Page[], target: string, primary: boolean, language: SearchLanguage): Promise<void> {
  const shardName = path.basename(target);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`The search index ${shardName} could not be created: ${errors.join('; ')}`);
  try {
    // In batches rather than one by one: fewer round trips to Pagefind's service (about 10 % faster here).
    for (let at = 0; at < pages.length; at += ADD_BATCH) {
      const batch = pages.slice(at, at + ADD_BATCH);
      const added = await Promise.all(batch.map((page) => index.addHTMLFile({ sourcePath: page.file, content: readFileSync(path.join(siteDir, page.file), 'utf8') })));
      for (const [i, answer] of added.entries()) if (answer.errors.length > 0) throw new Error(`Search indexing failed on ${batch[i]!.file}: ${answer.errors.join('; ')}`);
    }
    const temporary = `${target}.part`;
    rmSync(temporary, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: temporary });
    if (written.errors.length > 0) throw new Error(`The search index ${shardName} could not be written: ${written.errors.join('; ')}`);
    if (!primary) for (const entry of readdirSync(temporary)) if (!SHARD_FILES.test(entry)) rmSync(path.join(temporary, entry), { recursive: true });
    renameSync(temporary, target);
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Hard links of every file (the cache's files are never changed in place, only replaced), or
 * copies where the cache is on another file system.
 */
function linkTree(from: string, to: string): void {
  for (const file of filesUnder(from)) {
    const target = path.join(to, file);
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      linkSync(path.join(from, file), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      copyFileSync(path.join(from, file), target);
    }
  }
}

let version: string | undefined;
/** Pagefind's version is part of every shard's key: another Pagefind writes another index. */
function pagefindVersion(): string {
  // Its package.json is not among its exports, so it is looked up where Node would look for the package.
  if (version) return version;
  const manifest = (createRequire(import.meta.url).resolve.paths('pagefind') ?? [])
    .map((folder) => path.join(folder, 'pagefind', 'package.json'))
    .find((file) => existsSync(file));
  if (!manifest) throw new Error('Pagefind is not installed (no node_modules/pagefind/package.json); run npm install.');
  version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  return version;
}
