import { describe, expect, it } from 'vitest';
import { runCmsScript } from '../../scripts/lib/cms.ts';
import { call, cms, inDays } from './client.ts';
import { mails, mailTo, nextEmail, tokenOf } from './signups.ts';
import { sql } from './database.ts';
import { applicationForm, apply, linkIn as applicationLinkIn, postLink } from './volunteering.ts';
import { createdEntries, deleteCreatedPanelData, eventForm, newMail, ORG, organization, request, signIn, withoutStatus } from './org-panel.ts';

// The organisations' panel against the real CMS and SMTP catcher: signing in by the mailed link,
// the session and its CSRF token, proposals that wait for the editors while the published version
// stays online, and probes of another organisation's entries by changing ids.

deleteCreatedPanelData();

describe('signing in to the organisations’ panel', () => {
  it('mails a single-use link to the contact address and to a listed person, and the same answer to an unknown address', async () => {
    const org = await organization();
    const before = (await mails()).length;
    const unknown = await request('/panel/link', { form: { email: nextEmail('obcy'), website: '' }, json: true });
    expect(unknown.status).toBe(202);
    expect(unknown.json?.result).toBe('check_email');
    // A browser's form lands on the site's page, the same for every address.
    const asForm = await request('/panel/link', { form: { email: nextEmail('obcy'), website: '' } });
    expect(asForm.status).toBe(303);
    expect(asForm.location).toBe(`${cms().siteUrl}/dla-organizacji/sprawdz-poczte/`);
    expect((await mails()).length).toBe(before);

    const viaContact = await signIn(org.email);
    const viaPerson = await signIn(org.person);
    expect(viaContact.cookie).not.toBe(viaPerson.cookie);
    const mail = await mailTo(org.person, /^Logowanie do panelu/);
    expect(mail.text).toContain('Dzień dobry, Ola Koordynatorka!');
  });

  it('opens the link page without signing in, and refuses a reused, tampered or missing token', async () => {
    const org = await organization();
    await request('/panel/link', { form: { email: org.email, website: '' }, json: true });
    const mail = await mailTo(org.email, /^Logowanie do panelu/);
    const link = mail.links.find((url) => url.includes('/panel/wejscie?token='))!;
    // A mail scanner opening the link twice changes nothing.
    for (let i = 0; i < 2; i += 1) {
      const page = await fetch(link, { redirect: 'manual' });
      expect(page.status).toBe(200);
      expect(page.headers.get('set-cookie')).toBeNull();
      expect(await page.text()).toContain('Zaloguj się');
    }
    const token = tokenOf(link);
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await request('/panel/wejscie', { form: { token: tampered }, json: true })).json?.result).toBe('unknown_link');
    expect((await request('/panel/wejscie', { form: { token: 'krotki' }, json: true })).json?.result).toBe('invalid_token');
    const first = await request('/panel/wejscie', { form: { token } });
    expect(first.status).toBe(303);
    const reused = await request('/panel/wejscie', { form: { token }, json: true });
    expect(reused.json?.result).toBe('unknown_link');
    expect(reused.setCookie).toBeNull();
    expect((await fetch(link, { redirect: 'manual', headers: { Accept: 'application/json' } })).status).toBe(410);
  });

  it('refuses a link past its 30 minutes', async () => {
    const org = await organization();
    const earlier = new Set((await mails()).map((m) => m.id));
    await request('/panel/link', { form: { email: org.email, website: '' }, json: true });
    const link = (await newMail(org.email, earlier)).links.find((url) => url.includes('/panel/wejscie?token='))!;
    // The link's expiry moved to when it was made: as if the person came back after the half hour.
    await sql(cms().env, 'update org_panel_links set expires_at = created_at where email = ?', [org.email]);
    expect((await fetch(link, { redirect: 'manual', headers: { Accept: 'application/json' } })).status).toBe(410);
    const late = await request('/panel/wejscie', { form: { token: tokenOf(link) }, json: true });
    expect(late.json?.result).toBe('unknown_link');
    expect(late.setCookie).toBeNull();
  });

  it('signs in once when the link’s button is pressed five times at once', async () => {
    const org = await organization();
    const earlier = new Set((await mails()).map((m) => m.id));
    await request('/panel/link', { form: { email: org.email, website: '' }, json: true });
    const token = tokenOf((await newMail(org.email, earlier)).links.find((url) => url.includes('/panel/wejscie?token='))!);
    const answers = await Promise.all(Array.from({ length: 5 }, () => request('/panel/wejscie', { form: { token } })));
    expect(answers.filter((answer) => answer.setCookie?.startsWith('co_panel=') && answer.location === '/panel/')).toHaveLength(1);
    const sessions = await sql(cms().env, 'select count(*) as n from org_panel_sessions where email = ?', [org.email]);
    expect(Number(sessions[0]!.n)).toBe(1);
  });

  it('limits link requests per address', async () => {
    const email = nextEmail('natret');
    const answers: unknown[] = [];
    for (let i = 0; i < 4; i += 1) answers.push((await request('/panel/link', { form: { email, website: '' }, json: true })).json?.result);
    expect(answers).toEqual(['check_email', 'check_email', 'check_email', 'rate_limited']);
  });

  it('answers a filled honeypot like a success and mails nothing', async () => {
    const org = await organization();
    const before = (await mails()).length;
    expect((await request('/panel/link', { form: { email: org.email, website: 'http://spam.example' }, json: true })).json?.result).toBe('check_email');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await mails()).length).toBe(before);
  });

  it('sends a visitor without a session to the sign-in page and ends a session on sign-out and when the person is removed', async () => {
    const org = await organization();
    const anonymous = await request('/panel/wydarzenia');
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toBe(`${cms().siteUrl}/dla-organizacji/`);

    const { cookie, csrf } = await signIn(org.person);
    const out = await request('/panel/wyloguj', { form: { csrf }, cookie });
    expect(out.status).toBe(303);
    expect(out.location).toBe(`${cms().siteUrl}/dla-organizacji/wylogowano/`);
    expect((await request('/panel/', { cookie })).location).toBe(`${cms().siteUrl}/dla-organizacji/sesja-wygasla/`);

    // An editor takes the person off the profile: the next request is refused at once.
    const again = await signIn(org.person);
    const draft = await call<{ data: Record<string, unknown> }>('GET', `/content-manager/collection-types/${ORG}/${org.documentId}`, { auth: 'admin' });
    const removed = await call('PUT', `/content-manager/collection-types/${ORG}/${org.documentId}`, { auth: 'admin', body: { ...withoutStatus(draft.body.data), panelPersons: [] } });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect((await request('/panel/', { cookie: again.cookie })).location).toBe(`${cms().siteUrl}/dla-organizacji/sesja-wygasla/`);

    // Unpublishing the organisation locks out even its contact address.
    const contact = await signIn(org.email);
    const unpublished = await call('POST', `/content-manager/collection-types/${ORG}/${org.documentId}/actions/unpublish`, { auth: 'admin', body: {} });
    expect(unpublished.status, JSON.stringify(unpublished.body)).toBe(200);
    expect((await request('/panel/', { cookie: contact.cookie })).location).toBe(`${cms().siteUrl}/dla-organizacji/sesja-wygasla/`);
  });

  it('refuses to sign in with a link posted from another site', async () => {
    const org = await organization();
    const earlier = new Set((await mails()).map((m) => m.id));
    await request('/panel/link', { form: { email: org.email, website: '' }, json: true });
    const token = tokenOf((await newMail(org.email, earlier)).links.find((url) => url.includes('/panel/wejscie?token='))!);
    const forged = await request('/panel/wejscie', { form: { token }, origin: 'https://zly.example.com', json: true });
    expect(forged.json?.result).toBe('unknown_link');
    expect(forged.setCookie).toBeNull();
    // The link was not used up by the forged post: its owner still signs in.
    expect((await request('/panel/wejscie', { form: { token } })).status).toBe(303);
  });

  it('limits an organisation’s writes however many addresses they come from', async () => {
    const org = await organization();
    const { cookie, csrf } = await signIn(org.email);
    // Each post comes from another address (request() varies X-Forwarded-For); the 61st is one too many for the organisation.
    const statuses: number[] = [];
    for (let i = 0; i < 61; i += 1) statuses.push((await request('/panel/oferty/nieistniejaca0000/zgloszenia', { form: { csrf, application: '1', decision: 'accept' }, cookie })).status);
    expect(statuses.slice(0, 60).every((status) => status === 404)).toBe(true);
    expect(statuses[60]).toBe(429);
    // Reading goes on: the limit is on writes.
    expect((await request('/panel/', { cookie })).status).toBe(200);
  });

  it('refuses a POST without the CSRF token or from another site, and changes nothing', async () => {
    const org = await organization();
    const { cookie, csrf } = await signIn(org.email);
    const title = `Bez tokenu ${Date.now().toString(36)}`;
    const withoutToken = await request('/panel/wydarzenia/nowe', { form: { ...eventForm(csrf, title), csrf: '' }, cookie });
    expect(withoutToken.status).toBe(403);
    const wrongToken = await request('/panel/wydarzenia/nowe', { form: { ...eventForm(csrf, title), csrf: `${csrf.slice(0, -2)}xx` }, cookie });
    expect(wrongToken.status).toBe(403);
    const otherSite = await request('/panel/wydarzenia/nowe', { form: eventForm(csrf, title), cookie, origin: 'https://zly.example.com' });
    expect(otherSite.status).toBe(403);
    const found = await call<{ results: unknown[] }>('GET', `/content-manager/collection-types/api::event.event?filters[title][$eq]=${encodeURIComponent(title)}`, { auth: 'admin' });
    expect(found.body.results).toEqual([]);
  });
});

