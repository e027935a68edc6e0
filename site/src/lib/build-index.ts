import { createHash } from 'node:crypto';

/**
 * What a build was made from, as the next fast build needs it (see incremental.ts). Plain data,
 * shared by the site and the build script.
 */
export interface BuildIndex {
  version: 1;
  /** A digest of each collection's content. */
  collections: Record<string, string>;
  /** Entry pages by page path. */
  entries: Record<string, EntryPage>;
}

export interface EntryPage {
  /** A digest of the entry the page is rendered from. */
  digest: string;
  /** The page's output files, relative to the site root. */
  files: string[];
}

export const digestOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

export function parseBuildIndex(text: string, source: string): BuildIndex {
  let parsed: Partial<BuildIndex>;
  try {
    parsed = JSON.parse(text) as Partial<BuildIndex>;
  } catch (error) {
    throw new Error(`${source} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (parsed.version !== 1 || typeof parsed.entries !== 'object' || parsed.entries === null || typeof parsed.collections !== 'object' || parsed.collections === null) {
    throw new Error(`${source} is not a build index of this site version.`);
  }
  return parsed as BuildIndex;
}

/** Files of entry pages the older build has and the newer one no longer makes (unpublished, deleted, moved). */
export function removedFiles(before: BuildIndex, now: BuildIndex): string[] {
  const kept = new Set(Object.values(now.entries).flatMap((page) => page.files));
  return Object.values(before.entries)
    .flatMap((page) => page.files)
    .filter((file) => !kept.has(file));
}
