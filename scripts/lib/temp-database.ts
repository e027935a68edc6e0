/**
 * Throwaway databases for the tests and the benchmarks: a SQLite file, or a PostgreSQL database created
 * on a server where they may (TEST_DATABASE_ADMIN_URL) and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';

/** A SQLite file in `tempDir`, or a fresh PostgreSQL database; `drop` removes the latter. */
export async function createDatabase(tempDir: string, client = process.env.DATABASE_CLIENT): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (client !== 'postgres') {
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
