/**
 * npm run build: builds the static site from a running CMS into site/dist (or SITE_OUT_DIR).
 * STRAPI_URL (default http://127.0.0.1:1337), STRAPI_TOKEN (optional, read-only), SITE_URL
 * (canonical address, default https://co.krakow.pl). Refuses to replace the output when a
 * collection shrank by more than REBUILD_SHRINK_LIMIT (default 0.5) since it was built, unless
 * `--force` or REBUILD_FORCE=true.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createAstroRunner, type AstroRunner } from './lib/astro-runner.ts';
import { collectionCounts, countsFile, parseShrinkLimit, readCounts, shrinkProblems, ShrinkGuardError, writeCounts, type Counts } from './lib/build-guard.ts';
import { formatMs, step } from './lib/log.ts';
import { move } from './lib/files.ts';
import { SITE_DIR } from './lib/paths.ts';
import { writeSearchIndex, type SearchIndexReport } from './lib/search-index.ts';

const BUILDS_DIR = path.join(SITE_DIR, '.builds');
/** Astro's cache folder (site/astro.config.mjs): downloaded images, the content store, the incremental build's pages. */
const DEFAULT_CACHE_DIR = 'node_modules/.astro';
/** The incremental build's record of every page's key and code (inside the cache folder). */
const INCREMENTAL_MANIFEST = 'incremental-build.json';

export interface BuildSiteOptions {
  /** Keep Astro's output for the error message instead of showing it live. */
  capture?: boolean;
  /** Runs Astro; a one-off worker by default (the rebuild service keeps one warm). */
  runner?: AstroRunner;
  /** Stops the build (it then rejects with BuildCancelledError and leaves `outDir` alone). */
  signal?: AbortSignal;
  /** The shrink guard; without it any successful build replaces `outDir`. */
  guard?: BuildGuard;
  /** Told how the search index was written (how many of its shards were indexed anew, how long it took). */
  onSearchIndex?: (report: SearchIndexReport) => void;
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

/** The Astro cache folder a build with these variables uses (SITE_CACHE_DIR, as the site's config reads it). */
const cacheDirOf = (env: NodeJS.ProcessEnv): string => path.resolve(SITE_DIR, env.SITE_CACHE_DIR ?? process.env.SITE_CACHE_DIR ?? DEFAULT_CACHE_DIR);

/** The folder under site/.builds that a build with these variables works in: one per cache folder. */
export const workDirOf = (env: NodeJS.ProcessEnv): string => path.join(BUILDS_DIR, `work-${createHash('sha256').update(cacheDirOf(env)).digest('hex').slice(0, 12)}`);

/**
 * Builds into a work folder under site/.builds and only then moves it to `outDir`, replacing what
 * was there: a failed build leaves the previous output untouched. (Astro also writes its internal
 * .astro files into an output folder outside the project, so it never builds there.)
 *
 * Astro's incremental build copies every page whose cache key and code are unchanged from the last
 * build with the same cache folder (SITE_CACHE_DIR), so a build after one publication renders only
 * what that publication changed — and still writes the whole site, search index and sitemap
 * included. Astro's hash of a page's code includes the output folder, so each cache folder has
 * one work folder of its own, always the same; two builds must not share a cache folder at once.
 * Resolves to Astro's output.
 */
export async function buildSite(outDir: string, env: NodeJS.ProcessEnv = {}, options: BuildSiteOptions = {}): Promise<string> {
  mkdirSync(BUILDS_DIR, { recursive: true });
  const cacheDir = cacheDirOf(env);
  const workDir = workDirOf(env);
  // Left over from a build that was killed.
  rmSync(workDir, { recursive: true, force: true });
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
    let output: string;
    try {
      output = await runner.build({ ...env, SITE_OUT_DIR: workDir, SITE_CACHE_DIR: cacheDir }, { capture: options.capture, signal: options.signal });
    } catch (error) {
      // A build stopped halfway may have stored new copies of pages under their old keys; without
      // the record the next build renders everything once instead of trusting them.
      rmSync(path.join(cacheDir, INCREMENTAL_MANIFEST), { force: true });
      throw error;
    }
    const counts = guard && counting ? checkShrink(outDir, guard, await counting) : null;
    const search = await writeSearchIndex(workDir, cacheDir);
    options.onSearchIndex?.(search);
    if (!options.capture) console.log(`Indeks wyszukiwarki: ${describeSearchIndex(search)}`);
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(path.dirname(outDir), { recursive: true });
    move(workDir, outDir);
    // A record left from before would describe another output than the one now in place.
    if (counts && guard?.previous === undefined) writeCounts(record, counts);
    else rmSync(record, { force: true });
    return output;
  } finally {
    if (!options.runner) runner.close();
    if (existsSync(workDir)) rmSync(workDir, { recursive: true, force: true });
  }
}

/** "10,784 stron, na nowo 2 z 24 części (3.1 s)": for the build's log and the rebuild service's. */
export const describeSearchIndex = (report: SearchIndexReport): string =>
  `${report.pages} stron, na nowo ${report.indexed} z ${report.shards} części (${formatMs(report.durationMs)})`;

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
