import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectRejected, inDays, listAll, setAltText, uploadImage, type StrapiErrorBody } from './client.ts';

/**
 * "Opublikuj automatycznie" (publishAt): the test Strapi runs the scheduler every 2 seconds
 * (SCHEDULED_PUBLISHING_CRON in global-setup.ts), so a due draft must appear in the public API
 * within a few runs, and everything else must stay as it is.
 */
type Doc = { documentId: string; title?: string; publishedAt: string | null; publishAt: string | null; [key: string]: unknown };
type One = { data: Doc };
type AdminOne = { data: Doc & { status: string } };

const UIDS: Record<string, string> = { events: 'api::event.event', guides: 'api::guide.guide', articles: 'api::article.article', pages: 'api::page.page' };
const created: { plural: string; documentId: string }[] = [];
let roomId = '';

const ago = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

/** Saves a draft through the REST API with the full-access token, as a script would. */
async function saveDraft(plural: string, data: Record<string, unknown>): Promise<Doc> {
  const response = await call<One | StrapiErrorBody>('POST', `/api/${plural}?status=draft`, { auth: 'full', body: { data } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  const doc = (response.body as One).data;
  created.push({ plural, documentId: doc.documentId });
  return doc;
}

const draftOf = async (plural: string, documentId: string) =>
  (await call<One>('GET', `/api/${plural}/${documentId}?status=draft`, { auth: 'full' })).body.data;
const adminView = async (plural: string, documentId: string) =>
  (await call<AdminOne>('GET', `/content-manager/collection-types/${UIDS[plural]}/${documentId}`, { auth: 'admin' })).body.data;
const isPublic = async (plural: string, documentId: string) => (await call('GET', `/api/${plural}/${documentId}`)).status === 200;

/** Polls until `check` holds; the scheduler runs every 2 s in the test Strapi. */
async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out after ${timeoutMs / 1000} s waiting until ${what}.`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const event = (title: string, publishAt: string | null) => ({
  title,
  description: 'Spotkanie informacyjne.',
  startsAt: inDays(25, 16),
  endsAt: inDays(25, 18),
  type: 'meeting',
  format: 'on_site',
  room: roomId,
  publishAt,
});

beforeAll(async () => {
  roomId = (await listAll<{ documentId: string }>('rooms'))[0]!.documentId;
});

afterAll(async () => {
  for (const { plural, documentId } of created.reverse()) await call('DELETE', `/api/${plural}/${documentId}`, { auth: 'full' });
});

describe('scheduled publishing', () => {
  it('publishes a draft whose time has come, clears the time, and leaves a future one a draft', async () => {
    const due = await saveDraft('events', event('Spotkanie zaplanowane na wczoraj', ago(60)));
    const later = await saveDraft('guides', { title: 'Poradnik na jutro', summary: 'Krótko.', body: 'Treść.', publishAt: inDays(1) });
    expect(due.publishedAt).toBeNull();

    await eventually('the due event is public', () => isPublic('events', due.documentId));
    const published = (await call<One>('GET', `/api/events/${due.documentId}`)).body.data;
    expect(published.title).toBe('Spotkanie zaplanowane na wczoraj');
    expect(published.publishAt).toBeNull();
    expect((await draftOf('events', due.documentId)).publishAt).toBeNull();
    // Cleared before publishing, so the draft is not newer than what is public.
    expect((await adminView('events', due.documentId)).status).toBe('published');

    // Two more runs at least: the guide due tomorrow is untouched.
    await sleep(4_500);
    expect(await isPublic('guides', later.documentId)).toBe(false);
    expect(Date.parse((await draftOf('guides', later.documentId)).publishAt!)).toBe(Date.parse(later.publishAt!));
  });

  it('publishes a scheduled change to a published entry, not only new entries', async () => {
    const page = await saveDraft('pages', { title: 'Godziny dyżurów', body: 'Stare godziny.' });
    expect((await call('POST', `/content-manager/collection-types/api::page.page/${page.documentId}/actions/publish`, { auth: 'admin', body: {} })).status).toBe(200);
    const change = await call('PUT', `/api/pages/${page.documentId}?status=draft`, { auth: 'full', body: { data: { body: 'Nowe godziny.', publishAt: ago(5) } } });
    expect(change.status, JSON.stringify(change.body)).toBe(200);
    await eventually('the new text is public', async () => (await call<One>('GET', `/api/pages/${page.documentId}`)).body.data?.body === 'Nowe godziny.');
    expect((await adminView('pages', page.documentId)).status).toBe('published');
  });

  it('keeps going past a draft it cannot publish, which keeps its time', async () => {
    // The cover loses its alt text after saving, so the publication is refused (as by the Publish button).
    const image = await uploadImage('Sala warsztatowa');
    const broken = await saveDraft('articles', { title: 'Aktualność z obrazkiem bez opisu', excerpt: 'Krótko.', body: 'Treść.', cover: image.id, publishAt: inDays(1) });
    await setAltText(image.id, '');
    const moved = await call('PUT', `/api/articles/${broken.documentId}?status=draft`, { auth: 'full', body: { data: { publishAt: ago(30) } } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    // Articles are tried first; the event due at the same time must still go out.
    const fine = await saveDraft('events', event('Spotkanie obok zepsutego wpisu', ago(30)));

    await eventually('the event due with the refused article is public', () => isPublic('events', fine.documentId));
    expect(await isPublic('articles', broken.documentId)).toBe(false);
    expect((await draftOf('articles', broken.documentId)).publishAt).not.toBeNull();

    // Once fixed, the next run publishes it.
    await setAltText(image.id, 'Sala warsztatowa z krzesłami w kręgu');
    await eventually('the fixed article is public', () => isPublic('articles', broken.documentId));
    expect((await draftOf('articles', broken.documentId)).publishAt).toBeNull();
  });
});

describe('the schedule and the other ways of publishing', () => {
  it('ends when the entry is published by hand', async () => {
    const fields = { title: 'Poradnik opublikowany ręcznie', summary: 'Krótko.', body: 'Treść.', publishAt: inDays(2) };
    const guide = await saveDraft('guides', fields);
    // The admin's Publish button sends the whole form, the time still in it.
    const response = await call<AdminOne>('POST', `/content-manager/collection-types/api::guide.guide/${guide.documentId}/actions/publish`, { auth: 'admin', body: fields });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect((await draftOf('guides', guide.documentId)).publishAt).toBeNull();
    expect((await call<One>('GET', `/api/guides/${guide.documentId}`)).body.data.publishAt).toBeNull();
    expect((await adminView('guides', guide.documentId)).status).toBe('published');
  });

  it('ends when a REST write publishes at once (no status=draft)', async () => {
    const response = await call<One>('POST', '/api/pages', { auth: 'full', body: { data: { title: 'Strona od razu', body: 'Treść.', publishAt: inDays(2) } } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    created.push({ plural: 'pages', documentId: response.body.data.documentId });
    expect(response.body.data.publishAt).toBeNull();
    expect((await draftOf('pages', response.body.data.documentId)).publishAt).toBeNull();
  });

  it('is not inherited by a duplicate', async () => {
    const source = await saveDraft('events', event('Wydarzenie do skopiowania', inDays(3)));
    // The admin's Duplicate form sends the source's values, the time included.
    const response = await call<AdminOne>('POST', `/content-manager/collection-types/api::event.event/clone/${source.documentId}`, {
      auth: 'admin',
      body: { title: 'Kopia wydarzenia', publishAt: source.publishAt },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    created.push({ plural: 'events', documentId: response.body.data.documentId });
    expect(response.body.data.publishAt).toBeNull();
    expect((await draftOf('events', source.documentId)).publishAt).not.toBeNull();
  });
});

describe('saving a scheduled entry', () => {
  it('is offered in the edit form of every scheduled type in the admin panel', async () => {
    for (const uid of ['api::article.article', 'api::guide.guide', 'api::event.event', 'api::organization.organization', 'api::page.page', 'api::room.room']) {
      const { body } = await call<{ data: { contentType: { layouts: { edit: { name: string }[][] } } } }>('GET', `/content-manager/content-types/${uid}/configuration`, { auth: 'admin' });
      expect(body.data.contentType.layouts.edit.flat().map((field) => field.name), uid).toContain('publishAt');
    }
  });

  it('works from the admin panel, with a time in the past too', async () => {
    const publishAt = ago(3600);
    const response = await call<AdminOne>('POST', '/content-manager/collection-types/api::page.page', { auth: 'admin', body: { title: 'Strona z admina', body: 'Treść.', publishAt } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    created.push({ plural: 'pages', documentId: response.body.data.documentId });
    expect(Date.parse(response.body.data.publishAt!)).toBe(Date.parse(publishAt));
    expect(response.body.data.publishedAt).toBeNull();
    // An hour late is simply due: the next run publishes it.
    await eventually('the late page is public', () => isPublic('pages', response.body.data.documentId));
  });

  it('refuses a schedule while a field needed for publication is empty, naming the field', async () => {
    const draft = { title: 'Poradnik bez treści', summary: 'Krótko.' };
    const response = await call('POST', '/api/guides?status=draft', { auth: 'full', body: { data: { ...draft, publishAt: inDays(1) } } });
    expectRejected(response, 'body', /Treść.*Opublikuj automatycznie/);
    // Without a schedule an unfinished draft is fine, as always.
    await saveDraft('guides', draft);
  });
});
