import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { filesUnder as allFilesUnder } from './files.ts';
import { files as fileCount, rows as rowCount, tables as tableWords } from './log.ts';
import { CMS_DIR, ROOT_DIR } from './paths.ts';

/**
 * Backups of the CMS's data — the database, the uploaded files, a manifest — and their restore.
 * Strapi's own export loses admin users and API tokens and deletes everything on import, so the
 * database is copied with its engine's own tools: SQLite's VACUUM INTO (a consistent snapshot
 * while the CMS keeps writing) and pg_dump/pg_restore (custom format, one snapshot shared with the
 * row counts). A backup counts only once it restores: restore() checks every checksum before it
 * changes anything, and every table's rows and content hash after.
 */

export const BACKUP_FORMAT = 'centrum-backup/1';
const ARCHIVE_PATTERN = /^centrum-(\d{8}-\d{6})(?:-(\d+))?\.tar\.gz$/;
/** Oldest first: by the time in the name, then by the number of a second backup in the same second. */
const archiveOrder = (name: string): string => {
  const match = ARCHIVE_PATTERN.exec(name)!;
  return `${match[1]}-${(match[2] ?? '1').padStart(6, '0')}`;
};

export type DatabaseTarget = { client: 'sqlite'; filename: string } | { client: 'postgres'; url: string; schema: string };

export interface CmsStorage {
  database: DatabaseTarget;
  uploadsDir: string;
}

/** A table as the manifest records it: its rows, and a hash of their content (the same engine compares equal). */
export interface TableDigest {
  rows: number;
  sha256: string;
}

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  strapi: string;
  /** A hash of every content-type and component schema of cms/src: the data's shape. */
  schema: string;
  database: { client: DatabaseTarget['client']; file: string };
  tables: Record<string, TableDigest>;
  /** Every file of the archive but the manifest, by its path inside the archive. */
  files: Record<string, { bytes: number; sha256: string }>;
  secrets: boolean;
}

/** Where the CMS keeps its data, read from the same settings as cms/config/database.ts and server.ts. */
export function storageFromEnv(env: Record<string, string | undefined>): CmsStorage {
  const client = env.DATABASE_CLIENT ?? 'sqlite';
  const uploadsDir = path.resolve(CMS_DIR, env.PUBLIC_DIR ?? './public', 'uploads');
  if (client === 'sqlite') return { database: { client, filename: path.resolve(CMS_DIR, env.DATABASE_FILENAME ?? 'data/centrum.db') }, uploadsDir };
  if (client !== 'postgres') throw new Error(`DATABASE_CLIENT="${client}" is not supported: use "sqlite" or "postgres".`);
  let url = env.DATABASE_URL;
  if (!url) {
    const built = new URL('postgres://localhost');
    built.hostname = env.DATABASE_HOST ?? '127.0.0.1';
    built.port = env.DATABASE_PORT ?? '5432';
    built.username = env.DATABASE_USERNAME ?? 'centrum';
    built.password = env.DATABASE_PASSWORD ?? '';
    built.pathname = `/${env.DATABASE_NAME ?? 'centrum'}`;
    url = built.toString();
  }
  if (env.DATABASE_SSL === 'true' && !/[?&]sslmode=/.test(url)) url += `${url.includes('?') ? '&' : '?'}sslmode=require`;
  return { database: { client, url, schema: env.DATABASE_SCHEMA ?? 'public' }, uploadsDir };
}

// --- Files and hashes ----------------------------------------------------------------------------

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Every file under `dir` (none when it does not exist), relative, with / separators, sorted. */
export const filesUnder = (dir: string): string[] => (existsSync(dir) ? allFilesUnder(dir).sort() : []);

/** The data's shape: every schema.json under cms/src, hashed in a fixed order. */
export function schemaHash(): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(path.join(CMS_DIR, 'src')).filter((f) => f.endsWith('schema.json') || f.includes('components/'))) {
    hash.update(file).update('\0').update(readFileSync(path.join(CMS_DIR, 'src', file))).update('\0');
  }
  return hash.digest('hex');
}

