import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesUnder, overlaySite } from '../../scripts/lib/overlay.ts';
import { digestOf, parseBuildIndex, removedFiles, type BuildIndex } from '../../site/src/lib/build-index';

const root = mkdtempSync(path.join(tmpdir(), 'co-fast-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function site(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const index = (entries: Record<string, string[]>): BuildIndex => ({
  version: 1,
  collections: {},
  entries: Object.fromEntries(Object.entries(entries).map(([page, files]) => [page, { digest: digestOf(page), files }])),
});

describe('a fast build laid over the live site', () => {
  const live = site('live', {
    'index.html': 'strona główna v1',
    'wydarzenia/index.html': 'lista v1',
    'wydarzenia/stare/index.html': 'stare wydarzenie',
    'wydarzenia/stare.ics': 'BEGIN:VCALENDAR stare',
    'wydarzenia/zostaje/index.html': 'bez zmian',
    'sitemap-0.xml': 'pełna mapa',
    'pagefind/pagefind.js': 'indeks',
  });
  const partial = site('partial', {
    'index.html': 'strona główna v2',
    'wydarzenia/index.html': 'lista v2',
    'wydarzenia/nowe/index.html': 'nowe wydarzenie',
    'sitemap-0.xml': 'mapa tylko z nowych stron',
  });
  const target = path.join(root, 'next');
  const result = overlaySite({
    base: live,
    partial,
    target,
    remove: ['wydarzenia/stare/index.html', 'wydarzenia/stare.ics'],
    keepFromBase: (file) => file.startsWith('sitemap-'),
  });
  const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

  it('takes the freshly rendered pages, and keeps the rest of the live site', () => {
    expect(read(target, 'index.html')).toBe('strona główna v2');
    expect(read(target, 'wydarzenia/index.html')).toBe('lista v2');
    expect(read(target, 'wydarzenia/nowe/index.html')).toBe('nowe wydarzenie');
    expect(read(target, 'wydarzenia/zostaje/index.html')).toBe('bez zmian');
    expect(read(target, 'pagefind/pagefind.js')).toBe('indeks');
    expect(result.replaced).toBe(3);
  });

  it('keeps the live sitemap instead of the partial one', () => {
    expect(read(target, 'sitemap-0.xml')).toBe('pełna mapa');
  });

  it('deletes the pages of removed entries, and their emptied folders', () => {
    expect(existsSync(path.join(target, 'wydarzenia/stare.ics'))).toBe(false);
    expect(existsSync(path.join(target, 'wydarzenia/stare'))).toBe(false);
    expect(existsSync(path.join(target, 'wydarzenia'))).toBe(true);
    expect(result.removed).toBe(2);
  });

  it('leaves every file of the live site as it was', () => {
    expect(filesUnder(live).sort()).toEqual(['index.html', 'pagefind/pagefind.js', 'sitemap-0.xml', 'wydarzenia/index.html', 'wydarzenia/stare.ics', 'wydarzenia/stare/index.html', 'wydarzenia/zostaje/index.html']);
    expect(read(live, 'index.html')).toBe('strona główna v1');
    expect(read(live, 'wydarzenia/stare/index.html')).toBe('stare wydarzenie');
  });

  it('shares unchanged files with the live site instead of copying them', () => {
    expect(statSync(path.join(target, 'wydarzenia/zostaje/index.html')).ino).toBe(statSync(path.join(live, 'wydarzenia/zostaje/index.html')).ino);
    expect(statSync(path.join(target, 'index.html')).ino).not.toBe(statSync(path.join(live, 'index.html')).ino);
  });

  it('refuses to delete anything outside the new site', () => {
    expect(() => overlaySite({ base: live, partial: site('partial-2', {}), target: path.join(root, 'next-2'), remove: ['../live/index.html'] })).toThrow(/outside the site/);
    expect(read(live, 'index.html')).toBe('strona główna v1');
  });
});

describe('the build index', () => {
  it('names the files of entries that are gone or moved, not those still built', () => {
    const before = index({ '/wydarzenia/a/': ['wydarzenia/a/index.html', 'wydarzenia/a.ics'], '/baza-wiedzy/stary-temat/p/': ['baza-wiedzy/stary-temat/p/index.html'], '/aktualnosci/b/': ['aktualnosci/b/index.html'] });
    const now = index({ '/baza-wiedzy/nowy-temat/p/': ['baza-wiedzy/nowy-temat/p/index.html'], '/aktualnosci/b/': ['aktualnosci/b/index.html'] });
    expect(removedFiles(before, now).sort()).toEqual(['baza-wiedzy/stary-temat/p/index.html', 'wydarzenia/a.ics', 'wydarzenia/a/index.html']);
  });

  it('gives the same digest for the same content and another for a change', () => {
    expect(digestOf({ title: 'Spotkanie', slug: 'spotkanie' })).toBe(digestOf({ title: 'Spotkanie', slug: 'spotkanie' }));
    expect(digestOf({ title: 'Spotkanie', slug: 'spotkanie' })).not.toBe(digestOf({ title: 'Spotkanie!', slug: 'spotkanie' }));
  });

  it('rejects a file that is not an index, naming it', () => {
    expect(() => parseBuildIndex('{"version":2,"entries":{},"collections":{}}', 'stary.json')).toThrow(/stary\.json is not a build index/);
    expect(() => parseBuildIndex('nie json', 'zepsuty.json')).toThrow(/zepsuty\.json is not valid JSON/);
    expect(parseBuildIndex(JSON.stringify(index({})), 'dobry.json').version).toBe(1);
  });
});
