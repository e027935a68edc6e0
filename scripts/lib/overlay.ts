import { copyFileSync, cpSync, linkSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * How a fast build becomes a whole site: a copy of the live site (hard links: no file is copied,
 * and no file of the live site is ever written to, only replaced in the copy), the freshly
 * rendered pages laid over it, and the pages of removed entries deleted.
 */
export interface OverlayOptions {
  /** The live site. Left untouched. */
  base: string;
  /** A fast build's output. Its files are moved into `target`. */
  partial: string;
  /** Must not exist yet. */
  target: string;
  /** Files (relative to the site root) to delete from the copy. */
  remove: readonly string[];
  /** Files of `partial` (relative) to leave out: what a partial build cannot write whole, e.g. the sitemap. */
  keepFromBase?: (relative: string) => boolean;
}

export function overlaySite({ base, partial, target, remove, keepFromBase = () => false }: OverlayOptions): { replaced: number; removed: number } {
  linkTree(base, target);
  let replaced = 0;
  for (const relative of filesUnder(partial)) {
    if (keepFromBase(relative)) continue;
    const destination = path.join(target, relative);
    mkdirSync(path.dirname(destination), { recursive: true });
    // Replacing the directory entry, never writing into the linked file, which is the live one.
    rmSync(destination, { force: true });
    move(path.join(partial, relative), destination);
    replaced += 1;
  }
  let removed = 0;
  for (const relative of remove) {
    const file = path.join(target, relative);
    if (!file.startsWith(target + path.sep)) throw new Error(`Refusing to delete ${relative}: outside the site.`);
    rmSync(file, { force: true });
    removed += 1;
    pruneEmptyDirs(path.dirname(file), target);
  }
  return { replaced, removed };
}

/** Every file under `dir`, relative to it, with / separators. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

function linkTree(from: string, to: string): void {
  mkdirSync(to);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const destination = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, destination);
    else if (entry.isFile()) {
      try {
        linkSync(source, destination);
      } catch (error) {
        // A file system without hard links (or another device): a copy is slower but the same.
        if (!['EXDEV', 'EPERM', 'ENOTSUP'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
        copyFileSync(source, destination);
      }
    }
  }
}

/** rename, or copy and delete when the target is on another file system (e.g. a tmpfs /tmp); files and folders. */
export function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** Removes `dir` and its parents while they are empty, stopping at `root`. */
function pruneEmptyDirs(dir: string, root: string): void {
  for (let current = dir; current.startsWith(root + path.sep); current = path.dirname(current)) {
    try {
      rmdirSync(current);
    } catch (error) {
      // Not empty (or already gone): then its parents are not empty either.
      if (['ENOTEMPTY', 'EEXIST', 'ENOENT'].includes((error as NodeJS.ErrnoException).code ?? '')) return;
      throw error;
    }
  }
}
