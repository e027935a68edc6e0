/**
 * npm run build: builds the static site from a running CMS into site/dist (or SITE_OUT_DIR).
 * STRAPI_URL (default http://127.0.0.1:1337), STRAPI_TOKEN (optional, read-only), SITE_URL
 * (canonical address, default https://co.krakow.pl). Refuses to replace the output when a
 * collection shrank by more than REBUILD_SHRINK_LIMIT (default 0.5) since it was built, unless
 * `--force` or REBUILD_FORCE=true.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { parseBuildIndex, removedFiles, type BuildIndex } from '../site/src/lib/build-index';
import { createAstroRunner, type AstroRunner } from './lib/astro-runner.ts';
import { collectionCounts, countsFile, parseShrinkLimit, readCounts, shrinkProblems, ShrinkGuardError, writeCounts, type Counts } from './lib/build-guard.ts';
import { step } from './lib/log.ts';
import { move, overlaySite } from './lib/overlay.ts';
import { SITE_DIR } from './lib/paths.ts';

const BUILDS_DIR = path.join(SITE_DIR, '.builds');
/** Written by the site's build-index.json route; taken out of every build. */
const INDEX_FILE = 'build-index.json';
/** The sitemap of a fast build lists only the pages it rendered; the live one stays until the full build. */
const isSitemap = (relative: string) => /^sitemap-[\w-]+\.xml$/.test(relative);

export interface BuildSiteOptions {
  /** Keep Astro's output for the error message instead of showing it live. */
  capture?: boolean;
  /** Runs Astro; a one-off worker by default (the rebuild service keeps one warm). */
  runner?: AstroRunner;
  /** Where to keep this build's index, the input of a later fast build. */
  indexFile?: string;
  /**
   * A fast build: only pages whose content changed since `dir` (the live site) was built from
   * `indexFile` are rendered; the rest, the search index and the sitemap are kept from `dir`.
   */
  reuse?: { dir: string; indexFile: string };
  /** Stops the build (it then rejects with BuildCancelledError and leaves `outDir` alone). */
  signal?: AbortSignal;
  /** The shrink guard; without it any successful build replaces `outDir`. */
  guard?: BuildGuard;
}

/**
 * Refuses to replace the output when a collection shrank by more than `limit` since the output was
 * built (rejecting with ShrinkGuardError and leaving `outDir` alone): a CMS that answers but has
 * lost its content must not take the site down with it.
 */
export interface BuildGuard {
  /** The fraction of a collection that may disappear (REBUILD_SHRINK_LIMIT). */
  limit: number;
  /** Replace the output whatever the counts (--force, REBUILD_FORCE=true). */
  force?: boolean;
  /**
   * The counts the output being replaced was built from. Left out, they are read from the record
   * next to `outDir` (countsFile: `<outDir>.counts.json`), and this build's are written there once
   * it is in place; with no record, or no `outDir`, the build goes ahead. The rebuild service
   * passes its live release's counts instead (it keeps them in the release's manifest).
   */
  previous?: Counts | null;
  /**
   * This build's counts; by default read from the build's CMS (STRAPI_URL, STRAPI_TOKEN) while the
   * site builds.
   */
  counts?: Promise<Counts>;
}

/**
 * Builds into a fresh folder under site/.builds and only then moves it to `outDir`, replacing
 * what was there: a failed build leaves the previous output untouched. (Astro also writes its
 * internal .astro files into an output folder outside the project, so it never builds there.)
 * Resolves to Astro's output.
 */
