import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { generateSecrets } from '../../scripts/lib/cms-env.ts';
import { compileCms, freePort, runCmsScript, startStrapi, stopProcess, waitForStrapi } from '../../scripts/lib/cms.ts';
import type { CmsContext } from './context.ts';

/** A throwaway database: a SQLite file in the temp folder, or a fresh PostgreSQL database. */
async function createDatabase(tempDir: string): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (process.env.DATABASE_CLIENT !== 'postgres') {
    return { env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(tempDir, 'test.db') }, drop: async () => {} };
  }
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_CLIENT=postgres needs TEST_DATABASE_ADMIN_URL (or DATABASE_URL) pointing at a server where the tests may create databases.');
  const name = `co_test_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Starts one real Strapi for the whole CMS suite: compiled from cms/, on a temp database and
 * upload folder, seeded with cms/seed, listening on a free port of 127.0.0.1. Everything is
 * removed afterwards, also when a test fails.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tempDir = mkdtempSync(path.join(tmpdir(), 'co-cms-test-'));
  const cleanups: (() => Promise<void>)[] = [async () => rmSync(tempDir, { recursive: true, force: true })];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step();
  };

  try {
    const database = await createDatabase(tempDir);
    cleanups.push(database.drop);
    const port = await freePort();
    // The rebuild service under test listens here; Strapi's managed webhook points at it.
    const rebuildPort = await freePort();
    const rebuildSecret = randomBytes(18).toString('hex');
    const env: Record<string, string> = {
      ...database.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_DIR: path.join(tempDir, 'public'),
      SERVE_ADMIN_PANEL: 'false',
      LOG_LEVEL: 'warn',
      SCHEDULED_PUBLISHING_CRON: '*/2 * * * * *',
      ...generateSecrets(),
      // After the generated secrets, which include a REBUILD_SECRET of their own.
      REBUILD_WEBHOOK_URL: `http://127.0.0.1:${rebuildPort}/webhook`,
      REBUILD_SECRET: rebuildSecret,
    };

    await compileCms();
    const firstSeed = await runCmsScript('seed', [], { env, capture: true });
    const token = async (name: string, type: string) =>
      (await runCmsScript('create-api-token', ['--name', name, '--type', type], { env, capture: true })).trim();
    const fullToken = await token('tests-full-access', 'full-access');
    const readToken = await token('tests-read-only', 'read-only');

    const strapi = startStrapi({ env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    strapi.stdout?.on('data', (chunk: Buffer) => (log = (log + chunk).slice(-20_000)));
    strapi.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk).slice(-20_000)));
    cleanups.push(() => stopProcess(strapi));
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForStrapi(url, strapi);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nStrapi output:\n${log}`);
    }

    const register = await fetch(`${url}/admin/register-admin`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ firstname: 'Redakcja', lastname: 'Testowa', email: 'redakcja@co.example.pl', password: 'Testowe-Haslo-123' }),
    });
    if (!register.ok) throw new Error(`Registering the test admin failed: ${register.status} ${await register.text()}`);
    const adminToken = ((await register.json()) as { data: { token: string } }).data.token;

    const context: CmsContext = { url, env, fullToken, readToken, adminToken, firstSeedOutput: firstSeed, rebuildPort, rebuildSecret };
    project.provide('cms', context);
    return cleanup;
  } catch (error) {
    await cleanup();
    throw error;
  }
}
