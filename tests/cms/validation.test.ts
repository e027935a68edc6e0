import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, errorPaths, expectRejected, inDays, listAll, uploadImage, type StrapiErrorBody } from './client.ts';

type Created = { data: { documentId: string; slug: string; [key: string]: unknown } };

const created: { plural: string; documentId: string }[] = [];
let roomId = '';

/** Creates through the REST API with the full-access token; remembers the entry for cleanup. */
async function restCreate(plural: string, data: Record<string, unknown>) {
  const response = await call<Created | StrapiErrorBody>('POST', `/api/${plural}`, { auth: 'full', body: { data } });
  if (response.status === 201) created.push({ plural, documentId: (response.body as Created).data.documentId });
  return response;
}

const event = (overrides: Record<string, unknown> = {}) => ({
  title: 'Warsztaty z pisania wniosków',
  description: 'Praktyczne ćwiczenia.',
  startsAt: inDays(20, 16),
  endsAt: inDays(20, 18),
  type: 'training',
  format: 'on_site',
  room: roomId,
  ...overrides,
});

const organization = (overrides: Record<string, unknown> = {}) => ({
  name: 'Fundacja Próbna',
  legalForm: 'foundation',
  krs: '0000123456',
  nip: '5260250274',
  regon: '123456785',
  description: 'Opis fundacji.',
  ...overrides,
});

beforeAll(async () => {
  const rooms = await listAll<{ documentId: string }>('rooms');
  roomId = rooms[0]!.documentId;
});

afterAll(async () => {
  for (const { plural, documentId } of created.reverse()) await call('DELETE', `/api/${plural}/${documentId}`, { auth: 'full' });
});

