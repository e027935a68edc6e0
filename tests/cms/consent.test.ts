import { describe, expect, it } from 'vitest';
import { call, inDays, type StrapiErrorBody } from './client.ts';
import { consentVersion, createEvent, deleteCreatedEvents, krakowDate, nextEmail, post, registrationsOf, signUp } from './signups.ts';
import { createRoom, deleteCreatedRooms, form, request, requestsOf } from './rooms.ts';

// Consent texts with a history, on the real CMS: what editors change in the settings, what the
// history keeps, and which versions the public forms accept.

deleteCreatedEvents();
deleteCreatedRooms();

interface ConsentVersionRow {
  documentId: string;
  form: string;
  version: string;
  text: string;
  validFrom: string;
  validTo: string | null;
}

const GLOBAL = '/content-manager/single-types/api::global.global';
const HISTORY = '/content-manager/collection-types/api::consent-version.consent-version';

async function settings(): Promise<Record<string, unknown>> {
  const { status, body } = await call<{ data: Record<string, unknown> }>('GET', GLOBAL, { auth: 'admin' });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.data;
}

/** Saves the settings as the admin's form does: the whole entry back, with the changes. */
async function saveSettings(changes: Record<string, unknown>) {
  const { id: _id, documentId: _documentId, createdAt: _c, updatedAt: _u, publishedAt: _p, createdBy: _cb, updatedBy: _ub, locale: _l, ...current } = await settings();
  return call<{ data: Record<string, unknown>; error?: StrapiErrorBody['error'] }>('PUT', GLOBAL, { auth: 'admin', body: { ...current, ...changes } });
}

async function history(form: string): Promise<ConsentVersionRow[]> {
  const query = new URLSearchParams({ 'filters[form][$eq]': form, pageSize: '100', sort: 'validFrom:asc' });
  const { status, body } = await call<{ results: ConsentVersionRow[] }>('GET', `${HISTORY}?${query}`, { auth: 'admin' });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.results;
}

