import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../../scripts/lib/files.ts';
import { bucketsFor, shardOf, writeSearchIndex, type SearchManifest } from '../../scripts/lib/search-index.ts';

/**
 * The search index in shards (scripts/lib/search-index.ts) with real Pagefind on hand-made pages:
 * which shard a page goes to, that a build re-indexes only the shards whose pages changed, and
 * that the result equals an index written from scratch.
 */

const tempDir = mkdtempSync(path.join(tmpdir(), 'co-search-index-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

const page = (title: string, body: string, searchable = true) =>
  `<!doctype html><html lang="pl"><head><title>${title}</title></head><body><header>Menu</header><main id="tresc"${searchable ? ' data-pagefind-body' : ''}><h1>${title}</h1><p>${body}</p></main></body></html>`;

/** A site with `n` guides, `n` events, a list page and a static page. */
function writeSite(dir: string, n: number, change: Record<string, string> = {}): void {
  rmSync(dir, { recursive: true, force: true });
  const files: Record<string, string> = {
    'index.html': page('Strona główna', 'Witamy', false),
    'wydarzenia/index.html': page('Wydarzenia', 'Lista wydarzeń', false),
    'polityka-prywatnosci/index.html': page('Polityka prywatności', 'Administratorem danych jest Centrum'),
  };
  for (let i = 0; i < n; i += 1) {
    files[`baza-wiedzy/finanse/poradnik-${i}/index.html`] = page(`Poradnik ${i}`, `Jak rozliczyć dotację numer ${i}`);
    files[`wydarzenia/spotkanie-${i}/index.html`] = page(`Spotkanie ${i}`, `Szkolenie z księgowości ${i}`);
  }
  for (const [file, content] of Object.entries({ ...files, ...change })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
}

const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'pagefind', 'shards.json'), 'utf8')) as SearchManifest;
const pageCount = (bundle: string) =>
  Object.values((JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> }).languages).reduce((sum, language) => sum + language.page_count, 0);
const snapshot = (dir: string) => Object.fromEntries(filesUnder(path.join(dir, 'pagefind')).map((file) => [file, readFileSync(path.join(dir, 'pagefind', file)).toString('base64')]));

