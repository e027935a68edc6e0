import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { compareDigests, filesUnder, sha256File, sqliteDigests, type TableDigest } from './backup.ts';
import { runCmsScript } from './cms.ts';
import { files as fileWords, rows as rowWords, tables as tableWords } from './log.ts';

/**
 * Moves a SQLite CMS into an empty PostgreSQL database: every table the CMS has — content, media
 * records, admin users, API tokens, sign-ups and everything else the project added — and the
 * uploaded files. Strapi's own export/import (and transfer) leave admin users and API tokens out,
 * so rows are copied table by table instead, into the schema Strapi itself creates on PostgreSQL
 * (its column types differ per engine), and then compared value by value with the source.
 */

export interface MoveSource {
  /** The live SQLite file: a consistent snapshot is copied, the CMS may keep running meanwhile. */
  filename: string;
  uploadsDir: string;
}

export interface MoveTarget {
  url: string;
  schema: string;
  uploadsDir: string;
}

export interface MoveOptions {
  source: MoveSource;
  target: MoveTarget;
  /** Drop whatever tables the target schema already has (a previous, interrupted move). */
  force?: boolean;
  /** The environment Strapi loads with to create the schema (secrets; the database is set here). */
  env?: Record<string, string | undefined>;
  progress?: (line: string) => void;
}

export interface MoveResult {
  tables: number;
  rows: number;
  files: number;
  /** Tables Strapi keeps about its own schema on each engine: made on PostgreSQL, not copied. */
  ownTables: string[];
  /** Tables the live SQLite file changed in while the move ran: their new rows are not in PostgreSQL. */
  changedSince: string[];
}

/**
 * Strapi's records of the schema it built and the migrations it ran. PostgreSQL gets its own
 * while Strapi creates the schema there (its schema hash differs per engine); the migrations ran
 * on the source already, and its rows arrive migrated.
 */
const ENGINE_TABLES = new Set(['strapi_database_schema', 'strapi_migrations', 'strapi_migrations_internal']);
/**
 * Leases of work in progress (scheduled publishing, the forms' timed work): a running CMS rewrites
 * them on every tick, and they mean nothing once it stops — copied, but no sign of lost data.
 */
export const LEASE_TABLES = new Set(['job_locks']);
/** Tables only a CMS on PostgreSQL has: the rate limits' counts (made at the first form after the move). */
const POSTGRES_ONLY = new Set(['co_rate_limits']);

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface Column {
  name: string;
  /** PostgreSQL's udt_name: bool, timestamp, jsonb, int4, varchar, … */
  type: string;
}

type SqliteValue = string | number | bigint | null | Uint8Array;

/** A SQLite value as PostgreSQL's column takes it; throws with the place when it cannot. */
export function toPostgres(value: SqliteValue, type: string, where: string): unknown {
  if (value === null) return null;
  switch (type) {
    case 'bool':
      if (value === 1 || value === 0 || value === 1n || value === 0n) return Number(value) === 1;
      if (value === 'true' || value === 'false') return value === 'true';
      throw new Error(`${where}: "${String(value)}" nie jest wartością logiczną`);
    case 'timestamp':
    case 'timestamptz': {
      // Strapi stores datetimes in SQLite as milliseconds; a text one is what SQL's CURRENT_TIMESTAMP wrote (UTC).
      const date = typeof value === 'number' || typeof value === 'bigint' || /^\d+$/.test(String(value)) ? new Date(Number(value)) : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(String(value)) ? String(value) : `${String(value).replace(' ', 'T')}Z`);
      if (Number.isNaN(date.getTime())) throw new Error(`${where}: "${String(value)}" nie jest datą i godziną`);
      return date;
    }
    case 'json':
    case 'jsonb':
      try {
        JSON.parse(String(value));
      } catch {
        throw new Error(`${where}: "${String(value).slice(0, 60)}" nie jest poprawnym JSON-em`);
      }
      return String(value);
    case 'bytea':
      return value instanceof Uint8Array ? Buffer.from(value) : Buffer.from(String(value));
    default:
      return typeof value === 'bigint' ? value.toString() : value instanceof Uint8Array ? Buffer.from(value).toString() : value;
  }
}

/** Serialises JSON with its keys sorted: jsonb reorders keys and drops spaces, the meaning stays. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  return JSON.stringify(value);
}

/**
 * One value as both engines should agree on it, by the PostgreSQL column's type: a datetime as
 * its instant, JSON by meaning, a time with milliseconds, numbers as numbers.
 */
