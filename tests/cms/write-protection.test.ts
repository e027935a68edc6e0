import { describe, expect, it } from 'vitest';
import { PUBLIC_COLLECTION_PATHS } from '../../cms/src/access/public-content';
import { call, cms, listAll } from './client.ts';

type Doc = { documentId: string; updatedAt: string };

const COLLECTIONS = Object.values(PUBLIC_COLLECTION_PATHS);

const snapshot = async (plural: string) =>
  (await listAll<Doc>(plural, 'status=draft', 'full')).map((d) => `${d.documentId}@${d.updatedAt}`).sort();

describe('anonymous writes', () => {
  it.each(COLLECTIONS)('are refused on every %s route and change nothing', async (plural) => {
    const before = await snapshot(plural);
    const target = before[0]!.split('@')[0]!;
    const attempts = [
      await call('POST', `/api/${plural}`, { body: { data: { title: 'Włamanie', name: 'Włamanie' } } }),
      await call('PUT', `/api/${plural}/${target}`, { body: { data: { title: 'Zmienione', name: 'Zmienione' } } }),
      await call('DELETE', `/api/${plural}/${target}`),
    ];
    expect(attempts.map((a) => a.status)).toEqual([403, 403, 403]);
    expect(await snapshot(plural)).toEqual(before);
  });

  it('are refused on the global settings and change nothing', async () => {
    const before = await call<{ data: Doc }>('GET', '/api/global');
    expect((await call('PUT', '/api/global', { body: { data: { siteName: 'Zmienione' } } })).status).toBe(403);
    expect((await call('DELETE', '/api/global')).status).toBe(403);
    const after = await call<{ data: Doc & { siteName: string } }>('GET', '/api/global');
    expect(after.body.data).toEqual(before.body.data);
    expect(after.body.data.siteName).toBe('Centrum Obywatelskie');
  });

  it('are refused with the read-only token the site build uses', async () => {
    const before = await snapshot('events');
    expect((await call('POST', '/api/events', { auth: 'read', body: { data: { title: 'Nie' } } })).status).toBe(403);
    expect((await call('DELETE', `/api/events/${before[0]!.split('@')[0]}`, { auth: 'read' })).status).toBe(403);
    expect(await snapshot('events')).toEqual(before);
  });

  it('cannot upload files', async () => {
    const form = new FormData();
    form.append('files', new Blob(['<svg/>'], { type: 'image/svg+xml' }), 'x.svg');
    const response = await fetch(`${cms().url}/api/upload`, { method: 'POST', body: form });
    expect(response.status).toBe(403);
  });
});
