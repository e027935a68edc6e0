import { describe, expect, it } from 'vitest';
import { generateContent, splitCounts, type ExistingRefs } from '../../cms/scripts/bench/content';
import { seedingDay } from '../../cms/scripts/seed/relative-dates';
import { checkMarkdownLinks, validateArticle, validateEvent, validateGuide, validateOrganization } from '../../cms/src/validation/rules';
import { SLUG_PATTERN } from '../../cms/src/validation/slug';

const refs = (): ExistingRefs => ({
  areas: ['area1', 'area2', 'area3', 'area4'],
  categories: ['cat1', 'cat2'],
  rooms: ['room1', 'room2'],
  organizations: ['org1'],
  slugs: { events: new Set(['szkolenie-fundraising-na-podgorzu-1']), articles: new Set(), guides: new Set(), organizations: new Set() },
});
const base = seedingDay('2026-06-15');
const content = generateContent({ total: 500, base, seed: 7, refs: refs() });
const all = [...content.events, ...content.articles, ...content.guides, ...content.organizations];
const words = (text: string) => text.match(/\p{L}+/gu)?.length ?? 0;

describe('scale benchmark content', () => {
  it('splits entries 40/30/20/10 % and always adds up', () => {
    expect(splitCounts(10_000)).toEqual({ events: 4000, articles: 3000, guides: 2000, organizations: 1000 });
    const odd = splitCounts(7);
    expect(odd.events + odd.articles + odd.guides + odd.organizations).toBe(7);
    expect([content.events.length, content.articles.length, content.guides.length, content.organizations.length]).toEqual([200, 150, 100, 50]);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(generateContent({ total: 500, base, seed: 7, refs: refs() })).toEqual(content);
    expect(generateContent({ total: 500, base, seed: 8, refs: refs() }).events[0]).not.toEqual(content.events[0]);
  });

  it('gives unique documentIds and well-formed slugs unique per type, avoiding taken ones', () => {
    expect(new Set(all.map((doc) => doc.documentId)).size).toBe(all.length);
    for (const docs of [content.events, content.articles, content.guides, content.organizations]) {
      const slugs = docs.map((doc) => String(doc.data.slug));
      expect(new Set(slugs).size).toBe(slugs.length);
      for (const slug of slugs) expect(slug).toMatch(SLUG_PATTERN);
    }
    expect(content.events.map((doc) => doc.data.slug)).not.toContain('szkolenie-fundraising-na-podgorzu-1');
  });

  it('writes Markdown bodies of 300–1,500 words with headings, lists and links', () => {
    for (const { data } of all) {
      const body = String(data.body ?? data.description);
      expect(words(body)).toBeGreaterThanOrEqual(300);
      expect(words(body)).toBeLessThanOrEqual(1500);
      expect(body).toMatch(/^## /m);
      expect(body).toMatch(/\]\((https:\/\/|\/)/);
    }
    expect(all.filter(({ data }) => /^(- |\d+\. )/m.test(String(data.body ?? data.description))).length).toBeGreaterThan(all.length * 0.8);
  });

  it('passes the editorial rules the CMS applies to every write', () => {
    for (const { data } of content.events) expect(validateEvent(data, { hasRoom: Boolean(data.room) })).toEqual([]);
    for (const { data } of content.organizations) expect(validateOrganization(data)).toEqual([]);
    for (const { data } of content.articles) expect(validateArticle(data)).toEqual([]);
    for (const { data } of content.guides) expect(validateGuide(data)).toEqual([]);
    for (const { data } of all) expect(checkMarkdownLinks(data.body ?? data.description, ['body'], 'body')).toEqual([]);
  });

  it('spreads events from six months back to twelve ahead, some of them recurring', () => {
    const days = content.events.map(({ data }) => (Date.parse(String(data.startsAt)) - base.toMillis()) / 86_400_000);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(-183);
    expect(Math.max(...days)).toBeLessThanOrEqual(366);
    expect(days.filter((day) => day < 0).length).toBeGreaterThan(20);
    expect(content.events.some(({ data }) => data.recurrence)).toBe(true);
  });

  it('links only to what exists: seeded areas, categories and rooms, and earlier guides', () => {
    const guideIds = new Set(content.guides.map((doc) => doc.documentId));
    const orgIds = new Set(['org1', ...content.organizations.map((doc) => doc.documentId)]);
    for (const { data } of content.organizations) for (const area of data.areas as string[]) expect(refs().areas).toContain(area);
    for (const { data } of content.guides) for (const related of data.relatedGuides as string[]) expect(guideIds.has(related)).toBe(true);
    for (const { data } of content.events) {
      if (data.room) expect(refs().rooms).toContain(data.room);
      if (data.organizer) expect(orgIds.has(String(data.organizer))).toBe(true);
    }
  });
});
