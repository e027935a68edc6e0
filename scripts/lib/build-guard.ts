import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createStrapiClient } from '../../site/src/lib/strapi-client.ts';

/** The collections a site build reads; a sudden drop in any of them stops the build going live. */
export const GUARDED_COLLECTIONS = ['articles', 'guides', 'events', 'organizations', 'rooms', 'pages', 'categories', 'areas', 'volunteer-offers'] as const;

/** Published entries per collection. */
export type Counts = Record<string, number>;

/** REBUILD_SHRINK_LIMIT when unset: a collection may lose up to half its entries between builds. */
export const DEFAULT_SHRINK_LIMIT = 0.5;

/** Published entries per collection, as the CMS reports them now (a failure throws). */
export async function collectionCounts(strapiUrl: string, token?: string): Promise<Counts> {
  const client = createStrapiClient({ baseUrl: strapiUrl, token });
  const counts: Counts = {};
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
export function shrinkProblems(previous: Counts | null, current: Counts, limit: number): string[] {
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

/**
 * The shrink limit from its setting (REBUILD_SHRINK_LIMIT, read by `npm run build` and `npm start`):
 * a fraction from 0 to 1, DEFAULT_SHRINK_LIMIT when unset or empty. Anything else throws, so that a
 * typo cannot switch the guard off.
 */
export function parseShrinkLimit(value: string | undefined, name = 'REBUILD_SHRINK_LIMIT'): number {
  if (value === undefined || value.trim() === '') return DEFAULT_SHRINK_LIMIT;
  const limit = Number(value);
  if (!Number.isFinite(limit) || limit < 0 || limit > 1) {
    throw new Error(`${name} must be a number between 0 and 1 (the fraction of a collection that may disappear between builds, e.g. 0.5), not "${value}".`);
  }
  return limit;
}

/** A build refused by the shrink guard; what it would have replaced is left as it was. */
export class ShrinkGuardError extends Error {
  constructor(
    /** One line per collection that shrank too much, as shrinkProblems words them. */
    readonly problems: string[],
    outDir: string,
  ) {
    super(
      `Content shrank too much since ${outDir} was built, so it was left as it was: ${problems.join('; ')}. ` +
        'If the CMS really holds this little now, build again with --force (npm run build -- --force) or REBUILD_FORCE=true.',
    );
    this.name = 'ShrinkGuardError';
  }
}

/**
 * Where the counts an output folder was built from are recorded: `<outDir>.counts.json`, next to
 * the folder and not in it, so it is never published.
 */
export function countsFile(outDir: string): string {
  return `${path.resolve(outDir)}.counts.json`;
}

/** The recorded counts, or null when there is no usable record (first build, older version). */
export function readCounts(file: string): Counts | null {
  if (!existsSync(file)) return null;
  try {
    const { counts } = JSON.parse(readFileSync(file, 'utf8')) as { counts?: unknown };
    if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) return null;
    const entries = Object.entries(counts);
    return entries.every(([, value]) => Number.isInteger(value) && (value as number) >= 0) ? (Object.fromEntries(entries) as Counts) : null;
  } catch {
    return null;
  }
}

export function writeCounts(file: string, counts: Counts): void {
  writeFileSync(file, `${JSON.stringify({ builtAt: new Date().toISOString(), counts }, null, 2)}\n`);
}
