/**
 * npm run build: builds the static site from a running CMS into site/dist (or SITE_OUT_DIR).
 * STRAPI_URL (default http://127.0.0.1:1337), STRAPI_TOKEN (optional, read-only), SITE_URL
 * (canonical address, default https://co.krakow.pl).
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as pagefind from 'pagefind';
import { run } from './lib/cms.ts';
import { step } from './lib/log.ts';
import { ROOT_DIR } from './lib/paths.ts';

export const SITE_DIR = path.join(ROOT_DIR, 'site');
const BUILDS_DIR = path.join(SITE_DIR, '.builds');
const require = createRequire(import.meta.url);
// astro.js is the package's bin; it is not in "exports", so resolve it from the package root.
const ASTRO = path.join(path.dirname(require.resolve('astro/package.json', { paths: [SITE_DIR] })), 'astro.js');

/**
 * Builds into a fresh folder under site/.builds and only then moves it to `outDir`, replacing
 * what was there: a failed build leaves the previous output untouched. (Astro also writes its
 * internal .astro files into an output folder outside the project, so it never builds there.)
 */
export async function buildSite(outDir: string, env: NodeJS.ProcessEnv = {}, options: { capture?: boolean } = {}): Promise<string> {
  mkdirSync(BUILDS_DIR, { recursive: true });
  const workDir = path.join(BUILDS_DIR, `build-${process.pid}-${Date.now()}`);
  try {
    const output = await run(process.execPath, [ASTRO, 'build'], {
      cwd: SITE_DIR,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env, SITE_OUT_DIR: workDir },
      capture: options.capture,
    });
    const pages = await indexForSearch(workDir);
    if (!options.capture) console.log(`Indeks wyszukiwarki: ${pages} stron`);
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(path.dirname(outDir), { recursive: true });
    moveDir(workDir, outDir);
    return output;
  } finally {
    if (existsSync(workDir)) rmSync(workDir, { recursive: true, force: true });
  }
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

/** rename, or copy and delete when the target is on another file system (e.g. a tmpfs /tmp). */
function moveDir(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = path.resolve(process.env.SITE_OUT_DIR ?? path.join(SITE_DIR, 'dist'));
  step(`Budowanie strony z ${process.env.STRAPI_URL ?? 'http://127.0.0.1:1337'} do ${path.relative(process.cwd(), out) || out}`, () => buildSite(out)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
