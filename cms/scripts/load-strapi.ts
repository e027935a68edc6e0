import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';

const CMS_DIR = path.resolve(__dirname, '..', '..');

/**
 * Boots Strapi without an HTTP server for one-off scripts (seed, tokens), runs `work`, and
 * always shuts Strapi down. Strapi reads cms/.env from the working directory, hence the chdir.
 */
export async function withStrapi<T>(work: (strapi: Core.Strapi) => Promise<T>): Promise<T> {
  process.chdir(CMS_DIR);
  // The local upload provider refuses to load when its folder is missing (fresh clone, temp dirs).
  mkdirSync(path.resolve(CMS_DIR, process.env.PUBLIC_DIR ?? './public', 'uploads'), { recursive: true });
  const instance = createStrapi({ appDir: CMS_DIR, distDir: path.join(CMS_DIR, 'dist'), autoReload: false, serveAdminPanel: false });
  // Scheduled publishing belongs to the running CMS alone: a script started beside it (seed, token)
  // would otherwise publish the same due drafts at the same moment from a second process.
  instance.config.set('server.cron.enabled', false);
  const app = await instance.load();
  try {
    return await work(app);
  } finally {
    await settle(app);
    await app.destroy();
  }
}

interface PoolState {
  numUsed(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

/**
 * Waits (up to 5 s) until no database query is running or waiting. Strapi sends a publication's
 * events after the commit without awaiting them, and their listeners read the entry; destroying
 * the pool under them fails the script on PostgreSQL ("aborted") when its last write was a publish.
 */
async function settle(app: Core.Strapi): Promise<void> {
  const pool = (app.db.connection as unknown as { client?: { pool?: PoolState } }).client?.pool;
  if (!pool) return;
  const busy = () => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
  const deadline = Date.now() + 5000;
  let quiet = 0;
  while (Date.now() < deadline && quiet < 3) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    quiet = busy() ? 0 : quiet + 1;
  }
}

/** Runs a script's main function and turns a failure into a readable message and exit code 1. */
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
