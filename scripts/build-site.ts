/**
 * npm run build: builds the static site from a running CMS into site/dist (or SITE_OUT_DIR).
 * STRAPI_URL (default http://127.0.0.1:1337), STRAPI_TOKEN (optional, read-only), SITE_URL
 * (canonical address, default https://co.krakow.pl).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { parseBuildIndex, removedFiles, type BuildIndex } from '../site/src/lib/build-index';
import { createAstroRunner, type AstroRunner } from './lib/astro-runner.ts';
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
  try {
    const output = await runner.build(
      { ...env, SITE_OUT_DIR: workDir, ...(options.reuse ? { SITE_REUSE_INDEX: options.reuse.indexFile } : {}) },
      { capture: options.capture, signal: options.signal },
    );
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
    if (options.indexFile) writeFileSync(options.indexFile, JSON.stringify(index));
    return output;
  } finally {
    if (!options.runner) runner.close();
    for (const dir of [workDir, mergedDir]) if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = path.resolve(process.env.SITE_OUT_DIR ?? path.join(SITE_DIR, 'dist'));
  step(`Budowanie strony z ${process.env.STRAPI_URL ?? 'http://127.0.0.1:1337'} do ${path.relative(process.cwd(), out) || out}`, () => buildSite(out)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