describe('consent that was really shown', () => {
  it('starts with the seed\'s texts as the first versions of their forms', async () => {
    const current = await settings();
    const [registration] = await history('registration');
    expect(registration).toMatchObject({ version: current.registrationConsentVersion, text: current.registrationConsentText, validTo: null });
    const [room] = await history('room-request');
    expect(room).toMatchObject({ version: current.roomRequestConsentVersion, text: current.roomRequestConsentText, validTo: null });
  });

  it('refuses a sign-up with a never-published, a missing or a malformed consent version, and stores nothing', async () => {
    const event = await createEvent({ capacity: 5 });
    const date = krakowDate(inDays(10, 9));
    for (const version of ['2025-01', '', 'x'.repeat(41)]) {
      const answer = await signUp(event.documentId, date, { consentVersion: version });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ result: 'invalid_consent_version', message: expect.stringContaining('Odśwież stronę wydarzenia') });
      expect(answer.body.problems).toEqual([expect.objectContaining({ field: 'consentVersion', code: 'invalid_consent_version' })]);
    }
    expect(await registrationsOf(event.documentId)).toEqual([]);
    // The browser form lands on the page that says what to do.
    const page = await post('/api/signups', { event: event.documentId, date, name: 'Jan Kowalski', email: nextEmail(), consent: 'tak', consentVersion: '2025-01' }, { asForm: true });
    expect(page.headers.get('location')).toMatch(/\/zapisy\/odswiez-strone\/$/);
  });

  it('refuses a room request with a version of another form, a never-published or no version, and stores nothing', async () => {
    const room = await createRoom();
    for (const version of [await consentVersion('registration'), 'sale-2020-01-01', '']) {
      expect(await request(await form(room, { consentVersion: version }))).toMatchObject({ status: 400, body: { result: 'invalid_consent_version', field: 'consentVersion' } });
    }
    expect(await requestsOf(room)).toEqual([]);
  });

  it('gives a changed text a new version, keeps the old one readable, and accepts the previous version only for the grace period', async () => {
    const before = await settings();
    const oldVersion = String(before.registrationConsentVersion);
    const changed = await saveSettings({ registrationConsentText: 'Zgadzam się na przetwarzanie moich danych w celu zapisu na wydarzenie (tekst zmieniony w teście).', registrationConsentVersion: 'podana-recznie' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);

    const after = await settings();
    const newVersion = String(after.registrationConsentVersion);
    // The CMS names the version, whatever the form sent.
    expect(newVersion).toMatch(/^zapisy-\d{4}-\d{2}-\d{2}(-\d+)?$/);
    expect(newVersion).not.toBe(oldVersion);
    expect(await consentVersion('registration')).toBe(newVersion);
    const versions = await history('registration');
    const old = versions.find((entry) => entry.version === oldVersion)!;
    const current = versions.find((entry) => entry.version === newVersion)!;
    expect(old).toMatchObject({ text: before.registrationConsentText, validTo: current.validFrom });
    expect(current).toMatchObject({ text: after.registrationConsentText, validTo: null });
    // The other form's consent did not change.
    expect(after.roomRequestConsentVersion).toBe(before.roomRequestConsentVersion);

    // A page built before the change is still open somewhere: its version counts, and is recorded.
    const event = await createEvent({ capacity: 5 });
    const date = krakowDate(inDays(10, 9));
    const email = nextEmail('stara-zgoda');
    expect((await signUp(event.documentId, date, { email, consentVersion: oldVersion })).body.result).toBe('check_email');
    expect((await signUp(event.documentId, date, { consentVersion: newVersion })).body.result).toBe('check_email');
    const stored = await call<{ results: { email: string; consentVersion: string }[] }>('GET', `/content-manager/collection-types/api::registration.registration?${new URLSearchParams({ 'filters[email][$eq]': email })}`, { auth: 'admin' });
    expect(stored.body.results.map((row) => row.consentVersion)).toEqual([oldVersion]);

    // The room form's consent did not change: its version is still the only one it accepts.
    const room = await createRoom();
    expect((await request(await form(room, { consentVersion: oldVersion }))).body.result).toBe('invalid_consent_version');

    // One more change: the version two texts back is refused at once.
    expect((await saveSettings({ registrationConsentText: `${String(after.registrationConsentText)} Druga zmiana.` })).status).toBe(200);
    const refused = await signUp(event.documentId, date, { consentVersion: oldVersion });
    expect(refused.body.result).toBe('invalid_consent_version');
    expect((await signUp(event.documentId, date, { consentVersion: newVersion })).body.result).toBe('check_email');
  });

  it('accepts a room request with the version before a change, within the grace period, and records it', async () => {
    const before = String((await settings()).roomRequestConsentVersion);
    expect((await saveSettings({ roomRequestConsentText: 'Zgadzam się na przetwarzanie danych wniosku o salę (tekst zmieniony w teście).' })).status).toBe(200);
    const after = await consentVersion('room-request');
    expect(after).toMatch(/^sale-\d{4}-\d{2}-\d{2}(-\d+)?$/);
    const room = await createRoom();
    const data = await form(room, { consentVersion: before });
    expect((await request(data)).body.result).toBe('check_email');
    const stored = await call<{ results: { consentVersion: string }[] }>('GET', `/content-manager/collection-types/api::room-request.room-request?${new URLSearchParams({ 'filters[email][$eq]': data.email! })}`, { auth: 'admin' });
    expect(stored.body.results.map((row) => row.consentVersion)).toEqual([before]);
  });

  it('keeps the version when the settings are saved without a change of the text', async () => {
    const version = await consentVersion('registration');
    const count = (await history('registration')).length;
    expect((await saveSettings({ tagline: 'Hasło zmienione w teście zgód' })).status).toBe(200);
    expect(await consentVersion('registration')).toBe(version);
    expect(await history('registration')).toHaveLength(count);
  });

  it('marks a translated consent text stale when the Polish text changes, until the translation is changed too', async () => {
    const ukrainian = async () => (await call<{ data: Record<string, unknown> }>('GET', `${GLOBAL}?locale=uk`, { auth: 'admin' })).body.data;
    const saveUkrainian = async (changes: Record<string, unknown>) => {
      const { id: _id, documentId: _documentId, createdAt: _c, updatedAt: _u, publishedAt: _p, createdBy: _cb, updatedBy: _ub, locale: _l, ...current } = await ukrainian();
      return call<{ data: Record<string, unknown> }>('PUT', `${GLOBAL}?locale=uk`, { auth: 'admin', body: { ...current, ...changes } });
    };
    // The seed's translation translates the Polish text it was written with, the first version.
    const [seeded] = await history('registration');
    expect((await ukrainian()).consentTranslatedFrom).toMatchObject({ registration: seeded!.version });

    const before = await consentVersion('registration');
    expect((await saveSettings({ registrationConsentText: `Zgadzam się na przetwarzanie moich danych z zapisu (zmiana ${Date.now()}).` })).status).toBe(200);
    const after = await consentVersion('registration');
    expect(after).not.toBe(before);
    // Saving the translation without touching its consent text keeps it stale…
    expect((await saveUkrainian({ tagline: 'Місце для організацій (тест)' })).status).toBe(200);
    expect((await ukrainian()).consentTranslatedFrom).toMatchObject({ registration: seeded!.version });
    // …and a new translated text translates the Polish text of now.
    expect((await saveUkrainian({ registrationConsentText: 'Я погоджуюся на обробку моїх даних із реєстрації (нова версія).' })).status).toBe(200);
    expect((await ukrainian()).consentTranslatedFrom).toMatchObject({ registration: after });
  });

  it('refuses to empty a consent text, naming the field', async () => {
    const response = await saveSettings({ roomRequestConsentText: '' });
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.error?.details?.errors?.[0]).toMatchObject({ path: ['roomRequestConsentText'], message: expect.stringContaining('Zgoda przy wnioskach o salę') });
    expect((await settings()).roomRequestConsentText).toBeTruthy();
  });

  it('lets nobody add, change or delete a version of the history', async () => {
    const [first] = await history('room-request');
    const changed = await call<Partial<StrapiErrorBody>>('PUT', `${HISTORY}/${first!.documentId}`, { auth: 'admin', body: { ...first, text: 'Podmieniony tekst.' } });
    expect(changed.status).toBe(400);
    expect(changed.body.error?.message).toContain('Historia zgód');
    expect((await call('DELETE', `${HISTORY}/${first!.documentId}`, { auth: 'admin' })).status).toBe(400);
    expect((await call('POST', HISTORY, { auth: 'admin', body: { form: 'room-request', version: 'sale-falszywa', text: 'Nigdy niepokazany tekst.', validFrom: new Date().toISOString() } })).status).toBe(400);
    expect((await history('room-request'))[0]).toEqual(first);
  });

  it('gives the public no route to the history', async () => {
    for (const path of ['/api/consent-versions', '/api/consent-version']) expect([403, 404]).toContain((await call('GET', path)).status);
  });
});