export async function buildSite(outDir: string, env: NodeJS.ProcessEnv = {}, options: BuildSiteOptions = {}): Promise<string> {
  mkdirSync(BUILDS_DIR, { recursive: true });
  const workDir = path.join(BUILDS_DIR, `build-${process.pid}-${Date.now()}`);
  const mergedDir = `${workDir}-merged`;
  const runner = options.runner ?? createAstroRunner();
  const { guard } = options;
  const record = countsFile(outDir);
  // Read alongside the build and settled at once, so a failure waits for the build's own outcome.
  const counting = guard
    ? (guard.counts ?? collectionCounts(env.STRAPI_URL ?? process.env.STRAPI_URL ?? 'http://127.0.0.1:1337', (env.STRAPI_TOKEN ?? process.env.STRAPI_TOKEN) || undefined)).then(
        (counts) => ({ counts }),
        (error: unknown) => ({ error }),
      )
    : null;
  try {
    const output = await runner.build(
      { ...env, SITE_OUT_DIR: workDir, ...(options.reuse ? { SITE_REUSE_INDEX: options.reuse.indexFile } : {}) },
      { capture: options.capture, signal: options.signal },
    );
    const counts = guard && counting ? checkShrink(outDir, guard, await counting) : null;
    const index = takeIndex(workDir);
    let built = workDir;
    if (options.reuse) {
      const before = parseBuildIndex(readFileSync(options.reuse.indexFile, 'utf8'), options.reuse.indexFile);
      overlaySite({ base: options.reuse.dir, partial: workDir, target: mergedDir, remove: removedFiles(before, index), keepFromBase: isSitemap });
      built = mergedDir;
    } else {
      const pages = await indexForSearch(workDir);
      if (!options.capture) console.log(`Indeks wyszukiwarki: ${pages} stron`);
    }
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(path.dirname(outDir), { recursive: true });
    move(built, outDir);
    // A record left from before would describe another output than the one now in place.
    if (counts && guard?.previous === undefined) writeCounts(record, counts);
    else rmSync(record, { force: true });
    if (options.indexFile) writeFileSync(options.indexFile, JSON.stringify(index));
    return output;
  } finally {
    if (!options.runner) runner.close();
    for (const dir of [workDir, mergedDir]) if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

/** This build's counts, once they pass the guard (which throws ShrinkGuardError otherwise). */
function checkShrink(outDir: string, guard: BuildGuard, read: { counts: Counts } | { error: unknown }): Counts {
  if ('error' in read) {
    const reason = read.error instanceof Error ? read.error.message : String(read.error);
    throw new Error(`The CMS did not say how many entries it has, so the shrink guard could not check this build; ${outDir} was left as it was: ${reason}`, { cause: read.error });
  }
  if (guard.force) return read.counts;
  const previous = guard.previous !== undefined ? guard.previous : existsSync(outDir) ? readCounts(countsFile(outDir)) : null;
  const problems = shrinkProblems(previous, read.counts, guard.limit);
  if (problems.length > 0) throw new ShrinkGuardError(problems, outDir);
  return read.counts;
}

function takeIndex(siteDir: string): BuildIndex {
  const file = path.join(siteDir, INDEX_FILE);
  if (!existsSync(file)) throw new Error(`The build wrote no ${INDEX_FILE}; is site/src/pages/build-index.json.ts still there?`);
  const index = parseBuildIndex(readFileSync(file, 'utf8'), file);
  rmSync(file);
  return index;
}

/**
 * Pagefind's search index over the pages marked data-pagefind-body (entries, not lists), written
 * into the build's /pagefind/ folder (an empty index for a site without entries, so the search page
 * still works). Returns the number of pages read.
 */
export async function indexForSearch(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'pl' });
  try {
    if (!index) throw new Error(`Search index could not be created: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Search indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Search index could not be written: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/** The CLI's shrink guard: REBUILD_SHRINK_LIMIT, and `--force` or REBUILD_FORCE=true. */
export function cliGuard(args: string[], env: NodeJS.ProcessEnv): BuildGuard {
  const unknown = args.filter((arg) => arg !== '--force');
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown.join(' ')}; npm run build takes only --force (replace the output even if content shrank).`);
  return { limit: parseShrinkLimit(env.REBUILD_SHRINK_LIMIT), force: args.includes('--force') || env.REBUILD_FORCE === 'true' };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = path.resolve(process.env.SITE_OUT_DIR ?? path.join(SITE_DIR, 'dist'));
  Promise.resolve()
    .then(() => cliGuard(process.argv.slice(2), process.env))
    .then((guard) => step(`Budowanie strony z ${process.env.STRAPI_URL ?? 'http://127.0.0.1:1337'} do ${path.relative(process.cwd(), out) || out}`, () => buildSite(out, {}, { guard })))
    .catch((error: unknown) => {
      if (error instanceof ShrinkGuardError) console.error('Nie zastąpiono poprzedniej wersji strony (strażnik spadku treści):');
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
