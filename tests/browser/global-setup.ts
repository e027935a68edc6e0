import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../scripts/build-site.ts';
import { startSeededCms } from '../../scripts/lib/seeded-cms.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { createDatabase } from '../support/database.ts';
import { tempResources } from '../support/temp-resources.ts';
import type { SiteContext } from './context.ts';

/**
 * The site the browser suite looks at: a real Strapi with the seed content on a temp database,
 * one real `astro build` from it, then the CMS is stopped (the built site must not need it) and
 * the output is served by the same static server `npm start` uses.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { dir: tempDir, add, cleanup } = tempResources('co-browser-test-');
  try {
    const database = await createDatabase(tempDir);
    add(database.drop);
    const cms = await startSeededCms({ tempDir, database: database.env, env: { SCHEDULED_PUBLISHING: 'false' } });
    add(cms.stop);
    const dir = path.join(tempDir, 'dist');
    await buildSite(dir, { STRAPI_URL: cms.url, STRAPI_TOKEN: cms.readToken, SITE_URL: 'https://co.krakow.pl', SITE_CACHE_DIR: path.join(tempDir, 'cache') }, { capture: true });
    await cms.stop();
    const server = await startStaticServer({ port: 0, root: () => dir });
    add(server.close);
    const context: SiteContext = { url: server.url, dir };
    project.provide('site', context);
    return cleanup;
  } catch (error) {
    await cleanup();
    throw error;
  }
}
