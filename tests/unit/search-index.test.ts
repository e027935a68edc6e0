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
    expect(report.shards).toBe(5);
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
    expect((await writeSearchIndex(site, cache, 4)).indexed).toBe(5);

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
    // The cache keeps the shards of the newest build only.
    expect(readdirSync(cache.concat('/search-index'))).toHaveLength(5);
  });

  it('writes an empty primary index for a site without searchable pages', async () => {
    const site = path.join(tempDir, 'empty');
    mkdirSync(site, { recursive: true });
    writeFileSync(path.join(site, 'index.html'), page('Strona główna', 'Witamy', false));
    const report = await writeSearchIndex(site, path.join(tempDir, 'cache-empty'));
    expect(report).toMatchObject({ pages: 0, shards: 1, indexed: 1 });
    expect(manifestOf(site).shards).toEqual([]);
    expect(readdirSync(path.join(site, 'pagefind'))).toContain('pagefind-ui.js');
  });
});
