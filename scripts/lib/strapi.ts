import { createRequire } from 'node:module';
import type { Core } from '@strapi/strapi';
import { CMS_DIR } from './paths.ts';
import { ensureCmsEnv } from './cms-env.ts';

type StrapiModule = typeof import('@strapi/strapi');

// Strapi's ESM build does not resolve under Node's ESM loader; its CommonJS build (used by the CLI) does.
const require = createRequire(import.meta.url);
const loadStrapiModule = (): StrapiModule => require('@strapi/strapi') as StrapiModule;

/** Compiles cms/ TypeScript into cms/dist (incremental, no admin UI). */
export async function compileCms(): Promise<{ appDir: string; distDir: string }> {
  ensureCmsEnv();
  return loadStrapiModule().compileStrapi({ appDir: CMS_DIR });
}

/**
 * Boots Strapi in this process without an HTTP server, for scripts (seed, tokens). Strapi reads
 * cms/.env from the working directory, hence the chdir.
 */
export async function withStrapi<T>(work: (strapi: Core.Strapi) => Promise<T>): Promise<T> {
  const context = await compileCms();
  process.chdir(CMS_DIR);
  const app = await loadStrapiModule().createStrapi({ ...context, autoReload: false, serveAdminPanel: false }).load();
  app.log.level = process.env.STRAPI_LOG_LEVEL ?? 'warn';
  try {
    return await work(app);
  } finally {
    await app.destroy();
  }
}
