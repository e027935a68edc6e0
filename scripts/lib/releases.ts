import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Built sites as numbered releases next to a `live` symlink that points at the one being served.
 * A release is written completely before the link is switched, and the switch is one rename,
 * so a reader (our server, nginx) sees either the old site or the new one, never half of each.
 *
 *   <dir>/releases/<id>/        a built site
 *   <dir>/releases/<id>.json    what it was built from (counts, trigger, time)
 *   <dir>/live -> releases/<id>
 */

export interface ReleaseManifest {
  id: string;
  builtAt: string;
  trigger: string[];
  /** Published entries per collection when the release was built, for the shrink guard. */
  counts: Record<string, number>;
  pages: number;
}

export interface ReleaseStore {
  dir: string;
  liveLink: string;
  /** A fresh, not yet existing folder for the next build. */
  next(): { id: string; dir: string };
  /** Points `live` at the release, atomically, and keeps the newest few. */
  activate(manifest: ReleaseManifest): void;
  /** The folder being served, or null before the first good build. */
  liveDir(): string | null;
  liveManifest(): ReleaseManifest | null;
}

export function createReleaseStore(dir: string, keep = 3): ReleaseStore {
  const releasesDir = path.join(dir, 'releases');
  const liveLink = path.join(dir, 'live');
  mkdirSync(releasesDir, { recursive: true });

  const liveId = (): string | null => {
    try {
      return path.basename(readlinkSync(liveLink));
    } catch {
      return null;
    }
  };

  return {
    dir,
    liveLink,
    next() {
      // Sortable and unique even for two builds in the same millisecond.
      const id = `${new Date().toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 18)}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
      return { id, dir: path.join(releasesDir, id) };
    },
    activate(manifest) {
      const target = path.join(releasesDir, manifest.id);
      if (!existsSync(path.join(target, 'index.html'))) throw new Error(`Release ${manifest.id} has no index.html; refusing to serve it.`);
      writeFileSync(path.join(releasesDir, `${manifest.id}.json`), `${JSON.stringify(manifest, null, 2)}\n`);
      const temporary = `${liveLink}.${process.pid}.tmp`;
      rmSync(temporary, { force: true });
      symlinkSync(path.relative(dir, target), temporary);
      renameSync(temporary, liveLink);
      prune(releasesDir, manifest.id, keep);
    },
    liveDir() {
      try {
        return liveId() ? realpathSync(liveLink) : null;
      } catch {
        return null;
      }
    },
    liveManifest() {
      const id = liveId();
      if (!id) return null;
      try {
        return JSON.parse(readFileSync(path.join(releasesDir, `${id}.json`), 'utf8')) as ReleaseManifest;
      } catch {
        return null;
      }
    },
  };
}

/** Keeps the live release and the newest others up to `keep` in all; removes failed leftovers. */
function prune(releasesDir: string, liveId: string, keep: number): void {
  const ids = readdirSync(releasesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .reverse();
  const kept = new Set([liveId, ...ids.filter((id) => id !== liveId).slice(0, keep - 1)]);
  for (const id of ids) {
    if (kept.has(id)) continue;
    rmSync(path.join(releasesDir, id), { recursive: true, force: true });
    rmSync(path.join(releasesDir, `${id}.json`), { force: true });
  }
}
