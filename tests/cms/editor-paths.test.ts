import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectRejected, inDays, listAll, setAltText, uploadImage, type StrapiErrorBody } from './client.ts';

/**
 * The other ways an editor's change reaches the database — Duplicate, Publish, bulk publish, the
 * admin's relation and media shapes, partial updates — go through the same rules as a plain save.
 */
type Doc = { documentId: string; id: number; slug: string; publishedAt: string | null; [key: string]: unknown };
type AdminDoc = { data: Doc };

const cleanup: { uid: string; documentId: string }[] = [];
let room: { id: number; documentId: string };

const admin = <T = AdminDoc>(method: string, path: string, body?: unknown) => call<T | StrapiErrorBody>(method, `/content-manager/collection-types/${path}`, { auth: 'admin', body });

async function adminCreate(uid: string, body: Record<string, unknown>): Promise<Doc> {
  const response = await admin('POST', uid, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  const doc = (response.body as AdminDoc).data;
  cleanup.push({ uid, documentId: doc.documentId });
  return doc;
}

const eventBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Konsultacje dla grup nieformalnych',
  description: 'Rozmowa z doradcą.',
  startsAt: inDays(30, 15),
  endsAt: inDays(30, 17),
  type: 'consulting',
  format: 'on_site',
  // The shape the admin panel sends for a relation picked in the form.
  room: { connect: [{ id: room.id, documentId: room.documentId, position: { end: true } }], disconnect: [] },
  ...overrides,
});

beforeAll(async () => {
  const rooms = await listAll<{ id: number; documentId: string }>('rooms', '', 'full');
  room = rooms[0]!;
});

afterAll(async () => {
  for (const { uid, documentId } of cleanup.reverse()) await admin('DELETE', `${uid}/${documentId}`);
});

