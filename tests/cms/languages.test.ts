import { afterAll, describe, expect, it } from 'vitest';
import { call, expectRejected, inDays, type StrapiErrorBody } from './client.ts';

/**
 * Translations through Strapi's i18n: Polish is the default locale and holds what every
 * language shares; a translation carries its words. Strapi 5 copies a document's non-localized
 * components to every language on publish (strapi/strapi#25802): every component of a
 * translated type is localized, and these tests prove that writing and publishing one language
 * leaves the others' fields and components as they were, through the admin's own API.
 */
type Doc = { documentId: string; locale: string; publishedAt: string | null; [key: string]: unknown };
const EVENT = 'api::event.event';
const created: string[] = [];

const admin = `/content-manager/collection-types/${EVENT}`;
/** What an editor's "Save" in a language sends (the admin sends the whole form). */
const saveIn = (locale: string, documentId: string, data: Record<string, unknown>) => call<{ data: Doc } | StrapiErrorBody>('PUT', `${admin}/${documentId}?locale=${locale}`, { auth: 'admin', body: data });
const publishIn = (locale: string, documentId: string) => call<{ data: Doc } | StrapiErrorBody>('POST', `${admin}/${documentId}/actions/publish?locale=${locale}`, { auth: 'admin', body: {} });
const populate = 'populate[venue][populate][0]=address&populate[seo]=true&populate[accessibility]=true&populate[recurrence]=true';
const publicIn = async (locale: string, documentId: string) => (await call<{ data: Doc }>('GET', `/api/events/${documentId}?locale=${locale}&${populate}`)).body.data;
const draftIn = async (locale: string, documentId: string) => (await call<{ data: Doc }>('GET', `/api/events/${documentId}?locale=${locale}&status=draft&${populate}`, { auth: 'full' })).body.data;

/** The fields a test compares: the event's words, its shared data and every component. */
const snapshot = (doc: Doc) => ({
  title: doc.title,
  slug: doc.slug,
  description: doc.description,
  startsAt: doc.startsAt,
  capacity: doc.capacity,
  seo: strip(doc.seo),
  venue: strip(doc.venue),
  accessibility: strip(doc.accessibility),
  recurrence: strip(doc.recurrence),
});
/** Component rows get new ids when Strapi rewrites them; their content is what must not change. */
function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id').map(([key, inner]) => [key, strip(inner)]));
}

