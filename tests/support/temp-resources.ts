import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A temp folder and everything a global setup starts for it (databases, servers), undone in
 * reverse order by cleanup(), which the setup returns and also calls itself when it fails.
 */
export function tempResources(prefix: string): { dir: string; add: (undo: () => Promise<unknown>) => void; cleanup: () => Promise<void> } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const undos: (() => Promise<unknown>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  return {
    dir,
    add: (undo) => undos.push(undo),
    cleanup: async () => {
      for (const undo of undos.reverse()) await undo();
    },
  };
}