describe('Duplicate in the admin panel', () => {
  it('gives the copy a fresh slug', async () => {
    const source = await adminCreate('api::event.event', eventBody({ title: 'Dyżur prawnika' }));
    const response = await admin('POST', `api::event.event/clone/${source.documentId}`, { ...eventBody({ title: 'Dyżur prawnika' }), slug: source.slug });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const copy = (response.body as AdminDoc).data;
    cleanup.push({ uid: 'api::event.event', documentId: copy.documentId });
    expect(source.slug).toBe('dyzur-prawnika');
    expect(copy.slug).toBe('dyzur-prawnika-2');
  });

  it('rejects a copy whose changes break the rules', async () => {
    const source = await adminCreate('api::event.event', eventBody());
    const response = await admin('POST', `api::event.event/clone/${source.documentId}`, { endsAt: inDays(30, 10), registrationUrl: 'javascript:alert(1)' });
    expectRejected(response, 'endsAt', /Koniec/);
    expectRejected(response, 'registrationUrl', /https:\/\//);
  });

  it('rejects a copied organization with a wrong NIP', async () => {
    const [org] = await listAll<Doc>('organizations', 'filters[legalForm][$eq]=foundation', 'full');
    expectRejected(await admin('POST', `api::organization.organization/clone/${org!.documentId}`, { nip: '1234567890' }), 'nip', /NIP/);
  });
});

describe('publishing', () => {
  it('re-checks the draft, e.g. a cover whose alt text was removed after saving', async () => {
    const image = await uploadImage('Ludzie przy stole warsztatowym');
    const draft = await adminCreate('api::article.article', { title: 'Aktualność do publikacji', excerpt: 'Krótko.', body: 'Treść.', cover: image.id });
    await setAltText(image.id, '');
    expectRejected(await admin('POST', `api::article.article/${draft.documentId}/actions/publish`, {}), 'cover', /tekstu alternatywnego/);
    expect((await call('GET', `/api/articles/${draft.documentId}`)).status).toBe(404);
  });

  it('applies to bulk publishing from the list view', async () => {
    const image = await uploadImage('Plakat wydarzenia');
    const draft = await adminCreate('api::article.article', { title: 'Druga aktualność', excerpt: 'Krótko.', body: 'Treść.', cover: image.id });
    await setAltText(image.id, '');
    const response = await admin('POST', 'api::article.article/actions/bulkPublish', { documentIds: [draft.documentId] });
    expect(response.status).toBe(400);
    expect((await call('GET', `/api/articles/${draft.documentId}`)).status).toBe(404);
  });

  it('publishes a valid draft', async () => {
    const draft = await adminCreate('api::event.event', eventBody({ title: 'Wydarzenie do opublikowania' }));
    const response = await admin('POST', `api::event.event/${draft.documentId}/actions/publish`, {});
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect((await call('GET', `/api/events/${draft.documentId}`)).status).toBe(200);
  });
});

describe('shapes the admin and API clients send', () => {
  it('sees a room connected the admin way, and refuses it together with another venue', async () => {
    expectRejected(await admin('POST', 'api::event.event', eventBody({ venue: { name: 'Park Krakowski' } })), 'venue', /nie oba/);
  });

  it('sees a room removed with a single-value disconnect', async () => {
    const event = await adminCreate('api::event.event', eventBody());
    expectRejected(await admin('PUT', `api::event.event/${event.documentId}`, { room: { disconnect: room.documentId } }), 'room', /sal/);
  });

  it('checks alt text of an image given by documentId', async () => {
    const image = await uploadImage('');
    const response = await call('POST', '/api/articles', { auth: 'full', body: { data: { title: 'Bez opisu', excerpt: 'x', body: 'y', cover: image.documentId } } });
    expectRejected(response, 'cover', /tekstu alternatywnego/);
  });

  it('validates a component updated field by field against its stored values', async () => {
    const event = await adminCreate('api::event.event', eventBody({ recurrence: { frequency: 'weekly', interval: 1, until: inDays(60, 12).slice(0, 10), tuesday: true } }));
    const stored = await admin<{ data: { recurrence: { id: number } } }>('GET', `api::event.event/${event.documentId}`);
    const recurrenceId = (stored.body as { data: { recurrence: { id: number } } }).data.recurrence.id;
    const ok = await call('PUT', `/api/events/${event.documentId}?status=draft`, { auth: 'full', body: { data: { recurrence: { id: recurrenceId, until: inDays(70, 12).slice(0, 10) } } } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const bad = await call('PUT', `/api/events/${event.documentId}?status=draft`, { auth: 'full', body: { data: { recurrence: { id: recurrenceId, until: inDays(10, 12).slice(0, 10) } } } });
    expectRejected(bad, 'recurrence.until', /Powtarzaj do/);
  });
});

describe('slugs in editors’ hands', () => {
  it('stay the same when the title changes, so published links keep working', async () => {
    const page = await adminCreate('api::page.page', { title: 'Regulamin sal', body: 'x' });
    const response = await admin('PUT', `api::page.page/${page.documentId}`, { title: 'Regulamin korzystania z sal' });
    expect((response.body as AdminDoc).data.slug).toBe('regulamin-sal');
  });

  it('are asked for when the title has no letters or digits', async () => {
    expectRejected(await admin('POST', 'api::page.page', { title: '!!! ???', body: 'x' }), 'slug', /wpisz adres ręcznie/);
  });

  it('may be long when typed, with a message about length when too long', async () => {
    expectRejected(await admin('POST', 'api::page.page', { title: 'x', slug: 'a'.repeat(151), body: 'x' }), 'slug', /najwyżej 150/);
  });
});

describe('Markdown', () => {
  it('rejects javascript: links in a body, naming the field', async () => {
    expectRejected(await admin('POST', 'api::guide.guide', { title: 'Poradnik z pułapką', summary: 'x', body: 'Kliknij [tutaj](javascript:alert(document.cookie)).' }), 'body', /javascript:/);
  });
});
