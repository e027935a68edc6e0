import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';

// Plain SQL on a test's database, for what no API reaches: a database from an older release, a
// mailed link's expiry moved into the past.

export type Row = Record<string, unknown>;

/** Plain SQL on the throwaway database, whichever it is: `?` placeholders, rows back. */
export async function sql(env: Record<string, string>, statement: string, values: unknown[] = []): Promise<Row[]> {
  if (env.DATABASE_CLIENT !== 'postgres') {
    const db = new DatabaseSync(env.DATABASE_FILENAME!);
    try {
      const prepared = db.prepare(statement);
      const params = values as (string | number | null)[];
      if (/^\s*select/i.test(statement)) return prepared.all(...params).map((row) => ({ ...row }));
      prepared.run(...params);
      return [];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    let n = 0;
    return (await client.query(statement.replace(/\?/g, () => `$${(n += 1)}`), values)).rows as Row[];
  } finally {
    await client.end();
  }
}