describe('proposals from the panel', () => {
  it('keeps a proposed event as a draft in the editors’ queue, off the public API', async () => {
    const org = await organization();
    const { cookie, csrf } = await signIn(org.email);
    const title = `Sąsiedzkie sadzenie ${Date.now().toString(36)}`;
    const saved = await request('/panel/wydarzenia/nowe', { form: { ...eventForm(csrf, title), inUkrainian: '1', room: 'x', registrationMode: 'none', capacity: '500' }, cookie });
    expect(saved.status, /<div class="error-summary"[\s\S]*?<\/div>/.exec(saved.html)?.[0]).toBe(303);
    expect(saved.location).toBe('/panel/wydarzenia?zapisano=oczekuje');
    const drafts = await call<{ results: { documentId: string; title: string; status: string; capacity: number | null; inPolish: boolean; inUkrainian: boolean; inEnglish: boolean }[] }>('GET', `/content-manager/collection-types/api::event.event?filters[title][$eq]=${encodeURIComponent(title)}`, { auth: 'admin' });
    expect(drafts.body.results).toHaveLength(1);
    const event = drafts.body.results[0]!;
    createdEntries.push(['events', event.documentId]);
    // The organisation says which languages the event is held in.
    expect(event).toMatchObject({ inPolish: true, inUkrainian: true, inEnglish: false });
    // Only the form's fields were written: a posted capacity is ignored.
    expect(event.capacity ?? null).toBeNull();
    expect((await call('GET', `/api/events/${event.documentId}`)).status).toBe(404);
    const queue = await call<{ results: { kind: string; change: string; state: string; targetDocumentId: string; submittedBy: string }[] }>('GET', `/content-manager/collection-types/api::org-submission.org-submission?filters[targetDocumentId][$eq]=${event.documentId}`, { auth: 'admin' });
    expect(queue.body.results).toEqual([expect.objectContaining({ kind: 'event', change: 'new', state: 'pending', submittedBy: org.email })]);
    const list = await request('/panel/wydarzenia', { cookie });
    expect(list.html).toContain(title);
    expect(list.html).toContain('Czeka na zatwierdzenie');
  });

  it('shows the rules’ messages next to the fields and keeps what was typed', async () => {
    const org = await organization();
    const { cookie, csrf } = await signIn(org.email);
    const title = `Błędne ${Date.now().toString(36)}`;
    const start = inDays(20).slice(0, 16).replace(' ', 'T');
    const response = await request('/panel/wydarzenia/nowe', { form: { ...eventForm(csrf, title), description: '', endsAt: inDays(19).slice(0, 16).replace(' ', 'T'), startsAt: start }, cookie });
    expect(response.status).toBe(400);
    expect(response.html).toContain('Opis: to pole jest wymagane.');
    expect(response.html).toContain(`value="${title}"`);
    // A rule of the event's own (the end before the start) names its field like for an editor.
    const rule = await request('/panel/wydarzenia/nowe', { form: { ...eventForm(csrf, title), endsAt: inDays(19).slice(0, 16).replace(' ', 'T') }, cookie });
    expect(rule.status).toBe(400);
    expect(rule.html).toMatch(/id="pole-endsAt-error">[^<]*Koniec/);
    // An event in no language at all is refused, naming the field.
    const { inPolish: _polish, ...noLanguage } = eventForm(csrf, title);
    const languageless = await request('/panel/wydarzenia/nowe', { form: noLanguage, cookie });
    expect(languageless.status).toBe(400);
    expect(languageless.html).toMatch(/id="pole-inPolish-error">[^<]*Po polsku/);
  });

  it('leaves a published offer online as it was until the change is approved', async () => {
    const org = await organization();
    const contactEmail = nextEmail('oferty');
    const created = await call<{ data: { documentId: string } }>('POST', '/api/volunteer-offers', {
      auth: 'full',
      body: { data: { title: 'Pomoc w świetlicy', organization: org.documentId, summary: 'Odrabianie lekcji z dziećmi.', description: 'Opis.', remote: 'full', commitment: 'one_off', startsOn: inDays(12).slice(0, 10), volunteersWanted: 2, whenFilled: 'reserve', minimumAge: 18, usesPolish: true, offersInsurance: true, contactEmail } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const offerId = created.body.data.documentId;
    createdEntries.push(['volunteer-offers', offerId]);
    const { cookie, csrf } = await signIn(org.email);
    const formPage = await request(`/panel/oferty/${offerId}`, { cookie });
    expect(formPage.status).toBe(200);
    expect(formPage.html).toContain('value="Pomoc w świetlicy"');
    const fields = Object.fromEntries([...formPage.html.matchAll(/<input type="(?:text|email|number|date|url|tel)"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const saved = await request(`/panel/oferty/${offerId}`, { form: { ...fields, csrf, title: 'Pomoc w świetlicy – nowe godziny', summary: 'Odrabianie lekcji z dziećmi.', description: 'Opis.', remote: 'full', commitment: 'one_off', whenFilled: 'reserve', usesPolish: '1', offersInsurance: '1' }, cookie });
    expect(saved.status, /<div class="error-summary"[\s\S]*?<\/div>/.exec(saved.html)?.[0]).toBe(303);
    const online = await call<{ data: { title: string } }>('GET', `/api/volunteer-offers/${offerId}`);
    expect(online.body.data.title).toBe('Pomoc w świetlicy');
    const queue = await call<{ results: { change: string; state: string }[] }>('GET', `/content-manager/collection-types/api::org-submission.org-submission?filters[targetDocumentId][$eq]=${offerId}`, { auth: 'admin' });
    expect(queue.body.results).toEqual([expect.objectContaining({ change: 'edit', state: 'pending' })]);
    const list = await request('/panel/oferty', { cookie });
    expect(list.html).toContain('Opublikowane; zmiana czeka na zatwierdzenie');
  });
});

describe('answering volunteers from the panel', () => {
  it('accepts an application to the organisation’s offer, mails the volunteer as the mailed link would, and answers once', async () => {
    const org = await organization();
    const contactEmail = nextEmail('zgloszenia');
    const offer = await call<{ data: { documentId: string } }>('POST', '/api/volunteer-offers', {
      auth: 'full',
      body: { data: { title: 'Pomoc przy festynie', organization: org.documentId, summary: 'Jednodniowa pomoc.', description: 'Opis.', remote: 'full', commitment: 'one_off', startsOn: inDays(12).slice(0, 10), usesPolish: true, offersInsurance: true, volunteersWanted: 2, whenFilled: 'reserve', minimumAge: 18, contactEmail } },
    });
    expect(offer.status, JSON.stringify(offer.body)).toBe(201);
    const offerId = offer.body.data.documentId;
    createdEntries.push(['volunteer-offers', offerId]);
    const data = await applicationForm(offerId);
    expect((await apply(data)).body.result).toBe('check_email');
    const confirmMail = await mailTo(data.email!, /^Potwierdź zgłoszenie do wolontariatu/);
    expect((await postLink('confirm', { token: tokenOf(applicationLinkIn(confirmMail, 'confirm')) })).body.result).toBe('submitted');

    const { cookie, csrf } = await signIn(org.email);
    const page = await request(`/panel/oferty/${offerId}/zgloszenia`, { cookie });
    expect(page.status).toBe(200);
    expect(page.html).toContain('Anna Wolontariuszka');
    expect(page.html).toContain(data.email!);
    const applicationId = /name="application" value="(\d+)"/.exec(page.html)?.[1];
    expect(applicationId).toBeTruthy();
    const answered = await request(`/panel/oferty/${offerId}/zgloszenia`, { form: { csrf, application: applicationId!, decision: 'accept', note: 'Do zobaczenia w sobotę o 9:00.' }, cookie });
    expect(answered.status).toBe(303);
    expect(answered.location).toBe(`/panel/oferty/${offerId}/zgloszenia?zapisano=odpowiedz`);
    const accepted = await mailTo(data.email!, /^Organizacja przyjęła Twoje zgłoszenie/);
    expect(accepted.text).toContain('Do zobaczenia w sobotę o 9:00.');
    const again = await request(`/panel/oferty/${offerId}/zgloszenia`, { form: { csrf, application: applicationId!, decision: 'decline', reason: 'places_filled' }, cookie });
    expect(again.status).toBe(409);
    expect((await request(`/panel/oferty/${offerId}/zgloszenia`, { cookie })).html).toContain('przyjęte');
  });
});

describe('one organisation cannot reach another’s data', () => {
  it('answers 404 for another organisation’s event, offer and applications, by any id, and writes nothing', async () => {
    const [mine, theirs] = [await organization(), await organization()];
    const offer = await call<{ data: { documentId: string } }>('POST', '/api/volunteer-offers', {
      auth: 'full',
      body: { data: { title: 'Cudza oferta', organization: theirs.documentId, summary: 'Cudza.', description: 'Cudza.', remote: 'full', commitment: 'one_off', startsOn: inDays(12).slice(0, 10), usesPolish: true, offersInsurance: true, volunteersWanted: 1, whenFilled: 'reserve', minimumAge: 18, contactEmail: nextEmail('cudza') } },
    });
    expect(offer.status, JSON.stringify(offer.body)).toBe(201);
    const offerId = offer.body.data.documentId;
    createdEntries.push(['volunteer-offers', offerId]);
    const event = await call<{ data: { documentId: string } }>('POST', '/api/events', {
      auth: 'full',
      body: { data: { title: 'Cudze wydarzenie', description: 'Cudze.', startsAt: inDays(15), type: 'meeting', format: 'online', onlineUrl: 'https://example.org/spotkanie', organizer: theirs.documentId, registrationMode: 'none', isFree: true, eventStatus: 'scheduled', audience: 'everyone' } },
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    const eventId = event.body.data.documentId;
    createdEntries.push(['events', eventId]);

    const { cookie, csrf } = await signIn(mine.email);
    for (const path of [`/panel/oferty/${offerId}`, `/panel/oferty/${offerId}/zgloszenia`, `/panel/wydarzenia/${eventId}`, `/panel/wydarzenia/${theirs.documentId}`]) {
      const response = await request(path, { cookie });
      expect(response.status, path).toBe(404);
      expect(response.html).not.toContain('Cudz');
    }
    const writes: [string, Record<string, string>][] = [
      [`/panel/oferty/${offerId}`, { csrf, title: 'Przejęte' }],
      [`/panel/wydarzenia/${eventId}`, { ...eventForm(csrf, 'Przejęte') }],
      [`/panel/oferty/${offerId}/zgloszenia`, { csrf, application: '1', decision: 'accept' }],
    ];
    for (const [path, form] of writes) expect((await request(path, { form, cookie })).status, path).toBe(404);
    // Its own offer's page with another offer's application id: not found, nothing answered.
    const own = await call<{ data: { documentId: string } }>('POST', '/api/volunteer-offers', {
      auth: 'full',
      body: { data: { title: 'Własna oferta', organization: mine.documentId, summary: 'Własna.', description: 'Własna.', remote: 'full', commitment: 'one_off', startsOn: inDays(12).slice(0, 10), usesPolish: true, offersInsurance: true, volunteersWanted: 1, whenFilled: 'reserve', minimumAge: 18, contactEmail: nextEmail('wlasna') } },
    });
    createdEntries.push(['volunteer-offers', own.body.data.documentId]);
    const seeded = await call<{ results: { id: number; state: string }[] }>('GET', '/content-manager/collection-types/api::volunteer-application.volunteer-application?filters[state][$eq]=submitted&pageSize=1', { auth: 'admin' });
    const foreign = seeded.body.results[0]!;
    expect((await request(`/panel/oferty/${own.body.data.documentId}/zgloszenia`, { form: { csrf, application: String(foreign.id), decision: 'accept' }, cookie })).status).toBe(404);
    const after = await call<{ results: { id: number; state: string }[] }>('GET', `/content-manager/collection-types/api::volunteer-application.volunteer-application?filters[id][$eq]=${foreign.id}`, { auth: 'admin' });
    expect(after.body.results[0]!.state).toBe('submitted');
    const ownPage = await request(`/panel/oferty/${own.body.data.documentId}/zgloszenia`, { cookie });
    expect(ownPage.status).toBe(200);
    expect(ownPage.html).toContain('nie ma jeszcze potwierdzonych zgłoszeń');
    // The profile route is always one's own: a posted documentId or organisation changes nothing of theirs.
    await request('/panel/profil', { form: { csrf, description: 'Przejęty opis', documentId: theirs.documentId, organization: theirs.documentId }, cookie });
    const theirDraft = await call<{ data: { description: string } }>('GET', `/content-manager/collection-types/${ORG}/${theirs.documentId}`, { auth: 'admin' });
    expect(theirDraft.body.data.description).toBe('Grupa sąsiedzka z testu.');
    const theirOffer = await call<{ data: { title: string } }>('GET', `/content-manager/collection-types/api::volunteer-offer.volunteer-offer/${offerId}`, { auth: 'admin' });
    expect(theirOffer.body.data.title).toBe('Cudza oferta');
    const theirEvent = await call<{ data: { title: string } }>('GET', `/content-manager/collection-types/api::event.event/${eventId}`, { auth: 'admin' });
    expect(theirEvent.body.data.title).toBe('Cudze wydarzenie');
  });
});

/** A 1×1 PNG: a real image for the logo upload. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** The profile form posted as the browser posts it with a file: multipart. */
async function postProfile(cookie: string, fields: Record<string, string>, logo?: { bytes: Buffer; name: string; type: string }): Promise<{ status: number; location: string | null; html: string }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (logo) form.append('logo', new Blob([new Uint8Array(logo.bytes)], { type: logo.type }), logo.name);
  const response = await fetch(`${cms().url}/panel/profil`, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie, 'X-Forwarded-For': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` }, body: form });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

const decideOn = (id: number, body: Record<string, unknown>) => call<{ data?: unknown; error?: { message: string } }>('POST', `/admin/co/submissions/${id}/decision`, { auth: 'admin', body });
const submissionsOf = async (targetDocumentId: string) =>
  (await call<{ results: { id: number; state: string; submittedAt: string }[] }>('GET', `/content-manager/collection-types/api::org-submission.org-submission?filters[targetDocumentId][$eq]=${targetDocumentId}&sort=id:asc`, { auth: 'admin' })).body.results;

describe('profile changes, logos and the editors’ decisions', () => {
  it('takes a real image as the logo only with alt text, and refuses a file that only starts like one', async () => {
    const org = await organization();
    const { cookie, csrf } = await signIn(org.email);
    const base = { csrf, description: 'Grupa sąsiedzka z testu, z nowym logo.' };
    const withoutAlt = await postProfile(cookie, base, { bytes: PNG, name: 'logo.png', type: 'image/png' });
    expect(withoutAlt.status).toBe(400);
    expect(withoutAlt.html).toContain('Tekst alternatywny logo: opisz logo słowami');
    // "RIFF….WEBP" and then a script: the first bytes of a WebP, but no image.
    const polyglot = Buffer.from('RIFF=1;xWEBP=1;alert(document.cookie)//', 'latin1');
    const fake = await postProfile(cookie, { ...base, logoAlt: 'Logo grupy' }, { bytes: polyglot, name: 'logo.html', type: 'text/html' });
    expect(fake.status).toBe(400);
    expect(fake.html).toContain('Logo: tego pliku nie da się odczytać jako obrazu');
    const saved = await postProfile(cookie, { ...base, logoAlt: 'Logo grupy sąsiedzkiej' }, { bytes: PNG, name: 'cokolwiek.html', type: 'text/html' });
    expect(saved.status, saved.html.slice(0, 500)).toBe(303);
    const draft = await call<{ data: { logo: { name: string; mime: string; ext: string; alternativeText: string } | null } }>('GET', `/content-manager/collection-types/${ORG}/${org.documentId}`, { auth: 'admin' });
    expect(draft.body.data.logo).toMatchObject({ mime: 'image/png', ext: '.png', alternativeText: 'Logo grupy sąsiedzkiej' });
    const online = await call<{ data: { logo: unknown; description: string } }>('GET', `/api/organizations/${org.documentId}?populate=logo`);
    expect(online.body.data.logo ?? null).toBeNull();
    expect(online.body.data.description).toBe('Grupa sąsiedzka z testu.');
  });

  it('rejecting a profile change restores the published fields but keeps a person the editors removed out', async () => {
    const org = await organization();
    const person = await signIn(org.person);
    expect((await postProfile(person.cookie, { csrf: person.csrf, description: 'Opis, którego redakcja nie przyjmie.' })).status).toBe(303);
    // An editor takes the person off the profile while the change waits.
    const draft = await call<{ data: Record<string, unknown> }>('GET', `/content-manager/collection-types/${ORG}/${org.documentId}`, { auth: 'admin' });
    expect((await call('PUT', `/content-manager/collection-types/${ORG}/${org.documentId}`, { auth: 'admin', body: { ...withoutStatus(draft.body.data), panelPersons: [] } })).status).toBe(200);
    const [submission] = await submissionsOf(org.documentId);
    const rejected = await decideOn(submission!.id, { decision: 'reject', reason: 'not_enough_information', text: 'Prosimy o dłuższy opis.' });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const after = await call<{ data: { description: string; panelPersons: unknown[] } }>('GET', `/content-manager/collection-types/${ORG}/${org.documentId}`, { auth: 'admin' });
    expect(after.body.data.description).toBe('Grupa sąsiedzka z testu.');
    expect(after.body.data.panelPersons).toEqual([]);
    expect((await request('/panel/', { cookie: person.cookie })).location).toBe(`${cms().siteUrl}/dla-organizacji/sesja-wygasla/`);
  });

  it('refuses a decision on a version the editor did not see', async () => {
    const org = await organization();
    const { cookie, csrf } = await signIn(org.email);
    const title = `Dwie wersje ${Date.now().toString(36)}`;
    expect((await request('/panel/wydarzenia/nowe', { form: eventForm(csrf, title), cookie })).status).toBe(303);
    const found = await call<{ results: { documentId: string }[] }>('GET', `/content-manager/collection-types/api::event.event?filters[title][$eq]=${encodeURIComponent(title)}`, { auth: 'admin' });
    const eventId = found.body.results[0]!.documentId;
    createdEntries.push(['events', eventId]);
    const [seen] = await submissionsOf(eventId);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The organisation saves again after the editor opened the first version.
    expect((await request(`/panel/wydarzenia/${eventId}`, { form: eventForm(csrf, `${title} – reklama`), cookie })).status).toBe(303);
    const stale = await decideOn(seen!.id, { decision: 'approve', seen: seen!.submittedAt });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.message).toContain('zmieniła to zgłoszenie');
    expect((await call('GET', `/api/events/${eventId}`)).status).toBe(404);
    const [current] = await submissionsOf(eventId);
    expect((await decideOn(current!.id, { decision: 'approve', seen: current!.submittedAt })).status).toBe(200);
  });

  it('does not publish a proposal of an organisation taken out of the directory since', async () => {
    const org = await organization();
    const { cookie, csrf } = await signIn(org.email);
    const title = `Po wycofaniu ${Date.now().toString(36)}`;
    expect((await request('/panel/wydarzenia/nowe', { form: eventForm(csrf, title), cookie })).status).toBe(303);
    const found = await call<{ results: { documentId: string }[] }>('GET', `/content-manager/collection-types/api::event.event?filters[title][$eq]=${encodeURIComponent(title)}`, { auth: 'admin' });
    const eventId = found.body.results[0]!.documentId;
    createdEntries.push(['events', eventId]);
    expect((await call('POST', `/content-manager/collection-types/${ORG}/${org.documentId}/actions/unpublish`, { auth: 'admin', body: {} })).status).toBe(200);
    const [submission] = await submissionsOf(eventId);
    const refused = await decideOn(submission!.id, { decision: 'approve' });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toContain('nie ma już w katalogu');
    expect((await call('GET', `/api/events/${eventId}`)).status).toBe(404);
  });

  it('publishes a trusted organisation’s change at once and shows the editors what it changed', async () => {
    const org = await organization();
    const draft = await call<{ data: Record<string, unknown> }>('GET', `/content-manager/collection-types/${ORG}/${org.documentId}`, { auth: 'admin' });
    expect((await call('PUT', `/content-manager/collection-types/${ORG}/${org.documentId}`, { auth: 'admin', body: { ...withoutStatus(draft.body.data), trusted: true } })).status).toBe(200);
    const { cookie, csrf } = await signIn(org.email);
    const saved = await postProfile(cookie, { csrf, description: 'Opis zaufanej grupy, od razu na stronie.' });
    expect(saved.location).toBe('/panel/profil?zapisano=opublikowano');
    const online = await call<{ data: { description: string } }>('GET', `/api/organizations/${org.documentId}`);
    expect(online.body.data.description).toBe('Opis zaufanej grupy, od razu na stronie.');
    const [submission] = await submissionsOf(org.documentId);
    expect(submission!.state).toBe('published_trusted');
    const detail = await call<{ data: { changes: { field: string; before: string; after: string }[] } }>('GET', `/admin/co/submissions/${submission!.id}`, { auth: 'admin' });
    expect(detail.body.data.changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'description', before: 'Grupa sąsiedzka z testu.', after: 'Opis zaufanej grupy, od razu na stronie.' })]));
  });
});

describe('erasure of decided submissions', () => {
  it('forgets who sent a decided proposal and a join request’s contact person a year after the decision, and keeps the rows', async () => {
    const org = await organization();
    const { cookie, csrf } = await signIn(org.person);
    const title = `Do zapomnienia ${Date.now().toString(36)}`;
    expect((await request('/panel/wydarzenia/nowe', { form: eventForm(csrf, title), cookie })).status).toBe(303);
    const found = await call<{ results: { documentId: string }[] }>('GET', `/content-manager/collection-types/api::event.event?filters[title][$eq]=${encodeURIComponent(title)}`, { auth: 'admin' });
    const eventId = found.body.results[0]!.documentId;
    createdEntries.push(['events', eventId]);
    const [proposal] = await submissionsOf(eventId);
    expect((await decideOn(proposal!.id, { decision: 'reject', reason: 'duplicate' })).status).toBe(200);
    const joinRow = await call<{ data: { id: number; documentId: string } }>('POST', '/content-manager/collection-types/api::org-submission.org-submission', {
      auth: 'admin',
      body: { kind: 'join', change: 'new', state: 'rejected', title: 'Grupa do zapomnienia', organizationName: 'Grupa do zapomnienia', submittedBy: 'jan.prosba@example.org', submittedAt: new Date().toISOString(), decidedAt: new Date().toISOString(), reason: 'out_of_scope', joinRequest: { name: 'Grupa do zapomnienia', legalForm: 'informal_group', contactName: 'Jan Prośba', contactEmail: 'jan.prosba@example.org', contactPhone: '600 000 000' } },
    });
    expect(joinRow.status, JSON.stringify(joinRow.body)).toBe(201);

    const tick = async (at: Date) => JSON.parse((await runCmsScript('registrations-tick', ['--now', at.toISOString()], { env: cms().env, capture: true })).trim().split('\n').at(-1)!) as { submissionsErased: number };
    const inMonths = (months: number) => new Date(Date.now() + months * 31 * 86_400_000);
    await tick(inMonths(11));
    const kept = await call<{ results: { submittedBy: string | null }[] }>('GET', `/content-manager/collection-types/api::org-submission.org-submission?filters[targetDocumentId][$eq]=${eventId}`, { auth: 'admin' });
    expect(kept.body.results[0]!.submittedBy).toBe(org.person);

    expect((await tick(inMonths(13))).submissionsErased).toBeGreaterThanOrEqual(2);
    const erased = await call<{ results: { state: string; title: string; submittedBy: string | null; reason: string }[] }>('GET', `/content-manager/collection-types/api::org-submission.org-submission?filters[targetDocumentId][$eq]=${eventId}`, { auth: 'admin' });
    expect(erased.body.results[0]).toMatchObject({ state: 'rejected', title, submittedBy: null, reason: 'duplicate' });
    const join = await call<{ data: { state: string; submittedBy: string | null; joinRequest: unknown } }>('GET', `/content-manager/collection-types/api::org-submission.org-submission/${joinRow.body.data.documentId}`, { auth: 'admin' });
    expect(join.body.data).toMatchObject({ state: 'rejected', submittedBy: null, joinRequest: { name: 'Grupa do zapomnienia', legalForm: 'informal_group' } });
    expect(JSON.stringify(join.body.data)).not.toContain('Prośba');
    expect((await tick(inMonths(14))).submissionsErased).toBe(0);
  });
});
