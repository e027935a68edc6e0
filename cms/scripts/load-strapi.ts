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
    await app.destroy();
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
