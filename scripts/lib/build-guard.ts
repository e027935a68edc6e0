import { createStrapiClient } from '../../site/src/lib/strapi-client.ts';

/** The collections a site build reads; a sudden drop in any of them stops the build going live. */
export const GUARDED_COLLECTIONS = ['articles', 'guides', 'events', 'organizations', 'rooms', 'pages', 'categories', 'areas'] as const;

/** Published entries per collection, as the CMS reports them now (a failure throws). */
export async function collectionCounts(strapiUrl: string, token?: string): Promise<Record<string, number>> {
  const client = createStrapiClient({ baseUrl: strapiUrl, token });
  const counts: Record<string, number> = {};
  for (const collection of GUARDED_COLLECTIONS) {
    const body = await client.get<{ meta?: { pagination?: { total?: number } } }>(collection, { pagination: { page: 1, pageSize: 1 }, fields: ['documentId'] });
    const total = body.meta?.pagination?.total;
    if (!Number.isInteger(total)) throw new Error(`${collection}: the CMS did not report how many entries there are.`);
    counts[collection] = total!;
  }
  return counts;
}

/**
 * Collections that shrank by more than `limit` (0.5 = half) since the last good build, in words.
 * An empty list means the build may go live. A collection that was empty before cannot shrink.
 */
export function shrinkProblems(previous: Record<string, number> | null, current: Record<string, number>, limit: number): string[] {
  if (!previous) return [];
  const problems: string[] = [];
  for (const [collection, before] of Object.entries(previous)) {
    const now = current[collection] ?? 0;
    if (before > 0 && (before - now) / before > limit) {
      problems.push(`${collection}: ${before} → ${now} (−${Math.round(((before - now) / before) * 100)} %, limit ${Math.round(limit * 100)} %)`);
    }
  }
  return problems;
}
