import { readFileSync } from 'node:fs';
import type { CollectionEntry, CollectionKey } from 'astro:content';
import { digestOf, parseBuildIndex, type BuildIndex, type EntryPage } from './build-index';
import { collection, globalSettings } from './collections';
import { topicSlugOf } from './guides';
import { paths } from './urls';

/**
 * Fast rebuilds after a publish. Every build writes /build-index.json (the build script takes it
 * out of the site): a digest of each collection and of the content behind every entry page. A
 * build given the live site's index (SITE_REUSE_INDEX) renders only the entry pages whose content
 * is new or changed, plus every list, calendar and feed; the build script lays that over a copy of
 * the live site and deletes the pages of entries that are gone. Entry pages only show their own
 * entry in full, so copying an unchanged one is safe; what they show of other entries (a related
 * guide's title, an organizer's name) can lag until the full build that always follows.
 */

/** Collections whose entries have a page of their own that a fast build may copy instead of render. */
export const REUSABLE = ['events', 'guides', 'articles'] as const;
type Reusable = (typeof REUSABLE)[number];

/** Everything on every page (header, footer): a change here means rendering everything. */
const SITE_WIDE: readonly CollectionKey[] = ['global', 'pages'];
const ALL: readonly CollectionKey[] = ['global', 'pages', 'categories', 'areas', 'rooms', 'organizations', ...REUSABLE];

const file = (pagePath: string) => (pagePath.endsWith('/') ? `${pagePath}index.html` : pagePath).replace(/^\//, '');

/** The page path and output files of one entry's page(s). */
function entryPage(name: Reusable, entry: CollectionEntry<Reusable>): { path: string; files: string[] } {
  const data = entry.data;
  if (name === 'events') return { path: paths.event(data.slug), files: [file(paths.event(data.slug)), file(paths.eventIcs(data.slug))] };
  const pagePath = name === 'guides' ? paths.guide(topicSlugOf(data as CollectionEntry<'guides'>['data']), data.slug) : paths.article(data.slug);
  return { path: pagePath, files: [file(pagePath)] };
}

let current: Promise<BuildIndex> | undefined;

/** This build's index. */
export function buildIndex(): Promise<BuildIndex> {
  current ??= (async () => {
    const collections: Record<string, string> = { global: digestOf((await globalSettings())?.data ?? null) };
    for (const name of ALL) if (name !== 'global') collections[name] = digestOf((await collection(name)).map((entry) => entry.data));
    const entries: Record<string, EntryPage> = {};
    for (const name of REUSABLE) {
      for (const entry of await collection(name)) {
        const page = entryPage(name, entry);
        entries[page.path] = { digest: digestOf(entry.data), files: page.files };
      }
    }
    return { version: 1, collections, entries };
  })();
  return current;
}

let previous: BuildIndex | null | undefined;

/** The live site's index when this is a fast build (SITE_REUSE_INDEX), else null. */
function previousIndex(): BuildIndex | null {
  if (previous !== undefined) return previous;
  const location = process.env.SITE_REUSE_INDEX;
  if (!location) return (previous = null);
  let text: string;
  try {
    text = readFileSync(location, 'utf8');
  } catch (error) {
    throw new Error(`SITE_REUSE_INDEX: cannot read the previous build's index ${location}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = parseBuildIndex(text, `SITE_REUSE_INDEX (${location})`);
  return (previous = parsed);
}

/** True in a fast build whose site-wide content is as it was: only then may a page be copied. */
async function reusing(): Promise<BuildIndex | null> {
  const before = previousIndex();
  if (!before) return null;
  const now = await buildIndex();
  return SITE_WIDE.every((name) => before.collections[name] === now.collections[name]) ? before : null;
}

/** The entries of a collection whose page this build must render: all of them, except in a fast build. */
export async function entriesToRender<C extends Reusable>(name: C): Promise<readonly CollectionEntry<C>[]> {
  const entries = await collection(name);
  const before = await reusing();
  if (!before) return entries;
  const now = await buildIndex();
  return entries.filter((entry) => {
    const { path } = entryPage(name, entry);
    return before.entries[path]?.digest !== now.entries[path]!.digest;
  });
}

/**
 * True when a fast build may keep a route's pages from the live site: nothing it is made from
 * changed. `dependsOn` lists every collection the route's pages read.
 */
export async function unchangedSinceLive(dependsOn: readonly CollectionKey[]): Promise<boolean> {
  const before = await reusing();
  if (!before) return false;
  const now = await buildIndex();
  return dependsOn.every((name) => before.collections[name] === now.collections[name]);
}
