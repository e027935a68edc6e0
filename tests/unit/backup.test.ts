import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDigests, storageFromEnv } from '../../scripts/lib/backup.ts';
import { CMS_DIR } from '../../scripts/lib/paths.ts';

describe('where a backup reads the CMS\'s data from', () => {
  it('follows the CMS\'s own defaults: SQLite in cms/data, uploads in cms/public/uploads', () => {
    expect(storageFromEnv({})).toEqual({ database: { client: 'sqlite', filename: path.join(CMS_DIR, 'data', 'centrum.db') }, uploadsDir: path.join(CMS_DIR, 'public', 'uploads') });
  });

  it('builds a PostgreSQL address from the separate settings, password escaped, and asks for TLS when the CMS does', () => {
    const { database } = storageFromEnv({ DATABASE_CLIENT: 'postgres', DATABASE_HOST: 'db.internal', DATABASE_PORT: '6432', DATABASE_NAME: 'co', DATABASE_USERNAME: 'centrum', DATABASE_PASSWORD: 'p@ss/word', DATABASE_SSL: 'true' });
    expect(database).toEqual({ client: 'postgres', url: 'postgres://centrum:p%40ss%2Fword@db.internal:6432/co?sslmode=require', schema: 'public' });
  });

  it('refuses a database client the CMS does not support', () => {
    expect(() => storageFromEnv({ DATABASE_CLIENT: 'mysql' })).toThrow(/DATABASE_CLIENT="mysql" is not supported/);
  });
});

describe('comparing a restored database with its manifest', () => {
  const manifest = { events: { rows: 2, sha256: 'a' }, registrations: { rows: 5, sha256: 'b' } };

  it('names every table that is missing, has other rows or another content, or should not be there', () => {
    expect(compareDigests(manifest, manifest)).toEqual([]);
    expect(compareDigests(manifest, { events: { rows: 2, sha256: 'x' }, extra: { rows: 0, sha256: '' } })).toEqual(['events: inna treść wierszy', 'brak tabeli registrations', 'tabela spoza kopii: extra']);
    expect(compareDigests(manifest, { events: { rows: 1, sha256: 'a' }, registrations: { rows: 5, sha256: 'b' } })).toEqual(['events: 1 wiersz zamiast 2']);
  });
});