describe('shards of the search index', () => {
  it('doubles a section’s shards only when the section outgrows them', () => {
    expect(bucketsFor(0, 1000)).toBe(1);
    expect(bucketsFor(1000, 1000)).toBe(1);
    expect(bucketsFor(1001, 1000)).toBe(2);
    expect(bucketsFor(4000, 1000)).toBe(4);
    expect(bucketsFor(4001, 1000)).toBe(8);
  });

  it('keeps static pages in the primary index and gives each section its own shards', () => {
    const counts = new Map([['wydarzenia', 3000]]);
    expect(shardOf('polityka-prywatnosci/index.html', counts)).toBe('strony');
    expect(shardOf('sale/sala-duza/index.html', counts)).toBe('strony');
    expect(shardOf('wydarzenia/spotkanie-1/index.html', counts)).toMatch(/^wydarzenia-[0-3]$/);
    // The address alone decides, so the same page lands in the same shard every time.
    expect(shardOf('wydarzenia/spotkanie-1/index.html', counts)).toBe(shardOf('wydarzenia/spotkanie-1/index.html', new Map(counts)));
  });

  it('indexes every searchable page once, and no list page', async () => {
    const site = path.join(tempDir, 'all');
    writeSite(site, 6);
    const report = await writeSearchIndex(site, path.join(tempDir, 'cache-all'), 4);
    expect(report.pages).toBe(13);
    const manifest = manifestOf(site);
    // 6 guides and 6 events with at most 4 per shard: two shards each, beside the primary.
    expect(manifest.shards.sort()).toEqual(['baza-wiedzy-0', 'baza-wiedzy-1', 'wydarzenia-0', 'wydarzenia-1']);
    // …and the (empty) primaries of Ukrainian and English, whose search pages exist whatever is translated.
    expect(report.shards).toBe(7);
    const counted = pageCount(path.join(site, 'pagefind')) + manifest.shards.reduce((sum, shard) => sum + pageCount(path.join(site, 'pagefind', shard)), 0);
    expect(counted).toBe(13);
    // A merged shard carries its index only; the scripts and the WebAssembly are the primary's.
    expect(readdirSync(path.join(site, 'pagefind'))).toEqual(expect.arrayContaining(['pagefind-ui.js', 'pagefind.js', 'wasm.pl.pagefind']));
    expect(readdirSync(path.join(site, 'pagefind', 'wydarzenia-0')).filter((name) => /\.js$|^wasm/.test(name))).toEqual([]);
  });

  it('re-indexes only the shards whose pages changed, and ends where a build from scratch ends', async () => {
    const site = path.join(tempDir, 'incremental');
    const cache = path.join(tempDir, 'cache-incremental');
    writeSite(site, 6);
    expect((await writeSearchIndex(site, cache, 4)).indexed).toBe(7);

    writeSite(site, 6);
    expect((await writeSearchIndex(site, cache, 4)).indexed).toBe(0);

    const changed = 'wydarzenia/spotkanie-2/index.html';
    const edit = { [changed]: page('Spotkanie 2 (nowy termin)', 'Szkolenie z księgowości przeniesione') };
    writeSite(site, 6, edit);
    expect((await writeSearchIndex(site, cache, 4)).indexed).toBe(1);
    const incremental = snapshot(site);

    const fresh = path.join(tempDir, 'fresh');
    writeSite(fresh, 6, edit);
    await writeSearchIndex(fresh, path.join(tempDir, 'cache-fresh'), 4);
    expect(incremental).toEqual(snapshot(fresh));
    // The cache keeps the shards of the newest build only (five Polish, two empty primaries).
    expect(readdirSync(cache.concat('/search-index'))).toHaveLength(7);
  });

  it('writes one index per language, each with the pages of its language only', async () => {
    const site = path.join(tempDir, 'languages');
    writeSite(site, 2, {
      'uk/baza-wiedzy/finanse/yak-rozrakhuvatysia/index.html': page('Як розрахуватися за дотацію', 'Звіт про використання дотації').replace('lang="pl"', 'lang="uk"'),
      'en/baza-wiedzy/finanse/how-to-settle/index.html': page('How to settle a grant', 'The final report of a grant').replace('lang="pl"', 'lang="en"'),
    });
    const report = await writeSearchIndex(site, path.join(tempDir, 'cache-languages'));
    expect(report.pages).toBe(7);
    // Pages per language over an index and its merged shards.
    const languagesIn = (folder: string) => {
      const { shards } = JSON.parse(readFileSync(path.join(site, folder, 'shards.json'), 'utf8')) as SearchManifest;
      const counts: Record<string, number> = {};
      for (const bundle of ['', ...shards]) {
        const entry = JSON.parse(readFileSync(path.join(site, folder, bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
        for (const [language, { page_count }] of Object.entries(entry.languages)) counts[language] = (counts[language] ?? 0) + page_count;
      }
      return counts;
    };
    expect(languagesIn('uk/pagefind')).toEqual({ uk: 1 });
    expect(languagesIn('en/pagefind')).toEqual({ en: 1 });
    expect(languagesIn('pagefind')).toEqual({ pl: 5 });
  });

  it('writes an empty primary index for a site without searchable pages', async () => {
    const site = path.join(tempDir, 'empty');
    mkdirSync(site, { recursive: true });
    writeFileSync(path.join(site, 'index.html'), page('Strona główna', 'Witamy', false));
    const report = await writeSearchIndex(site, path.join(tempDir, 'cache-empty'));
    // One empty primary per language.
    expect(report).toMatchObject({ pages: 0, shards: 3, indexed: 3 });
    expect(manifestOf(site).shards).toEqual([]);
    expect(readdirSync(path.join(site, 'pagefind'))).toContain('pagefind-ui.js');
  });
});
