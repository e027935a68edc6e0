import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesUnder, sha256File, storageFromEnv } from '../../scripts/lib/backup.ts';
import { freePort, startStrapi, stopProcess, waitForStrapi } from '../../scripts/lib/cms.ts';
import { compareSqliteWithPostgres, LEASE_TABLES, moveToPostgres, type MoveResult } from '../../scripts/lib/move-to-postgres.ts';
import { createDatabase } from '../../scripts/lib/temp-database.ts';
import { tempResources } from '../support/temp-resources.ts';
import { cms, inDays, uploadImage } from './client.ts';
import { sql } from './database.ts';
import { createRoom, form, request } from './rooms.ts';
import { createEvent, deleteCreatedEvents, krakowDate, signUp } from './signups.ts';

/**
 * The move of the suite's live SQLite CMS (seed, sign-ups, room requests, an upload) into a fresh
 * PostgreSQL database — needs a server where the tests may create databases, so it runs in the
 * SQLite suite when TEST_DATABASE_ADMIN_URL is set (CI sets it for both suites).
 */
const onSqlite = cms().env.DATABASE_CLIENT !== 'postgres';
// CI gives both runs a PostgreSQL server: there a missing one is a broken setup, not a reason to skip.
if (onSqlite && !process.env.TEST_DATABASE_ADMIN_URL && process.env.CI) throw new Error('TEST_DATABASE_ADMIN_URL is not set: .ci/run sets it for the SQLite run too.');
const canRun = onSqlite && Boolean(process.env.TEST_DATABASE_ADMIN_URL);
const resources = tempResources('co-move-test-');
afterAll(async () => {
  deleteCreatedEvents();
  await resources.cleanup();
});

