import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backup, databaseDigests, filesUnder, restore, sha256File, storageFromEnv, type BackupResult, type CmsStorage } from '../../scripts/lib/backup.ts';
import { createDatabase } from '../../scripts/lib/temp-database.ts';
import { cms, inDays, uploadImage } from './client.ts';
import { createEvent, deleteCreatedEvents, krakowDate, signUp } from './signups.ts';
import { sql } from './database.ts';

const tempDir = mkdtempSync(path.join(tmpdir(), 'co-backup-test-'));
const drops: (() => Promise<void>)[] = [];

afterAll(async () => {
  deleteCreatedEvents();
  for (const drop of drops) await drop();
  rmSync(tempDir, { recursive: true, force: true });
});

/** A fresh, empty database of the suite's engine and an empty uploads folder: where a restore goes. */
async function emptyTarget(name: string): Promise<{ storage: CmsStorage; env: Record<string, string> }> {
  const dir = path.join(tempDir, name);
  const database = await createDatabase(dir, cms().env.DATABASE_CLIENT);
  drops.push(database.drop);
  const env = { ...database.env, ...(database.env.DATABASE_CLIENT === 'sqlite' ? { DATABASE_FILENAME: path.join(dir, 'restored.db') } : {}), PUBLIC_DIR: path.join(dir, 'public') };
  return { storage: storageFromEnv(env), env };
}

describe('npm run backup and npm run restore', () => {
  const source = () => storageFromEnv(cms().env);
  let taken: BackupResult;
  let accepted = 0;

  it('take a consistent snapshot of the running CMS while sign-ups keep arriving, with every table and file in the manifest', async () => {
    await uploadImage('Zdjęcie do kopii zapasowej');
    const event = await createEvent({ capacity: 500 });
    const date = krakowDate(inDays(10, 9));
    // Sign-ups stream in from before the backup starts until after it ends.
    let streaming = true;
    const failures: number[] = [];
    const stream = (async () => {
      while (streaming) {
        const { status } = await signUp(event.documentId, date);
        if (status === 202) accepted += 1;
        else failures.push(status);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = accepted;
    taken = await backup({ storage: source(), outDir: path.join(tempDir, 'backups'), keep: 2 });
    const during = accepted - before;
    streaming = false;
    await stream;

    expect(failures, 'every sign-up during the backup was accepted').toEqual([]);
    expect(during, 'sign-ups arrived while the backup ran').toBeGreaterThan(0);
    expect(path.basename(taken.archive)).toMatch(/^centrum-\d{8}-\d{6}\.tar\.gz$/);
    const { manifest } = taken;
    // Every table the CMS has is in it, with its rows; the sign-ups of the snapshot among them.
    const live = await databaseDigests(source().database);
    expect(Object.keys(manifest.tables).sort()).toEqual(Object.keys(live).sort());
    expect(manifest.tables.registrations!.rows).toBeGreaterThan(0);
    expect(manifest.tables.registrations!.rows).toBeLessThanOrEqual(live.registrations!.rows);
    expect(manifest.tables.admin_users!.rows, 'admin users are in it (Strapi\'s export leaves them out)').toBeGreaterThan(0);
    expect(manifest.tables.strapi_api_tokens!.rows, 'and the API tokens').toBeGreaterThan(0);
    // Every uploaded file, with its checksum; no secrets unless asked for.
    const uploads = filesUnder(source().uploadsDir);
    expect(uploads.length).toBeGreaterThan(0);
    for (const file of uploads) expect(manifest.files[`uploads/${file}`]?.sha256, file).toBe(await sha256File(path.join(source().uploadsDir, file)));
    expect(manifest.secrets).toBe(false);
    expect(Object.keys(manifest.files).some((file) => file.startsWith('secrets/'))).toBe(false);
  });

  it('restore into an empty database every table row for row and every file, and say what was restored', async () => {
    const target = await emptyTarget('restored');
    const result = await restore({ archive: taken.archive, storage: target.storage });
    expect(result.tables).toBe(Object.keys(taken.manifest.tables).length);
    expect(result.rows).toBe(Object.values(taken.manifest.tables).reduce((sum, t) => sum + t.rows, 0));
    // Checked independently of restore()'s own verification: the same digests, the same files.
    expect(await databaseDigests(target.storage.database)).toEqual(taken.manifest.tables);
    const restoredFiles = filesUnder(target.storage.uploadsDir);
    expect(restoredFiles.map((file) => `uploads/${file}`).sort()).toEqual(Object.keys(taken.manifest.files).filter((file) => file.startsWith('uploads/')).sort());
    for (const file of restoredFiles) expect(await sha256File(path.join(target.storage.uploadsDir, file))).toBe(taken.manifest.files[`uploads/${file}`]!.sha256);
    const [{ n }] = (await sql(target.env, 'SELECT count(*) AS n FROM registrations')) as [{ n: number | string }];
    expect(Number(n)).toBe(taken.manifest.tables.registrations!.rows);
  });

  it('refuse a database that is not empty unless forced, and then replace it', async () => {
    const target = await emptyTarget('forced');
    await restore({ archive: taken.archive, storage: target.storage });
    await expect(restore({ archive: taken.archive, storage: target.storage })).rejects.toThrow(/Baza danych nie jest pusta \(\d+ tabel\w*\).*--force/);
    await sql(target.env, 'DELETE FROM registrations');
    const result = await restore({ archive: taken.archive, storage: target.storage, force: true });
    expect(result.rows).toBeGreaterThan(0);
    expect(await databaseDigests(target.storage.database)).toEqual(taken.manifest.tables);
  });

  it('fail loudly on a truncated or altered archive and change nothing', async () => {
    const target = await emptyTarget('damaged');
    const truncated = path.join(tempDir, 'truncated.tar.gz');
    copyFileSync(taken.archive, truncated);
    truncateSync(truncated, Math.floor(statSync(truncated).size * 0.6));
    await expect(restore({ archive: truncated, storage: target.storage })).rejects.toThrow(/uszkodzona albo niepełna/);

    // A valid tar.gz whose database file does not match its checksum.
    const altered = path.join(tempDir, 'altered');
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkdir', ['-p', altered]);
    execFileSync('tar', ['-xzf', taken.archive, '-C', altered]);
    const databaseFile = path.join(altered, taken.manifest.database.file);
    writeFileSync(databaseFile, Buffer.concat([readFileSync(databaseFile), Buffer.from('x')]));
    const alteredArchive = path.join(tempDir, 'altered.tar.gz');
    execFileSync('tar', ['-czf', alteredArchive, '-C', altered, '.']);
    await expect(restore({ archive: alteredArchive, storage: target.storage })).rejects.toThrow(/nie zgadza się ze swoim manifestem.*inna suma kontrolna pliku database\//);

    // Nothing was written: the database is still empty, no uploads folder appeared.
    expect(await databaseDigests(target.storage.database).catch(() => ({}))).toEqual({});
    expect(existsSync(target.storage.uploadsDir)).toBe(false);
  });

  it('keep only the newest archives', async () => {
    const outDir = path.join(tempDir, 'backups');
    const second = await backup({ storage: source(), outDir, keep: 2 });
    const third = await backup({ storage: source(), outDir, keep: 2 });
    expect(third.removed).toEqual([path.basename(taken.archive)]);
    expect(existsSync(second.archive) && existsSync(third.archive)).toBe(true);
  });
});