export function canonical(value: unknown, type: string): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'bool':
      return typeof value === 'boolean' ? value : Number(value) === 1 || value === 'true';
    case 'timestamp':
    case 'timestamptz':
      return value instanceof Date ? value.getTime() : (toPostgres(value as SqliteValue, type, 'porównanie') as Date).getTime();
    case 'json':
    case 'jsonb':
      return canonicalJson(typeof value === 'string' ? JSON.parse(value) : value);
    case 'time': {
      const [hms, fraction = ''] = String(value).split('.');
      return `${hms}.${fraction.padEnd(3, '0').slice(0, 3)}`;
    }
    case 'date':
      return String(value).slice(0, 10);
    case 'int2':
    case 'int4':
    case 'int8':
    case 'float4':
    case 'float8':
    case 'numeric':
      return Number(value);
    case 'bytea':
      return Buffer.from(value as Uint8Array).toString('base64');
    default:
      return String(value);
  }
}

/** Rows and a hash of their canonical values per table: equal on both engines when the data is. */
function canonicalDigest(rows: Record<string, unknown>[], columns: Column[]): TableDigest {
  const sorted = [...columns].sort((a, b) => a.name.localeCompare(b.name));
  const lines = rows.map((row) => JSON.stringify(sorted.map((column) => canonical(row[column.name], column.type)))).sort();
  return { rows: lines.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

async function connect(url: string): Promise<pg.Client> {
  // Dates and times as text (as Strapi reads them); timestamps as Date in this process's zone —
  // the same way Strapi's pg driver writes and reads them, so what is copied reads back the same.
  const client = new pg.Client({
    connectionString: url,
    types: {
      getTypeParser: ((oid: number, format?: string) => (oid === 1082 || oid === 1083 ? (text: string) => text : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser,
    },
  });
  await client.connect();
  return client;
}

async function postgresColumns(client: pg.Client, schema: string): Promise<Map<string, Column[]>> {
  const { rows } = await client.query<{ table_name: string; column_name: string; udt_name: string }>(
    `SELECT c.table_name, c.column_name, c.udt_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = $1 ORDER BY c.table_name, c.ordinal_position`,
    [schema],
  );
  const tables = new Map<string, Column[]>();
  for (const row of rows) {
    const list = tables.get(row.table_name) ?? [];
    list.push({ name: row.column_name, type: row.udt_name });
    tables.set(row.table_name, list);
  }
  return tables;
}

function sqliteTables(db: DatabaseSync): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  for (const name of names) tables.set(name, (db.prepare(`PRAGMA table_info(${quote(name)})`).all() as { name: string }[]).map((c) => c.name));
  return tables;
}

/** Every table's canonical digest on both sides, by PostgreSQL's column types. */
async function compareEngines(db: DatabaseSync, client: pg.Client, schema: string, layout: Map<string, Column[]>): Promise<{ problems: string[]; digests: Record<string, TableDigest> }> {
  const expected: Record<string, TableDigest> = {};
  const actual: Record<string, TableDigest> = {};
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    for (const [table, columns] of layout) {
      expected[table] = canonicalDigest(db.prepare(`SELECT * FROM ${quote(table)}`).all() as Record<string, unknown>[], columns);
      actual[table] = canonicalDigest((await client.query(`SELECT * FROM ${quote(schema)}.${quote(table)}`)).rows as Record<string, unknown>[], columns);
    }
  } finally {
    await client.query('ROLLBACK');
  }
  return { problems: compareDigests(expected, actual), digests: actual };
}

/** The tables both engines must hold alike (Strapi's own records aside), with PostgreSQL's column types; or what differs. */
function sharedLayout(sqliteLayout: Map<string, string[]>, postgresLayout: Map<string, Column[]>): { layout: Map<string, Column[]>; mismatches: string[] } {
  const mismatches: string[] = [];
  const layout = new Map<string, Column[]>();
  for (const [table, columns] of sqliteLayout) {
    if (ENGINE_TABLES.has(table)) continue;
    const pgColumns = postgresLayout.get(table);
    if (!pgColumns) {
      mismatches.push(`tabela ${table} jest tylko w SQLite`);
      continue;
    }
    const missing = columns.filter((name) => !pgColumns.some((c) => c.name === name));
    const extra = pgColumns.filter((c) => !columns.includes(c.name)).map((c) => c.name);
    if (missing.length > 0) mismatches.push(`${table}: kolumny tylko w SQLite: ${missing.join(', ')}`);
    if (extra.length > 0) mismatches.push(`${table}: kolumny tylko w PostgreSQL: ${extra.join(', ')}`);
    layout.set(table, pgColumns);
  }
  for (const table of postgresLayout.keys()) if (!ENGINE_TABLES.has(table) && !POSTGRES_ONLY.has(table) && !sqliteLayout.has(table)) mismatches.push(`tabela ${table} jest tylko w PostgreSQL`);
  return { layout, mismatches };
}

const listed = (problems: string[]) => `${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` i ${problems.length - 5} więcej` : ''}`;

/**
 * Compares a SQLite file with a PostgreSQL database value by value, every table but Strapi's own
 * records of its schema: what the move proves, and what anyone may check again later.
 */
export async function compareSqliteWithPostgres(filename: string, url: string, schema = 'public', except: ReadonlySet<string> = new Set()): Promise<{ problems: string[]; tables: number; rows: number }> {
  const db = new DatabaseSync(filename, { readOnly: true });
  const client = await connect(url);
  try {
    const { layout, mismatches } = sharedLayout(sqliteTables(db), await postgresColumns(client, schema));
    for (const table of except) layout.delete(table);
    if (mismatches.length > 0) return { problems: mismatches, tables: layout.size, rows: 0 };
    const { problems, digests } = await compareEngines(db, client, schema, layout);
    return { problems, tables: layout.size, rows: Object.values(digests).reduce((sum, t) => sum + t.rows, 0) };
  } finally {
    db.close();
    await client.end();
  }
}

/** How many values one INSERT may carry (PostgreSQL allows 65,535 parameters). */
const PARAMETERS_PER_INSERT = 30_000;

export async function moveToPostgres(options: MoveOptions): Promise<MoveResult> {
  const { source, target } = options;
  const progress = options.progress ?? (() => {});
  if (!existsSync(source.filename)) throw new Error(`Nie ma bazy SQLite ${source.filename}: podaj plik, którego używa CMS (DATABASE_FILENAME).`);
  const stage = mkdtempSync(path.join(tmpdir(), 'co-move-'));
  const client = await connect(target.url);
  try {
    // 1. The target must be empty; --force clears what an interrupted move left.
    const existing = (await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'", [target.schema])).rows.map((r) => r.table_name);
    if (existing.length > 0 && !options.force) {
      throw new Error(`Baza PostgreSQL (schemat ${target.schema}) nie jest pusta: ${tableWords(existing.length)}. Przenoszenie wymaga pustej bazy; --force usunie te tabele.`);
    }
    if (existing.length > 0) {
      await client.query(`DROP TABLE IF EXISTS ${existing.map((t) => `${quote(target.schema)}.${quote(t)}`).join(', ')} CASCADE`);
      progress(`usunięto ${tableWords(existing.length)} z bazy docelowej (--force)`);
    }

    // 2. A consistent snapshot of the live file (one read transaction, while the CMS may write).
    const snapshotFile = path.join(stage, 'snapshot.db');
    const live = new DatabaseSync(source.filename, { timeout: 10_000 });
    try {
      live.prepare('VACUUM INTO ?').run(snapshotFile);
    } finally {
      live.close();
    }
    const snapshotDigests = sqliteDigests(snapshotFile);
    progress(`kopia SQLite: ${tableWords(Object.keys(snapshotDigests).length)}, ${rowWords(Object.values(snapshotDigests).reduce((sum, t) => sum + t.rows, 0))}`);

    // 3. Strapi creates its schema on PostgreSQL, with that engine's column types.
    await runCmsScript('create-schema', [], {
      env: { ...options.env, DATABASE_CLIENT: 'postgres', DATABASE_URL: target.url, DATABASE_SCHEMA: target.schema, PUBLIC_DIR: path.join(stage, 'public') },
      capture: true,
    }).catch((error: Error) => {
      throw new Error(`Strapi nie utworzył tabel w PostgreSQL: ${error.message}`, { cause: error });
    });
    const postgresLayout = await postgresColumns(client, target.schema);
    progress(`Strapi utworzył w PostgreSQL ${tableWords(postgresLayout.size)}`);

    const db = new DatabaseSync(snapshotFile, { readOnly: true });
    try {
      // Both sides must have the same tables and columns: the same code made them.
      const { layout, mismatches } = sharedLayout(sqliteTables(db), postgresLayout);
      if (mismatches.length > 0) {
        throw new Error(`Schematy baz się różnią (${listed(mismatches)}). Uruchom raz CMS na SQLite w tej wersji kodu, aby dopasował bazę, i spróbuj ponownie.`);
      }

      // 4. One transaction: foreign keys off by dropping them, Strapi's start-up rows out, every
      //    row in, keys back on (which checks every reference), sequences past the highest id.
      await client.query('BEGIN');
      try {
        const { rows: keys } = await client.query<{ table_name: string; name: string; definition: string }>(
          `SELECT conrelid::regclass::text AS table_name, conname AS name, pg_get_constraintdef(oid) AS definition
             FROM pg_constraint WHERE contype = 'f' AND connamespace = $1::regnamespace`,
          [target.schema],
        );
        for (const key of keys) await client.query(`ALTER TABLE ${key.table_name} DROP CONSTRAINT ${quote(key.name)}`);
        await client.query(`TRUNCATE ${[...layout.keys()].map((t) => `${quote(target.schema)}.${quote(t)}`).join(', ')}`);
        let done = 0;
        for (const [table, columns] of layout) {
          const rows = db.prepare(`SELECT * FROM ${quote(table)}`).all() as Record<string, SqliteValue>[];
          const perInsert = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / columns.length));
          for (let start = 0; start < rows.length; start += perInsert) {
            const batch = rows.slice(start, start + perInsert);
            const values: unknown[] = [];
            const tuples = batch.map((row) => {
              const placeholders = columns.map((column) => {
                values.push(toPostgres(row[column.name] ?? null, column.type, `${table}.${column.name} (id ${String(row.id ?? '?')})`));
                return `$${values.length}`;
              });
              return `(${placeholders.join(', ')})`;
            });
            await client.query(`INSERT INTO ${quote(target.schema)}.${quote(table)} (${columns.map((c) => quote(c.name)).join(', ')}) VALUES ${tuples.join(', ')}`, values).catch((error: Error) => {
              throw new Error(`Nie udało się skopiować tabeli ${table}: ${error.message}`, { cause: error });
            });
          }
          done += 1;
          if (done % 20 === 0) progress(`skopiowano ${done}/${tableWords(layout.size)}`);
        }
        for (const key of keys) {
          await client.query(`ALTER TABLE ${key.table_name} ADD CONSTRAINT ${quote(key.name)} ${key.definition}`).catch((error: Error) => {
            throw new Error(`Dane z SQLite łamią powiązanie ${key.name} tabeli ${key.table_name}: ${error.message}`, { cause: error });
          });
        }
        const { rows: sequences } = await client.query<{ table_name: string; column_name: string }>(
          "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1 AND column_default LIKE 'nextval(%'",
          [target.schema],
        );
        for (const { table_name: table, column_name: column } of sequences) {
          if (!layout.has(table)) continue;
          const name = `${quote(target.schema)}.${quote(table)}`;
          await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quote(column)}) FROM ${name}), 0) + 1, false)`, [name, column]);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      progress(`skopiowano ${tableWords(layout.size)}`);

      // 5. Proof: every table, value by value, against the snapshot.
      const { problems, digests } = await compareEngines(db, client, target.schema, layout);
      if (problems.length > 0) throw new Error(`Dane w PostgreSQL różnią się od SQLite: ${listed(problems)}.`);
      const rowCount = Object.values(digests).reduce((sum, t) => sum + t.rows, 0);
      progress(`porównano ${tableWords(layout.size)} (${rowWords(rowCount)}): zgodne`);

      // 6. The uploaded files: copied when PostgreSQL's CMS keeps them elsewhere, then compared.
      const uploads = filesUnder(source.uploadsDir);
      const sameFolder = path.resolve(source.uploadsDir) === path.resolve(target.uploadsDir);
      const differing: string[] = [];
      for (const file of uploads) {
        const from = path.join(source.uploadsDir, file);
        const to = path.join(target.uploadsDir, file);
        if (!sameFolder) {
          mkdirSync(path.dirname(to), { recursive: true });
          copyFileSync(from, to);
        }
        if (!existsSync(to) || (await sha256File(from)) !== (await sha256File(to))) differing.push(file);
      }
      if (differing.length > 0) throw new Error(`Pliki różnią się po skopiowaniu: ${differing.slice(0, 5).join(', ')}.`);
      progress(sameFolder ? `przesłane pliki zostają w ${target.uploadsDir}: ${fileWords(uploads.length)}` : `skopiowano i porównano ${fileWords(uploads.length)} do ${target.uploadsDir}`);

      // 7. Whatever the running CMS wrote after the snapshot is not in PostgreSQL: say where.
      const changedSince = compareDigests(snapshotDigests, sqliteDigests(source.filename))
        .map((problem) => problem.replace(/^brak tabeli /, '').replace(/^tabela spoza kopii: /, '').split(':')[0]!)
        .filter((table) => !LEASE_TABLES.has(table));
      return { tables: layout.size, rows: rowCount, files: uploads.length, ownTables: [...ENGINE_TABLES].filter((t) => postgresLayout.has(t)), changedSince };
    } finally {
      db.close();
    }
  } finally {
    await client.end();
    rmSync(stage, { recursive: true, force: true });
  }
}
