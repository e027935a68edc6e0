import { describe, expect, it } from 'vitest';
import { byTitle, guideNavigation, guidesInTopic, topicsOf, topicSlugOf } from '../../../site/src/lib/guides';
import { articleDate, newestFirst } from '../../../site/src/lib/news';

const topic = (slug: string) => ({ documentId: `t-${slug}`, slug, name: slug });
const guide = (id: string, title: string, category: ReturnType<typeof topic> | null, related: string[] = []) => ({
  documentId: id,
  slug: id,
  title,
  category,
  relatedGuides: related.map((documentId) => ({ documentId })),
});

const finance = topic('finanse');
const guides = [
  guide('g1', 'Zakładanie konta', finance),
  guide('g2', 'Łączenie źródeł finansowania', finance, ['g4', 'draft-only']),
  guide('g3', 'Budżet projektu', finance),
  guide('g4', 'Lista kontrolna', null),
];

describe('knowledge base order', () => {
  it('sorts titles the Polish way (Ł between L and M)', () => {
    expect(['Zakładanie', 'Łączenie', 'Lista', 'Mapa', 'Budżet'].map((title) => ({ title })).sort(byTitle).map((g) => g.title)).toEqual([
      'Budżet', 'Lista', 'Łączenie', 'Mapa', 'Zakładanie',
    ]);
  });

  it('lists a guide without a topic under "inne"', () => {
    expect(topicSlugOf(guides[3]!)).toBe('inne');
    expect(guidesInTopic(guides, 'inne').map((g) => g.documentId)).toEqual(['g4']);
  });

  it('links a guide to the previous and next one in its topic', () => {
    const navigation = guideNavigation(guides);
    expect(navigation.get(guides[1]!.documentId)).toMatchObject({ previous: guides[2], next: guides[0] });
    expect(navigation.get(guides[2]!.documentId)!.previous).toBeNull();
    expect(navigation.get(guides[3]!.documentId)).toMatchObject({ previous: null, next: null });
  });

  it('shows the editors’ related guides that are published, else others from the topic', () => {
    const related = (index: number) => guideNavigation(guides).get(guides[index]!.documentId)!.related.map((g) => g.documentId);
    expect(related(1)).toEqual(['g4']);
    expect(related(0)).toEqual(['g3', 'g2']);
    expect(related(3)).toEqual([]);
  });

  it('works out every guide\'s navigation in one pass, the same as for each guide alone', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ documentId: `m${i}`, slug: `m${i}`, title: `Poradnik ${(i * 37) % 60}`, category: { documentId: `c${i % 4}`, slug: `t${i % 4}` } }));
    const navigation = guideNavigation(many);
    for (const guide of many) {
      const inTopic = guidesInTopic(many, topicSlugOf(guide));
      const index = inTopic.indexOf(guide);
      expect(navigation.get(guide.documentId)).toEqual({ previous: inTopic[index - 1] ?? null, next: inTopic[index + 1] ?? null, related: inTopic.filter((g) => g !== guide).slice(0, 3) });
    }
  });
});

describe('topics', () => {
  it('keep the editors’ order, count their guides and add "Inne" only when needed', () => {
    const categories = [{ slug: 'finanse', name: 'Finanse' }, { slug: 'rodo', name: 'RODO', description: 'Dane osobowe' }];
    expect(topicsOf(categories, guides)).toEqual([
      { slug: 'finanse', name: 'Finanse', description: null, count: 3 },
      { slug: 'rodo', name: 'RODO', description: 'Dane osobowe', count: 0 },
      { slug: 'inne', name: 'Inne poradniki', description: null, count: 1 },
    ]);
    expect(topicsOf(categories, guides.slice(0, 3)).map((t) => t.slug)).toEqual(['finanse', 'rodo']);
  });
});

describe('news order', () => {
  it('uses the publication date the editors set, else when the article went live', () => {
    const articles = [
      { title: 'a', publicationDate: '2026-11-01', publishedAt: '2026-11-20T10:00:00Z' },
      { title: 'b', publicationDate: null, publishedAt: '2026-11-10T10:00:00Z' },
      { title: 'c', publicationDate: '2026-11-15', publishedAt: '2026-11-02T10:00:00Z' },
    ];
    expect(articleDate(articles[1]!)).toBe('2026-11-10T10:00:00Z');
    expect(newestFirst(articles).map((a) => a.title)).toEqual(['c', 'b', 'a']);
  });
});