describe('event validation (REST API)', () => {
  it('accepts a well-formed event and publishes it', async () => {
    const response = await restCreate('events', event({ registrationMode: 'external', registrationUrl: 'https://zapisy.example.pl/warsztaty', registrationDeadline: inDays(18) }));
    expect(response.status).toBe(201);
    const { documentId } = (response.body as Created).data;
    expect((await call('GET', `/api/events/${documentId}`)).status).toBe(200);
  });

  it('asks for seats when people sign up on the site, naming the field', async () => {
    expectRejected(await restCreate('events', event({ registrationMode: 'site' })), 'capacity', /Liczba miejsc \(capacity\): zapisy na stronie potrzebują liczby miejsc/);
    expectRejected(await restCreate('events', event({ registrationMode: 'site', slotMinutes: 240 })), 'slotMinutes', /Okienka \(minuty\).*dłuższe niż cały termin/);
    expect((await restCreate('events', event({ registrationMode: 'site', capacity: 12, waitlist: true }))).status).toBe(201);
  });

  it('rejects an end before the start', async () => {
    expectRejected(await restCreate('events', event({ endsAt: inDays(20, 15) })), 'endsAt', /Koniec.*przed/);
  });

  it('rejects a registration deadline after the start', async () => {
    expectRejected(await restCreate('events', event({ registrationDeadline: inDays(21) })), 'registrationDeadline', /Zapisy do/);
  });

  it('rejects javascript: and other non-http links', async () => {
    expectRejected(await restCreate('events', event({ registrationMode: 'external', registrationUrl: 'javascript:alert(document.cookie)' })), 'registrationUrl', /https:\/\//);
    expectRejected(await restCreate('events', event({ format: 'online', room: null, onlineUrl: 'data:text/html,<script>alert(1)</script>' })), 'onlineUrl', /https:\/\//);
  });

  it('rejects a paid event without a price and an on-site event without a place', async () => {
    expectRejected(await restCreate('events', event({ isFree: false })), 'price', /Cena/);
    expectRejected(await restCreate('events', event({ room: null })), 'room', /sal/);
  });

  it('rejects repetition that ends before it starts', async () => {
    const until = inDays(10).slice(0, 10);
    expectRejected(await restCreate('events', event({ recurrence: { frequency: 'weekly', interval: 1, until, tuesday: true } })), 'recurrence.until', /Powtarzaj do/);
  });

  it('validates a partial update against the stored values', async () => {
    const response = await restCreate('events', event());
    const { documentId } = (response.body as Created).data;
    const update = await call('PUT', `/api/events/${documentId}`, { auth: 'full', body: { data: { endsAt: inDays(19) } } });
    expectRejected(update, 'endsAt', /Koniec/);
    const ok = await call('PUT', `/api/events/${documentId}`, { auth: 'full', body: { data: { endsAt: inDays(20, 20) } } });
    expect(ok.status).toBe(200);
  });
});

describe('organization validation (REST API)', () => {
  it('accepts checksum-valid numbers and stores pasted ones as digits', async () => {
    const response = await restCreate('organizations', organization({
      nip: 'PL 526-025-02-74',
      regon: '123 456 785',
      email: 'biuro@fundacja-probna.example.pl',
      website: 'https://fundacja-probna.example.pl/o-nas',
      phone: '+48 12 345 67 89',
      address: { street: 'ul. Reymonta 20', postalCode: '30-059', city: 'Kraków' },
      socialLinks: [{ platform: 'facebook', url: 'https://www.facebook.com/fundacja.probna' }],
    }));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect((response.body as Created).data).toMatchObject({ nip: '5260250274', regon: '123456785' });
  });

  it('rejects a NIP with a wrong checksum', async () => {
    expectRejected(await restCreate('organizations', organization({ nip: '5260250275' })), 'nip', /NIP/);
  });

  it('rejects a REGON with a wrong checksum', async () => {
    expectRejected(await restCreate('organizations', organization({ regon: '123456786' })), 'regon', /REGON/);
  });

  it('rejects a KRS that is not 10 digits', async () => {
    expectRejected(await restCreate('organizations', organization({ krs: '123456' })), 'krs', /10 cyfr/);
  });

  it('rejects an invalid e-mail, website and social link', async () => {
    expectRejected(await restCreate('organizations', organization({ email: 'biuro@fundacja' })), 'email', /e-mail/);
    expectRejected(await restCreate('organizations', organization({ website: 'javascript:alert(1)' })), 'website', /https:\/\//);
    expectRejected(
      await restCreate('organizations', organization({ socialLinks: [{ platform: 'facebook', url: 'javascript:void(0)' }] })),
      'socialLinks.0.url',
      /https:\/\//,
    );
  });
});

describe('volunteering offers (REST API)', () => {
  let orgId = '';
  const offer = (overrides: Record<string, unknown> = {}) => ({
    title: 'Pomoc przy zbiórce książek',
    organization: orgId,
    summary: 'Sortujemy książki przekazane do bibliotek osiedlowych.',
    description: 'Dwa popołudnia przy sortowaniu.',
    district: 'krowodrza',
    remote: 'none',
    address: { street: 'ul. Królewska 57', postalCode: '30-081', city: 'Kraków' },
    commitment: 'one_off',
    startsOn: inDays(14).slice(0, 10),
    volunteersWanted: 4,
    minimumAge: 16,
    usesPolish: true,
    offersInsurance: true,
    contactEmail: 'wolontariat@example.org',
    ...overrides,
  });

  beforeAll(async () => {
    orgId = (await listAll<{ documentId: string }>('organizations'))[0]!.documentId;
  });

  it('accepts a well-formed offer, publishes it and shows it without the private contact address', async () => {
    const response = await restCreate('volunteer-offers', offer({ contactPhone: '12 345 67 89', contactName: 'Anna Nowak' }));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const { documentId, slug } = (response.body as Created).data;
    expect(slug).toBe('pomoc-przy-zbiorce-ksiazek');
    const shown = await call<{ data: Record<string, unknown> }>('GET', `/api/volunteer-offers/${documentId}?populate=organization`);
    expect(shown.status).toBe(200);
    expect(shown.body.data.contactName).toBe('Anna Nowak');
    expect(shown.body.data).not.toHaveProperty('contactEmail');
    expect(shown.body.data).not.toHaveProperty('contactPhone');
    expect((shown.body.data.organization as { documentId: string }).documentId).toBe(orgId);
  });

  it('needs an organisation, naming the field in Polish', async () => {
    expectRejected(await restCreate('volunteer-offers', offer({ organization: null })), 'organization', /^Organizacja \(organization\): wybierz organizację/);
  });

  it('asks for the written agreement the law requires for regular help without an end', async () => {
    const regular = offer({ commitment: 'regular', schedule: 'środy 17:00–19:00', hours: 2, hoursPer: 'week' });
    expectRejected(await restCreate('volunteer-offers', regular), 'offersAgreement', /porozumienia na piśmie.*art\. 44/);
  });

  it('needs an address unless the help is fully remote', async () => {
    expectRejected(await restCreate('volunteer-offers', offer({ address: null })), 'address.street', /Ulica i numer \(address\.street\)/);
    expect((await restCreate('volunteer-offers', offer({ title: 'Zdalne tłumaczenia ulotek', remote: 'full', address: null }))).status).toBe(201);
  });

  it('refuses a minimum age under 13 and a reserved slug', async () => {
    const young = await restCreate('volunteer-offers', offer({ minimumAge: 12 }));
    expect(young.status).toBe(400);
    expect(errorPaths(young.body as StrapiErrorBody)).toContain('minimumAge');
    expectRejected(await restCreate('volunteer-offers', offer({ slug: 'filtr' })), 'slug', /zarezerwowany/);
  });
});

describe('slugs', () => {
  it('are generated from the title with Polish letters transliterated', async () => {
    const response = await restCreate('pages', { title: 'Żółta łódź', body: 'Treść.' });
    expect(response.status).toBe(201);
    expect((response.body as Created).data.slug).toBe('zolta-lodz');
  });

  it('are made unique when the title repeats', async () => {
    const second = await restCreate('pages', { title: 'Żółta Łódź', body: 'Inna treść.' });
    const third = await restCreate('pages', { title: 'żółta łódź!', body: 'Jeszcze inna.' });
    expect((second.body as Created).data.slug).toBe('zolta-lodz-2');
    expect((third.body as Created).data.slug).toBe('zolta-lodz-3');
  });

  it('rejects a slug typed by hand that another entry already uses', async () => {
    expectRejected(await restCreate('pages', { title: 'Kopia', slug: 'o-centrum', body: 'x' }), 'slug', /już używany/);
  });

  it('rejects a malformed slug typed by hand', async () => {
    expectRejected(await restCreate('pages', { title: 'Zła ścieżka', slug: 'Zła Ścieżka', body: 'x' }), 'slug', /małych liter/);
  });

  it('keeps its own slug when an entry is updated', async () => {
    const { body } = await restCreate('pages', { title: 'Strona do zmiany', body: 'x' });
    const { documentId, slug } = (body as Created).data;
    const update = await call<Created>('PUT', `/api/pages/${documentId}`, { auth: 'full', body: { data: { slug, body: 'y' } } });
    expect(update.status).toBe(200);
    expect(update.body.data.slug).toBe('strona-do-zmiany');
  });
});

describe('SEO fields', () => {
  it('reject a meta title over 60 and a meta description over 160 characters', async () => {
    const response = await restCreate('pages', { title: 'Strona SEO', body: 'x', seo: { metaTitle: 'T'.repeat(61), metaDescription: 'O'.repeat(161) } });
    expect(response.status).toBe(400);
    expect(errorPaths(response.body).sort()).toEqual(['seo.metaDescription', 'seo.metaTitle']);
  });

  it('accept texts within the limits', async () => {
    const response = await restCreate('pages', { title: 'Strona SEO OK', body: 'x', seo: { metaTitle: 'T'.repeat(60), metaDescription: 'O'.repeat(160) } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  });
});

describe('images need alt text', () => {
  const article = (cover: number) => ({ title: `Aktualność z obrazkiem ${cover}`, excerpt: 'Krótko.', body: 'Treść.', cover });

  it('rejects a news cover without alt text, naming the field', async () => {
    expectRejected(await restCreate('articles', article((await uploadImage()).id)), 'cover', /tekstu alternatywnego/);
  });

  it('accepts a cover that has alt text', async () => {
    const response = await restCreate('articles', article((await uploadImage('Uczestnicy warsztatów przy stole')).id));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  });
});

describe('the same rules in the admin panel', () => {
  const adminCreate = (uid: string, data: Record<string, unknown>) =>
    call<StrapiErrorBody | { data: { documentId: string } }>('POST', `/content-manager/collection-types/${uid}`, { auth: 'admin', body: data });

  it('rejects an event ending before it starts, naming the field for the form', async () => {
    expectRejected(await adminCreate('api::event.event', event({ endsAt: inDays(20, 10) })), 'endsAt', /Koniec/);
  });

  it('rejects a NIP with a wrong checksum', async () => {
    expectRejected(await adminCreate('api::organization.organization', organization({ nip: '1234567890' })), 'nip', /NIP/);
  });

  it('accepts valid input as a draft with a generated slug', async () => {
    const response = await adminCreate('api::guide.guide', { title: 'Źródła finansowania – ściąga', summary: 'Krótko.', body: 'Treść.' });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const { documentId, slug, publishedAt } = (response.body as { data: { documentId: string; slug: string; publishedAt: string | null } }).data;
    created.push({ plural: 'guides', documentId });
    expect(slug).toBe('zrodla-finansowania-sciaga');
    expect(publishedAt).toBeNull();
    expect((await call('GET', `/api/guides/${documentId}`)).status).toBe(404);
  });
});