function strapiVersion(): string {
  const file = path.join(ROOT_DIR, 'node_modules', '@strapi', 'strapi', 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'unknown';
}

function run(command: string, args: string[], what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'ENOENT' ? `${what}: nie znaleziono programu "${command}" (zainstaluj go, np. apt-get install postgresql-client)` : `${what}: ${error.message}`, { cause: error })),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${what} — błąd (kod ${code}): ${stderr.trim().split('\n').slice(-5).join(' | ')}`))));
  });
}

// --- Table digests ---------------------------------------------------------------------------------

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows and a content hash of every table of a SQLite file (read-only). */
export function sqliteDigests(filename: string): Record<string, TableDigest> {
  if (!existsSync(filename)) throw new Error(`Nie ma bazy SQLite ${filename}.`);
  const db = new DatabaseSync(filename, { readOnly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const digests: Record<string, TableDigest> = {};
    for (const table of tables) {
      // Rows as JSON (columns in table order), sorted, so the hash does not depend on where rows sit in the file.
      const rows = db.prepare(`SELECT * FROM ${quoteIdent(table)}`).all().map((row) => JSON.stringify(Object.values(row), (_, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : typeof v === 'bigint' ? v.toString() : v))).sort();
      digests[table] = { rows: rows.length, sha256: createHash('sha256').update(rows.join('\n')).digest('hex') };
    }
    return digests;
  } finally {
    db.close();
  }
}

/** The same for PostgreSQL, inside the caller's transaction (so inside its snapshot). */
async function postgresDigests(client: pg.Client, schema: string): Promise<Record<string, TableDigest>> {
  // Dates print in the session's zone: a fixed one, so two servers' digests compare.
  await client.query("SET LOCAL TIME ZONE 'UTC'");
  const { rows: tables } = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name", [schema]);
  const digests: Record<string, TableDigest> = {};
  for (const { table_name: table } of tables) {
    const name = `${quoteIdent(schema)}.${quoteIdent(table)}`;
    const { rows } = await client.query<{ rows: string; sha256: string | null }>(`SELECT count(*)::text AS rows, encode(sha256(convert_to(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''), 'UTF8')), 'hex') AS sha256 FROM ${name} AS t`);
    digests[table] = { rows: Number(rows[0]!.rows), sha256: rows[0]!.sha256 ?? '' };
  }
  return digests;
}

async function withPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Rows and content hash of every table of the database the CMS is configured with. */
export async function databaseDigests(target: DatabaseTarget): Promise<Record<string, TableDigest>> {
  if (target.client === 'sqlite') return sqliteDigests(target.filename);
  return withPostgres(target.url, async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      return await postgresDigests(client, target.schema);
    } finally {
      await client.query('ROLLBACK');
    }
  });
}

/**
 * The whole database when the CMS uses "public" (a dump of that schema alone would create it again
 * and fail on a fresh database, which has it); only its own schema otherwise.
 */
const schemaOption = (schema: string): string[] => (schema === 'public' ? [] : [`--schema=${schema}`]);

// --- Backup ------------------------------------------------------------------------------------------

export interface BackupOptions {
  storage: CmsStorage;
  outDir: string;
  /** How many archives to keep in outDir (the oldest beyond it are deleted); 0 keeps all. */
  keep: number;
  /** cms/.env goes into the archive only when asked for. */
  secretsFile?: string | null;
  now?: Date;
  progress?: (line: string) => void;
}

export interface BackupResult {
  archive: string;
  manifest: Manifest;
  removed: string[];
}

const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** A consistent snapshot of a running CMS into one timestamped .tar.gz under outDir. */
export async function backup(options: BackupOptions): Promise<BackupResult> {
  const { storage, outDir, keep } = options;
  const progress = options.progress ?? (() => {});
  const stage = mkdtempSync(path.join(tmpdir(), 'co-backup-'));
  try {
    mkdirSync(path.join(stage, 'database'), { recursive: true });
    let tables: Record<string, TableDigest>;
    let databaseFile: string;
    const { database } = storage;
    if (database.client === 'sqlite') {
      if (!existsSync(database.filename)) throw new Error(`Nie ma bazy SQLite ${database.filename}: czy CMS był uruchomiony z tymi ustawieniami?`);
      databaseFile = 'database/centrum.db';
      const source = new DatabaseSync(database.filename, { timeout: 10_000 });
      try {
        // One read transaction: a consistent snapshot while the CMS goes on writing (WAL).
        source.prepare('VACUUM INTO ?').run(path.join(stage, databaseFile));
      } finally {
        source.close();
      }
      tables = sqliteDigests(path.join(stage, databaseFile));
    } else {
      databaseFile = 'database/centrum.dump';
      tables = await withPostgres(database.url, async (client) => {
        // pg_dump reads the snapshot this transaction exported, so its dump and these counts agree.
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        try {
          const { rows } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
          const dumped = run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', ...schemaOption(database.schema), `--snapshot=${rows[0]!.snapshot}`, `--file=${path.join(stage, databaseFile)}`, `--dbname=${database.url}`], 'pg_dump');
          const digests = await postgresDigests(client, database.schema);
          await dumped;
          return digests;
        } finally {
          await client.query('ROLLBACK');
        }
      });
    }
    progress(`baza danych: ${tableWords(Object.keys(tables).length)}, ${rowCount(Object.values(tables).reduce((sum, t) => sum + t.rows, 0))}`);

    // Uploaded files after the database: every file a row of the snapshot names existed before it.
    const uploads = filesUnder(storage.uploadsDir);
    mkdirSync(path.join(stage, 'uploads'), { recursive: true });
    for (const [i, file] of uploads.entries()) {
      const target = path.join(stage, 'uploads', file);
      mkdirSync(path.dirname(target), { recursive: true });
      try {
        copyFileSync(path.join(storage.uploadsDir, file), target);
      } catch (error) {
        // Deleted in the media library while we copied: its rows went with it after the snapshot.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      if ((i + 1) % 200 === 0) progress(`pliki: ${i + 1}/${uploads.length}`);
    }
    if (options.secretsFile) {
      mkdirSync(path.join(stage, 'secrets'), { recursive: true });
      copyFileSync(options.secretsFile, path.join(stage, 'secrets', 'cms.env'));
    }

    const files: Manifest['files'] = {};
    for (const file of filesUnder(stage)) files[file] = { bytes: statSync(path.join(stage, file)).size, sha256: await sha256File(path.join(stage, file)) };
    const now = options.now ?? new Date();
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      createdAt: now.toISOString(),
      strapi: strapiVersion(),
      schema: schemaHash(),
      database: { client: database.client, file: databaseFile },
      tables,
      files,
      secrets: Boolean(options.secretsFile),
    };
    writeFileSync(path.join(stage, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    progress(`przesłane pliki: ${fileCount(Object.keys(files).filter((f) => f.startsWith('uploads/')).length)}`);

    mkdirSync(outDir, { recursive: true });
    let archive = path.join(outDir, `centrum-${stamp(now)}.tar.gz`);
    for (let n = 2; existsSync(archive); n += 1) archive = path.join(outDir, `centrum-${stamp(now)}-${n}.tar.gz`);
    // Written under another name and renamed: a half-written archive never looks like a backup.
    const partial = `${archive}.partial`;
    await run('tar', ['-czf', partial, '-C', stage, '.'], 'tar');
    renameSync(partial, archive);

    const removed: string[] = [];
    if (keep > 0) {
      const archives = readdirSync(outDir).filter((name) => ARCHIVE_PATTERN.test(name)).sort((a, b) => archiveOrder(a).localeCompare(archiveOrder(b)));
      for (const name of archives.slice(0, Math.max(0, archives.length - keep))) {
        rmSync(path.join(outDir, name));
        removed.push(name);
      }
    }
    return { archive, manifest, removed };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

// --- Restore -------------------------------------------------------------------------------------

export interface RestoreOptions {
  archive: string;
  storage: CmsStorage;
  /** Replace a database or an uploads folder that is not empty. */
  force?: boolean;
  progress?: (line: string) => void;
}

export interface RestoreResult {
  manifest: Manifest;
  tables: number;
  rows: number;
  uploads: number;
}

/** Unpacks an archive and checks it against its manifest; throws before anything is changed. */
export async function readArchive(archive: string, into: string): Promise<Manifest> {
  if (!existsSync(archive)) throw new Error(`Nie ma pliku kopii ${archive}.`);
  await run('tar', ['-xzf', archive, '-C', into], `Rozpakowanie ${path.basename(archive)}`).catch((error: Error) => {
    throw new Error(`Kopia ${archive} jest uszkodzona albo niepełna: ${error.message}`, { cause: error });
  });
  const manifestFile = path.join(into, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`Kopia ${archive} nie ma pliku manifest.json: to nie jest kopia tego projektu albo jest niepełna.`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`Kopia ${archive} ma format "${String(manifest.format)}", a ten program czyta "${BACKUP_FORMAT}".`);
  const problems: string[] = [];
  for (const [file, expected] of Object.entries(manifest.files)) {
    const full = path.join(into, file);
    if (!existsSync(full)) problems.push(`brak pliku ${file}`);
    else if (statSync(full).size !== expected.bytes || (await sha256File(full)) !== expected.sha256) problems.push(`inna suma kontrolna pliku ${file}`);
  }
  const extra = filesUnder(into).filter((file) => file !== 'manifest.json' && !manifest.files[file]);
  if (extra.length > 0) problems.push(`pliki spoza manifestu: ${extra.slice(0, 5).join(', ')}`);
  if (problems.length > 0) throw new Error(`Kopia ${archive} nie zgadza się ze swoim manifestem (${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` i ${problems.length - 5} więcej` : ''}); nic nie zostało zmienione.`);
  return manifest;
}

/** The differences between two sets of table digests, in words; empty when they are the same. */
export function compareDigests(expected: Record<string, TableDigest>, actual: Record<string, TableDigest>): string[] {
  const problems: string[] = [];
  for (const [table, digest] of Object.entries(expected)) {
    const found = actual[table];
    if (!found) problems.push(`brak tabeli ${table}`);
    else if (found.rows !== digest.rows) problems.push(`${table}: ${rowCount(found.rows)} zamiast ${digest.rows}`);
    else if (found.sha256 !== digest.sha256) problems.push(`${table}: inna treść wierszy`);
  }
  for (const table of Object.keys(actual)) if (!expected[table]) problems.push(`tabela spoza kopii: ${table}`);
  return problems;
}

async function tableCount(target: DatabaseTarget): Promise<number> {
  if (target.client === 'sqlite') {
    if (!existsSync(target.filename) || statSync(target.filename).size === 0) return 0;
    const db = new DatabaseSync(target.filename, { readOnly: true });
    try {
      return (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  return withPostgres(target.url, async (client) => Number((await client.query<{ n: string }>("SELECT count(*)::text AS n FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'", [target.schema])).rows[0]!.n));
}

/**
 * Restores an archive into the configured database and uploads folder: refuses ones that are not
 * empty unless `force`, checks the archive first, and verifies every table and file afterwards.
 * The CMS must be stopped (a running one would keep writing into what is being replaced).
 */
export async function restore(options: RestoreOptions): Promise<RestoreResult> {
  const { storage, force = false } = options;
  const progress = options.progress ?? (() => {});
  const stage = mkdtempSync(path.join(tmpdir(), 'co-restore-'));
  try {
    const manifest = await readArchive(options.archive, stage);
    progress(`kopia z ${manifest.createdAt}: sumy kontrolne się zgadzają (${fileCount(Object.keys(manifest.files).length)})`);
    const { database } = storage;
    if (manifest.database.client !== database.client) {
      throw new Error(`Kopia pochodzi z bazy ${manifest.database.client}, a CMS jest ustawiony na ${database.client}; do przeniesienia między bazami służy osobne polecenie.`);
    }
    if (manifest.schema !== schemaHash()) progress('uwaga: schematy treści w cms/src różnią się od tych z chwili kopii; Strapi dopasuje bazę przy starcie');
    const existingTables = await tableCount(database);
    if (existingTables > 0 && !force) throw new Error(`Baza danych nie jest pusta (${tableWords(existingTables)}): przywracanie by ją zastąpiło. Dodaj --force, jeśli to zamierzone.`);
    const existingUploads = filesUnder(storage.uploadsDir).length;
    if (existingUploads > 0 && !force) throw new Error(`Folder ${storage.uploadsDir} nie jest pusty (${fileCount(existingUploads)}). Dodaj --force, jeśli ma zostać zastąpiony.`);

    // The database: SQLite by a rename (all or nothing), PostgreSQL in one transaction.
    const source = path.join(stage, manifest.database.file);
    if (database.client === 'sqlite') {
      mkdirSync(path.dirname(database.filename), { recursive: true });
      const next = `${database.filename}.restoring`;
      copyFileSync(source, next);
      for (const suffix of ['-wal', '-shm']) rmSync(`${database.filename}${suffix}`, { force: true });
      renameSync(next, database.filename);
    } else {
      await run('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', ...(existingTables > 0 ? ['--clean', '--if-exists'] : []), `--dbname=${database.url}`, source], 'pg_restore');
    }
    progress('baza danych przywrócona');

    // The uploads: staged beside the folder, then swapped in.
    const uploads = Object.keys(manifest.files).filter((file) => file.startsWith('uploads/'));
    const next = `${storage.uploadsDir}.restoring`;
    rmSync(next, { recursive: true, force: true });
    mkdirSync(next, { recursive: true });
    for (const file of uploads) {
      const target = path.join(next, file.slice('uploads/'.length));
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(path.join(stage, file), target);
    }
    rmSync(storage.uploadsDir, { recursive: true, force: true });
    mkdirSync(path.dirname(storage.uploadsDir), { recursive: true });
    renameSync(next, storage.uploadsDir);

    // Verified as restored, not as unpacked.
    const problems = compareDigests(manifest.tables, await databaseDigests(database));
    for (const file of uploads) {
      const restored = path.join(storage.uploadsDir, file.slice('uploads/'.length));
      if (!existsSync(restored) || (await sha256File(restored)) !== manifest.files[file]!.sha256) problems.push(`plik ${file} różni się od kopii`);
    }
    if (problems.length > 0) throw new Error(`Przywrócone dane różnią się od kopii: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` i ${problems.length - 5} więcej` : ''}.`);
    const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
    return { manifest, tables: Object.keys(manifest.tables).length, rows, uploads: uploads.length };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
