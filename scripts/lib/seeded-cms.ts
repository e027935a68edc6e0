import path from 'node:path';
import { generateSecrets } from './cms-env.ts';
import { compileCms, freePort, runCmsScript, startStrapi, stopProcess, waitForStrapi } from './cms.ts';

/** A throwaway Strapi with the seed content, for tests, the benchmark and the audit. */
export interface SeededCms {
  url: string;
  /** The environment Strapi and its scripts run with. */
  env: Record<string, string>;
  /** Read-only API token: what site builds use. */
  readToken: string;
  /** Full-access API token: stands in for an editor writing through the API. */
  fullToken: string;
  /** What the seed script printed. */
  seedOutput: string;
  /** The last part of Strapi's own output, for error messages. */
  log: () => string;
  stop: () => Promise<void>;
}

export interface SeededCmsOptions {
  /** Holds the SQLite file (unless `database` says otherwise) and the upload folder. */
  tempDir: string;
  /** Database settings; a SQLite file in tempDir by default. */
  database?: Record<string, string>;
  /** Applied last, over the generated secrets (so a REBUILD_SECRET given here wins). */
  env?: Record<string, string>;
  /** Called before each long step, for progress output. */
  onStep?: (label: string) => void;
}

/**
 * Compiles cms/, seeds a fresh database, creates a read-only and a full-access token and starts
 * Strapi on a free port of 127.0.0.1. The caller must call stop() (also when it fails later).
 */
export async function startSeededCms(options: SeededCmsOptions): Promise<SeededCms> {
  const { tempDir, onStep = () => {} } = options;
  const port = await freePort();
  const env: Record<string, string> = {
    ...(options.database ?? { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(tempDir, 'cms.db') }),
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_DIR: path.join(tempDir, 'public'),
    SERVE_ADMIN_PANEL: 'false',
    LOG_LEVEL: 'warn',
    ...generateSecrets(),
    ...options.env,
  };
  onStep('compiling the CMS');
  await compileCms();
  onStep('seeding a fresh database');
  const seedOutput = await runCmsScript('seed', [], { env, capture: true });
  const token = async (name: string, type: string) => (await runCmsScript('create-api-token', ['--name', name, '--type', type], { env, capture: true })).trim();
  const readToken = await token('seeded-read-only', 'read-only');
  const fullToken = await token('seeded-full-access', 'full-access');

  onStep('starting Strapi');
  const strapi = startStrapi({ env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk).slice(-20_000));
  strapi.stdout?.on('data', keep);
  strapi.stderr?.on('data', keep);
  const stop = () => stopProcess(strapi);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForStrapi(url, strapi);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\nStrapi output:\n${output}`, { cause: error });
  }
  return { url, env, readToken, fullToken, seedOutput, log: () => output, stop };
}