describe.skipIf(!canRun)('npm run move-to-postgres', () => {
  const source = () => {
    const storage = storageFromEnv(cms().env);
    if (storage.database.client !== 'sqlite') throw new Error('the suite runs on SQLite here');
    return { filename: storage.database.filename, uploadsDir: storage.uploadsDir };
  };
  let target: { url: string; uploadsDir: string };
  let moved: MoveResult;

  it('copy a live CMS and name the tables it went on writing in, without losing or failing a sign-up', async () => {
    // What the centre cannot type again: sign-ups, a room request, an uploaded file.
    await uploadImage('Zdjęcie do przeniesienia');
    const room = await createRoom();
    expect((await request(await form(room))).status).toBe(202);
    const event = await createEvent({ capacity: 5000 });
    const date = krakowDate(inDays(10, 9));
    for (let i = 0; i < 5; i += 1) expect((await signUp(event.documentId, date)).status).toBe(202);

    const database = await createDatabase(resources.dir, 'postgres');
    resources.add(database.drop);
    target = { url: database.env.DATABASE_URL!, uploadsDir: path.join(resources.dir, 'public', 'uploads') };
    let streaming = true;
    const failures: number[] = [];
    const stream = (async () => {
      while (streaming) {
        const { status } = await signUp(event.documentId, date);
        if (status !== 202) failures.push(status);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    try {
      moved = await moveToPostgres({ source: source(), target: { ...target, schema: 'public' }, env: cms().env });
    } finally {
      streaming = false;
      await stream;
    }
    expect(failures).toEqual([]);
    expect(moved.changedSince, 'the sign-ups that arrived after the snapshot are named, not silently left behind').toContain('registrations');
  }, 180_000);

  it('refuse a PostgreSQL database that is not empty unless forced', async () => {
    await expect(moveToPostgres({ source: source(), target: { ...target, schema: 'public' }, env: cms().env })).rejects.toThrow(/Baza PostgreSQL \(schemat public\) nie jest pusta: \d+ tabel.*--force/);
  });

  it('with the CMS quiet, copy every table value by value and every file byte by byte', async () => {
    moved = await moveToPostgres({ source: source(), target: { ...target, schema: 'public' }, env: cms().env, force: true });
    expect(moved.changedSince).toEqual([]);
    expect(moved.ownTables).toEqual(['strapi_database_schema', 'strapi_migrations', 'strapi_migrations_internal']);

    // Checked again from outside the move: every table alike, the ones Strapi's transfer loses among them
    // (the move compared the leases too, against its snapshot; the test CMS rewrites them every 2 s).
    const comparison = await compareSqliteWithPostgres(source().filename, target.url, 'public', LEASE_TABLES);
    expect(comparison.problems).toEqual([]);
    expect(comparison.tables).toBe(moved.tables - LEASE_TABLES.size);
    for (const table of ['admin_users', 'strapi_api_tokens', 'registrations', 'room_requests', 'files']) {
      const [{ n }] = (await sql({ DATABASE_CLIENT: 'postgres', DATABASE_URL: target.url }, `SELECT count(*)::int AS n FROM ${table}`)) as [{ n: number }];
      const [{ n: expected }] = (await sql(cms().env, `SELECT count(*) AS n FROM ${table}`)) as [{ n: number }];
      expect(n, table).toBe(expected);
      expect(n, table).toBeGreaterThan(0);
    }
    const uploads = filesUnder(source().uploadsDir);
    expect(filesUnder(target.uploadsDir)).toEqual(uploads);
    for (const file of uploads) expect(await sha256File(path.join(target.uploadsDir, file)), file).toBe(await sha256File(path.join(source().uploadsDir, file)));
  }, 180_000);

  it('notice a single changed value', async () => {
    const postgres = { DATABASE_CLIENT: 'postgres', DATABASE_URL: target.url };
    const [row] = (await sql(postgres, 'SELECT id, created_at FROM registrations ORDER BY id LIMIT 1')) as [{ id: number; created_at: Date }];
    await sql(postgres, 'UPDATE registrations SET created_at = created_at + interval \'1 second\' WHERE id = ?', [row.id]);
    try {
      expect((await compareSqliteWithPostgres(source().filename, target.url, 'public', LEASE_TABLES)).problems).toEqual(['registrations: inna treść wierszy']);
    } finally {
      await sql(postgres, 'UPDATE registrations SET created_at = ? WHERE id = ?', [row.created_at, row.id]);
    }
    expect((await compareSqliteWithPostgres(source().filename, target.url, 'public', LEASE_TABLES)).problems).toEqual([]);
  });

  it('leave a PostgreSQL CMS that serves the same content, accepts the same API tokens and adds new rows after the old ones', async () => {
    const port = await freePort();
    const env = { ...cms().env, DATABASE_CLIENT: 'postgres', DATABASE_URL: target.url, PORT: String(port), PUBLIC_DIR: path.dirname(target.uploadsDir), REGISTRATION_TIMED_WORK: 'false', SCHEDULED_PUBLISHING: 'false' };
    delete (env as Record<string, string | undefined>).DATABASE_FILENAME;
    let strapi: ChildProcess | undefined;
    let output = '';
    try {
      strapi = startStrapi({ env, stdio: ['ignore', 'pipe', 'pipe'] });
      strapi.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk).slice(-10_000)));
      strapi.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk).slice(-10_000)));
      const moved = `http://127.0.0.1:${port}`;
      await waitForStrapi(moved, strapi).catch((error: Error) => {
        throw new Error(`${error.message}\n${output}`);
      });
      const read = async (base: string, query: string) => {
        const response = await fetch(`${base}${query}`, { headers: { Authorization: `Bearer ${cms().readToken}` } });
        expect(response.status, `${base}${query}`).toBe(200);
        // Two differences of the engines, not of the data: an entry's other languages come in no
        // defined order (SQL without ORDER BY), and PostgreSQL's time drops zero milliseconds.
        return JSON.parse(await response.text(), (key, value: unknown) => {
          if (key === 'localizations' && Array.isArray(value)) return [...(value as { id: number }[])].sort((a, b) => a.id - b.id);
          if (typeof value === 'string' && /^\d\d:\d\d:\d\d\.000$/.test(value)) return value.slice(0, 8);
          return value;
        }) as unknown;
      };
      // The same answers, dates and times included, from both engines.
      for (const query of [
        '/api/events?pagination[pageSize]=100&sort=id:asc&populate=*',
        '/api/events?locale=uk&pagination[pageSize]=100&sort=id:asc',
        '/api/guides?pagination[pageSize]=100&sort=id:asc&populate=*',
        '/api/rooms?pagination[pageSize]=100&sort=id:asc&populate=*',
        '/api/organizations?pagination[pageSize]=100&sort=id:asc',
        '/api/global?populate=*',
      ]) {
        expect(await read(moved, query), query).toEqual(await read(cms().url, query));
      }
      // The full-access token still works, and a new entry takes the next id, not one already used.
      const response = await fetch(`${moved}/api/events`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${cms().fullToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ data: { title: 'Po przeniesieniu', description: 'Nowe wydarzenie w PostgreSQL.', startsAt: inDays(20, 9), endsAt: inDays(20, 11), type: 'training', format: 'online', onlineUrl: 'https://meet.example.org/po', audience: 'everyone', eventStatus: 'scheduled' } }),
      });
      expect(response.status, await response.clone().text()).toBe(201);
      const created = ((await response.json()) as { data: { id: number } }).data;
      const [{ max }] = (await sql(cms().env, 'SELECT max(id) AS max FROM events')) as [{ max: number }];
      expect(created.id).toBeGreaterThan(max);
    } finally {
      if (strapi) await stopProcess(strapi);
    }
  }, 180_000);
});
