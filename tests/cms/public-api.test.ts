import { describe, expect, it } from 'vitest';
import { PUBLIC_COLLECTION_PATHS } from '../../cms/src/access/public-content';
import { createStrapiClient } from '../../site/src/lib/strapi-client';
import { call, cms, listAll, type StrapiList } from './client.ts';

type Doc = { documentId: string; publishedAt: string | null; slug?: string };

const COLLECTIONS = Object.values(PUBLIC_COLLECTION_PATHS);
/** Types the seed gives unpublished drafts, so the draft checks below are never vacuous. */
const WITH_SEEDED_DRAFTS = ['articles', 'guides', 'events', 'organizations', 'rooms'];

const ids = (docs: Doc[]) => new Set(docs.map((d) => d.documentId));

async function draftOnlyIds(plural: string): Promise<Set<string>> {
  const drafts = await listAll<Doc>(plural, 'status=draft', 'full');
  const published = ids(await listAll<Doc>(plural, 'status=published', 'full'));
  return new Set(drafts.filter((d) => !published.has(d.documentId)).map((d) => d.documentId));
}

describe('public content API', () => {
  it.each(COLLECTIONS)('lists %s to anonymous visitors with pagination meta', async (plural) => {
    const { status, body } = await call<StrapiList<Doc>>('GET', `/api/${plural}?pagination[pageSize]=3`);
    expect(status).toBe(200);
    const { pagination } = body.meta;
    expect(pagination.page).toBe(1);
    expect(pagination.pageSize).toBe(3);
    expect(pagination.total).toBeGreaterThan(0);
    expect(pagination.pageCount).toBe(Math.ceil(pagination.total / 3));
    expect(body.data).toHaveLength(Math.min(3, pagination.total));
  });

  it.each(COLLECTIONS)('lists only published %s', async (plural) => {
    const visible = await listAll<Doc>(plural);
    const published = await listAll<Doc>(plural, 'status=published', 'full');
    expect(ids(visible)).toEqual(ids(published));
    expect(visible.every((doc) => doc.publishedAt !== null)).toBe(true);
  });

  it.each(WITH_SEEDED_DRAFTS)('never shows unpublished %s, even when asked for drafts', async (plural) => {
    const draftOnly = await draftOnlyIds(plural);
    expect(draftOnly.size).toBeGreaterThan(0);
    for (const query of ['', 'status=draft', 'status=anything', 'publicationState=preview']) {
      const visible = await listAll<Doc>(plural, query);
      expect(visible.filter((doc) => draftOnly.has(doc.documentId)), `${plural}?${query}`).toEqual([]);
      expect(visible.every((doc) => doc.publishedAt !== null)).toBe(true);
    }
    for (const documentId of draftOnly) {
      expect((await call('GET', `/api/${plural}/${documentId}`)).status).toBe(404);
      expect((await call('GET', `/api/${plural}/${documentId}?status=draft`)).status).toBe(404);
      // The router matches paths case-insensitively; the guard must too.
      expect((await call('GET', `/API/${plural.toUpperCase()}/${documentId}?status=draft`)).status).toBe(404);
    }
    const shouting = await call<StrapiList<Doc>>('GET', `/API/${plural}?status=draft&pagination[pageSize]=100`);
    expect(shouting.status).toBe(200);
    expect(shouting.body.data.filter((doc) => draftOnly.has(doc.documentId))).toEqual([]);
  });

  it('does not leak drafts through populated relations', async () => {
    const draftGuides = await draftOnlyIds('guides');
    const categories = await listAll<{ guides: Doc[] }>('categories', 'populate=guides&status=draft');
    const linked = categories.flatMap((c) => c.guides);
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.filter((g) => draftGuides.has(g.documentId))).toEqual([]);
    expect(linked.every((g) => g.publishedAt !== null)).toBe(true);
  });

  it('shows drafts to the read-only API token when asked, for the draft preview', async () => {
    const draftOnly = await draftOnlyIds('events');
    const [documentId] = draftOnly;
    const { status, body } = await call<{ data: Doc }>('GET', `/api/events/${documentId}?status=draft`, { auth: 'read' });
    expect(status).toBe(200);
    expect(body.data.publishedAt).toBeNull();
    // Without asking for drafts the token sees the public view.
    expect((await call('GET', `/api/events/${documentId}`, { auth: 'read' })).status).toBe(404);
  });

  it('serves the global settings with their components', async () => {
    const { status, body } = await call<{ data: Record<string, unknown> }>('GET', '/api/global?populate=*');
    expect(status).toBe(200);
    expect(body.data.siteName).toBe('Centrum Obywatelskie');
    expect(body.data.address).toMatchObject({ street: 'ul. Reymonta 20' });
    expect(body.data.accessibilityStatement).toMatchObject({ contactPerson: expect.any(String) });
  });

  it('keeps user accounts, the media library listing and registration closed', async () => {
    expect((await call('GET', '/api/users')).status).toBe(403);
    expect((await call('GET', '/api/upload/files')).status).toBe(403);
    const register = await call('POST', '/api/auth/local/register', { body: { username: 'x', email: 'x@example.pl', password: 'Haslo-12345' } });
    expect([400, 403]).toContain(register.status);
  });
});

describe("the site's client reading the content API", () => {
  it('reads every published event exactly once through small pages, sorted by a field most events share', async () => {
    // Ties on the sort key across page boundaries are where PostgreSQL repeats one entry and skips another.
    const client = createStrapiClient({ baseUrl: cms().url, token: cms().readToken, pageSize: 3 });
    const read = await client.findAll<Doc>('events', { sort: ['format:asc'], fields: ['documentId'] });
    const all = await listAll<Doc>('events', 'fields[0]=documentId');
    expect(all.length).toBeGreaterThan(6);
    expect(read.map((doc) => doc.documentId).sort()).toEqual(all.map((doc) => doc.documentId).sort());
  });
});
