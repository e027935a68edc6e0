import { NO_TOPIC } from './urls';

/** How the knowledge base orders and connects guides; plain data in, plain data out. */

export interface GuideLike {
  documentId: string;
  slug: string;
  title: string;
  category?: { documentId: string; slug: string; name?: string } | null;
  relatedGuides?: { documentId: string }[] | null;
}

const collator = new Intl.Collator('pl', { sensitivity: 'base', numeric: true });

/** Alphabetical as a Polish reader expects it ("Łódź" after "Lublin", not after "Z"). */
export const byTitle = <G extends { title: string }>(a: G, b: G): number => collator.compare(a.title, b.title);

/** The topic a guide is listed under: its category, or "Inne" for a guide without one. */
export const topicSlugOf = (guide: GuideLike): string => guide.category?.slug ?? NO_TOPIC.slug;

export function guidesInTopic<G extends GuideLike>(guides: G[], topicSlug: string): G[] {
  return guides.filter((guide) => topicSlugOf(guide) === topicSlug).sort(byTitle);
}

/** What a page shows of another guide: a link to it (and only that, so its cache key says so). */
export interface GuideLink {
  title: string;
  slug: string;
  category: { slug: string } | null;
}

export const guideLink = (guide: GuideLike & { title: string; slug: string }): GuideLink => ({
  title: guide.title,
  slug: guide.slug,
  category: guide.category ? { slug: guide.category.slug } : null,
});

/** Where a guide's page links to: the guides before and after it in its topic, and related ones. */
export interface GuideNavigation<G> {
  previous: G | null;
  next: G | null;
  /**
   * The editors' choice of related guides (published ones only, since a relation may point at a
   * draft); without one, the first few others from the same topic.
   */
  related: G[];
}

/**
 * Every guide's navigation at once, by documentId: each topic is sorted once, so thousands of
 * guides cost one sort per topic rather than one per guide.
 */
export function guideNavigation<G extends GuideLike>(guides: readonly G[], relatedCount = 3): Map<string, GuideNavigation<G>> {
  const byId = new Map(guides.map((g) => [g.documentId, g]));
  const byTopic = new Map<string, G[]>();
  for (const guide of guides) {
    const topic = topicSlugOf(guide);
    const list = byTopic.get(topic);
    if (list) list.push(guide);
    else byTopic.set(topic, [guide]);
  }
  const navigation = new Map<string, GuideNavigation<G>>();
  for (const inTopic of byTopic.values()) {
    inTopic.sort(byTitle);
    inTopic.forEach((guide, index) => {
      const chosen = (guide.relatedGuides ?? []).map((r) => byId.get(r.documentId)).filter((g): g is G => !!g && g.documentId !== guide.documentId);
      navigation.set(guide.documentId, {
        previous: inTopic[index - 1] ?? null,
        next: inTopic[index + 1] ?? null,
        related: chosen.length > 0 ? chosen : inTopic.slice(0, relatedCount + 1).filter((g) => g !== guide).slice(0, relatedCount),
      });
    });
  }
  return navigation;
}

export interface Topic {
  slug: string;
  name: string;
  description: string | null;
  /** Guides in the topic. */
  count: number;
}

/** The topics in the editors' order, plus "Inne" when some guide has none, each with its count. */
export function topicsOf(categories: { slug: string; name: string; description?: string | null }[], guides: GuideLike[]): Topic[] {
  const topics = categories.map((c) => ({ slug: c.slug, name: c.name, description: c.description ?? null }));
  if (guides.some((guide) => !guide.category)) topics.push({ slug: NO_TOPIC.slug, name: NO_TOPIC.name, description: null });
  return topics.map((topic) => ({ ...topic, count: guides.filter((guide) => topicSlugOf(guide) === topic.slug).length }));
}