async function polishEvent(title: string): Promise<Doc> {
  const response = await call<{ data: Doc }>('POST', '/api/events?status=draft', {
    auth: 'full',
    body: {
      data: {
        title,
        description: 'Spotkanie po polsku.',
        startsAt: inDays(30, 17),
        endsAt: inDays(30, 19),
        type: 'meeting',
        format: 'on_site',
        capacity: 20,
        registrationMode: 'none',
        seo: { metaTitle: 'Tytuł SEO po polsku', metaDescription: 'Opis SEO po polsku.' },
        venue: { name: 'Sala na parterze', address: { street: 'ul. Reymonta 20', postalCode: '30-059', city: 'Kraków' } },
        accessibility: { stepFreeAccess: true, notes: 'Wejście od podwórza.' },
      },
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  created.push(response.body.data.documentId);
  return response.body.data;
}

afterAll(async () => {
  for (const documentId of created) for (const locale of ['en', 'uk', 'pl']) await call('DELETE', `/api/events/${documentId}?locale=${locale}`, { auth: 'full' });
});

describe('languages in the CMS', () => {
  it('has Polish as the default locale, and Ukrainian and English beside it, each named in Polish as the admin is', async () => {
    const response = await call<{ code: string; name: string; isDefault: boolean }[]>('GET', '/i18n/locales', { auth: 'admin' });
    expect(response.status).toBe(200);
    const codes = Object.fromEntries(response.body.map((locale) => [locale.code, locale.isDefault]));
    expect(codes).toMatchObject({ pl: true, uk: false, en: false });
    // Strapi creates English as "English (en)" with every database; the CMS renames it.
    expect(Object.fromEntries(response.body.map((locale) => [locale.code, locale.name]))).toMatchObject({ pl: 'polski (pl)', uk: 'ukraiński (uk)', en: 'angielski (en)' });
  });

  it('keeps every language\'s fields and components as they were when another language is saved and published (strapi/strapi#25802)', async () => {
    const polish = await polishEvent('Spotkanie o tłumaczeniach');
    expect((await publishIn('pl', polish.documentId)).status).toBe(200);
    const polishBefore = snapshot(await publicIn('pl', polish.documentId));

    // The editor adds the Ukrainian translation with its own SEO, venue name and notes, and publishes it.
    const saved = await saveIn('uk', polish.documentId, {
      title: 'Зустріч про переклади',
      description: 'Зустріч українською.',
      seo: { metaTitle: 'SEO українською', metaDescription: 'Опис українською.' },
      venue: { name: 'Зала на першому поверсі', address: { street: 'ul. Reymonta 20', postalCode: '30-059', city: 'Kraków' } },
      accessibility: { stepFreeAccess: true, notes: 'Вхід з подвір’я.' },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await publishIn('uk', polish.documentId)).status).toBe(200);

    const ukrainian = await publicIn('uk', polish.documentId);
    expect(ukrainian.title).toBe('Зустріч про переклади');
    // A slug from Cyrillic, transliterated, since the editor left it empty.
    expect(ukrainian.slug).toMatch(/^zustrich-pro-pereklady/);
    expect(strip(ukrainian.seo)).toMatchObject({ metaTitle: 'SEO українською' });
    // Shared fields came from the Polish entry, not blanks.
    expect(ukrainian.startsAt).toBe(polishBefore.startsAt);
    expect(ukrainian.capacity).toBe(20);
    expect(snapshot(await publicIn('pl', polish.documentId))).toEqual(polishBefore);
    expect(snapshot(await draftIn('pl', polish.documentId))).toEqual(polishBefore);

    // The other way round: Polish changes its SEO and venue and is published; Ukrainian keeps its own.
    const ukrainianBefore = snapshot(ukrainian);
    const changed = await saveIn('pl', polish.documentId, { seo: { metaTitle: 'Nowy tytuł SEO', metaDescription: 'Nowy opis.' }, venue: { name: 'Sala 2', address: { street: 'ul. Reymonta 20', postalCode: '30-059', city: 'Kraków' } } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await publishIn('pl', polish.documentId)).status).toBe(200);
    expect(snapshot(await publicIn('uk', polish.documentId))).toEqual(ukrainianBefore);
    expect(strip((await publicIn('pl', polish.documentId)).seo)).toMatchObject({ metaTitle: 'Nowy tytuł SEO' });

    // A shared field changed in Polish reaches the translation: one event, one time.
    const moved = inDays(31, 18);
    expect((await saveIn('pl', polish.documentId, { startsAt: moved, endsAt: inDays(31, 20) })).status).toBe(200);
    expect((await publishIn('pl', polish.documentId)).status).toBe(200);
    expect(new Date(String((await draftIn('uk', polish.documentId)).startsAt)).toISOString()).toBe(moved);
    expect(snapshot(await publicIn('uk', polish.documentId))).toMatchObject({ title: ukrainianBefore.title, seo: ukrainianBefore.seo, venue: ukrainianBefore.venue });
  });

  it('adds a translation written through the REST API with its words only, without blanking the Polish entry', async () => {
    const polish = await polishEvent('Spotkanie z tłumaczeniem przez API');
    const before = snapshot(await draftIn('pl', polish.documentId));
    const response = await call<{ data: Doc }>('PUT', `/api/events/${polish.documentId}?locale=en&status=draft`, { auth: 'full', body: { data: { title: 'A meeting translated through the API', description: 'In English.' } } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(snapshot(await draftIn('pl', polish.documentId))).toEqual(before);
    const english = await draftIn('en', polish.documentId);
    expect(english).toMatchObject({ title: 'A meeting translated through the API', slug: 'a-meeting-translated-through-the-api', capacity: 20 });
    expect(english.startsAt).toBe(before.startsAt);
  });

  it('refuses an entry that would exist only in a translation, telling the editor to start in Polish', async () => {
    const response = await call('POST', '/api/events?locale=uk&status=draft', { auth: 'full', body: { data: { title: 'Лише українською', description: 'Текст.' } } });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toMatch(/najpierw po polsku/);
  });

  it('checks a translation\'s own address within its language, and leaves the Polish rules to the Polish entry', async () => {
    const first = await polishEvent('Pierwsze spotkanie');
    const second = await polishEvent('Drugie spotkanie');
    expect((await saveIn('en', first.documentId, { title: 'First meeting', slug: 'meeting-in-english' })).status).toBe(200);
    // The same address in the same language is taken…
    expectRejected(await saveIn('en', second.documentId, { title: 'Second meeting', slug: 'meeting-in-english' }), 'slug', /już używany/);
    // …while in another language it is free: /uk/… and /en/… are paths of their own.
    expect((await saveIn('uk', second.documentId, { title: 'Друга зустріч', slug: 'meeting-in-english' })).status).toBe(200);
    // A translation's text is checked like the Polish one's (links must be well-formed).
    expectRejected(await saveIn('uk', second.documentId, { description: '[посилання](javascript:alert(1))' }), 'description', /./);
  });
});
