import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_DIR } from '../../scripts/lib/paths.ts';
import { readSeed, translatedSlug } from '../../cms/scripts/seed/read';

// cms/seed/translations/: the Ukrainian and English versions `npm run seed` adds, checked before
// anything is written (cms/scripts/seed/read.ts) — here without a CMS.

const seed = readSeed(SEED_DIR);
const tempDir = mkdtempSync(path.join(tmpdir(), 'co-seed-translations-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

describe('the seed’s translations', () => {
  it('translate the home texts, the four pages, six guides, four events and the offers for Ukrainian speakers into both languages', () => {
    const ukrainianOffers = seed.volunteerOffers.filter((offer) => offer.languages.includes('uk')).map((offer) => offer.slug);
    expect(ukrainianOffers.length).toBeGreaterThan(0);
    for (const language of ['uk', 'en'] as const) {
      const t = seed.translations[language];
      expect(t.global?.tagline, language).toBeTruthy();
      expect(t.pages.map(translatedSlug).sort(), language).toEqual(['deklaracja-dostepnosci', 'kontakt', 'o-centrum', 'polityka-prywatnosci']);
      expect(t.guides.length, language).toBeGreaterThanOrEqual(6);
      expect(t.guides.map(translatedSlug), language).toEqual(expect.arrayContaining(['jak-zalozyc-stowarzyszenie-zwykle', 'jak-zostac-wolontariuszem']));
      expect(t.events.length, language).toBeGreaterThanOrEqual(4);
      // News a newcomer needs: the holiday opening hours among them.
      expect(t.articles.map(translatedSlug), language).toEqual(expect.arrayContaining(['godziny-otwarcia-w-okresie-swiatecznym']));
      expect(t.volunteerOffers.map(translatedSlug), language).toEqual(expect.arrayContaining(ukrainianOffers));
      expect(Object.keys(t.categories).sort(), language).toEqual(seed.categories.map((c) => c.slug).sort());
      // Every room (a draft one too, ahead of its opening): its page and request form exist in each language.
      expect(Object.keys(t.rooms).sort(), language).toEqual(seed.rooms.map((room) => room.slug).sort());
    }
  });

  it('translate every room\'s words, with as many equipment items as the Polish room, in their language', () => {
    for (const [slug, room] of Object.entries(seed.translations.uk.rooms)) {
      expect(room.name, slug).toMatch(/[а-яіїєґ]/i);
      expect(room.howToBook.replace(/\([^)]*\)/g, '').match(/[а-яіїєґ]/gi)?.length ?? 0, slug).toBeGreaterThan(room.howToBook.length / 4);
    }
    for (const [slug, room] of Object.entries(seed.translations.en.rooms)) expect(`${room.name} ${room.summary}`.replace(/\([^)]*\)/g, ''), slug).not.toMatch(/[ąćęłńśźż]/i);
    const dir = path.join(tempDir, 'rooms');
    cpSync(SEED_DIR, dir, { recursive: true });
    const file = path.join(dir, 'translations/uk/rooms.json');
    const rooms = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { equipment: string[] }>;
    const [first] = Object.keys(rooms);
    rooms[first!]!.equipment.pop();
    writeFileSync(file, JSON.stringify(rooms));
    expect(() => readSeed(dir)).toThrow(new RegExp(`translations/uk/rooms.json "${first}": \\d+ equipment items`));
  });

  it('are written in their language, not left in Polish', () => {
    const cyrillic = /[а-яіїєґ]/i;
    for (const entry of [...seed.translations.uk.pages, ...seed.translations.uk.guides, ...seed.translations.uk.events, ...seed.translations.uk.articles]) {
      expect(entry.meta.title, entry.file).toMatch(cyrillic);
      expect(entry.body.replace(/\([^)]*\)/g, '').match(/[а-яіїєґ]/gi)?.length ?? 0, entry.file).toBeGreaterThan(entry.body.length / 4);
    }
    // Polish terms stay in brackets, as a reader meets them in offices; place names keep their letters (Kraków).
    for (const entry of [...seed.translations.en.pages, ...seed.translations.en.guides]) expect(entry.meta.title.replace(/\([^)]*\)/g, ''), entry.file).not.toMatch(/[ąćęłńśźż]/i);
  });

  it('give every translation of a type its own address within its language', () => {
    for (const language of ['uk', 'en'] as const) {
      for (const folder of ['pages', 'guides', 'events', 'volunteerOffers', 'articles'] as const) {
        const slugs = seed.translations[language][folder].map((entry) => entry.meta.slug);
        expect(new Set(slugs).size, `${language}/${folder}`).toBe(slugs.length);
      }
    }
  });

  it('refuse a translation of an entry the seed does not have, and a shared field written into a translation', () => {
    const dir = path.join(tempDir, 'seed');
    cpSync(SEED_DIR, dir, { recursive: true });
    writeFileSync(path.join(dir, 'translations/uk/events/nie-ma-takiego.md'), '---\ntitle: Подія\nslug: podiia\n---\nТекст.\n');
    expect(() => readSeed(dir)).toThrow(/translations\/uk\/events\/nie-ma-takiego\.md: no published Polish entry "nie-ma-takiego"/);
    rmSync(path.join(dir, 'translations/uk/events/nie-ma-takiego.md'));
    writeFileSync(path.join(dir, 'translations/en/events/dzien-otwarty-centrum-obywatelskiego.md'), '---\ntitle: Open day\nslug: open-day\ncapacity: 20\n---\nText.\n');
    expect(() => readSeed(dir)).toThrow(/capacity/);
  });
});
