import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCmsScript } from '../../scripts/lib/cms.ts';
import { adminToken, call, cms, inDays } from './client.ts';
import { deleteCreatedEvents, mails, mailTo, nextEmail } from './signups.ts';
import { createOffer, deleteCreatedOffers } from './volunteering.ts';

// "Zgłoszenia", the editors' side of the organisations' panel, against the real CMS and SMTP
// catcher: a proposal is the draft of its entry plus an org-submission row (written here through
// the admin's content-manager API, as the panel writes them through the Document Service), and the
// editor decides through the admin routes the "Zgłoszenia" page calls.

deleteCreatedEvents();
deleteCreatedOffers();

const SUBMISSION = 'api::org-submission.org-submission';
const EVENT = 'api::event.event';
const OFFER = 'api::volunteer-offer.volunteer-offer';
const ORGANIZATION = 'api::organization.organization';

interface Submission {
  id: number;
  state: string;
  title: string;
  targetDocumentId: string | null;
  reason: string | null;
  reasonText: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
}

interface ErrorBody {
  error: { status: number; message: string; details?: { errors?: { path: string[]; message: string }[] } };
}

/** Every webhook call the CMS made while this file ran (the port the rebuild service would listen on). */
const webhooks: { event?: string; uid?: string; entry?: { documentId?: string } | null }[] = [];
let closeWebhooks: () => Promise<void> = async () => {};

beforeAll(async () => {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        webhooks.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as (typeof webhooks)[number]);
      } catch {
        // not JSON: not a webhook of interest
      }
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(cms().rebuildPort, '127.0.0.1', resolve));
  closeWebhooks = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
});

const createdOrganizations: string[] = [];
afterAll(async () => {
  await closeWebhooks();
  for (const id of createdOrganizations.splice(0)) await call('DELETE', `/content-manager/collection-types/${ORGANIZATION}/${id}`, { auth: 'admin' });
});

let organization: { documentId: string; name: string } | null = null;
async function anOrganization(): Promise<{ documentId: string; name: string }> {
  organization ??= (await call<{ data: { documentId: string; name: string }[] }>('GET', '/api/organizations?pagination[pageSize]=1&sort=id:asc')).body.data[0]!;
  return organization;
}

/** A published organisation of the test's own, so its counters start at zero. */
async function newOrganization(): Promise<{ documentId: string; name: string }> {
  const name = `Grupa testowa ${Date.now().toString(36)}`;
  const response = await call<{ data: { documentId: string; name: string } }>('POST', '/api/organizations', { auth: 'full', body: { data: { name, legalForm: 'informal_group', description: 'Grupa z testu moderacji.' } } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  createdOrganizations.push(response.body.data.documentId);
  return response.body.data;
}

/** A new event as an organisation proposes it: a draft only. */
async function draftEvent(organizer: string, title = `Warsztaty organizacji ${Date.now().toString(36)}`): Promise<{ documentId: string; title: string }> {
  const response = await call<{ data: { documentId: string } }>('POST', '/api/events?status=draft', {
    auth: 'full',
    body: { data: { title, description: 'Propozycja z panelu organizacji.', startsAt: inDays(12, 9), endsAt: inDays(12, 11), type: 'meeting', format: 'online', onlineUrl: 'https://meet.example.org/org', audience: 'everyone', eventStatus: 'scheduled', registrationMode: 'none', organizer } },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { documentId: response.body.data.documentId, title };
}

/** The queue row, as the panel records a proposal. */
async function submit(fields: Record<string, unknown>): Promise<Submission> {
  const org = await anOrganization();
  const response = await call<{ data: Submission }>('POST', `/content-manager/collection-types/${SUBMISSION}`, {
    auth: 'admin',
    body: { change: 'new', state: 'pending', organizationDocumentId: org.documentId, organizationName: org.name, submittedBy: nextEmail('organizacja'), submittedAt: new Date().toISOString(), ...fields },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.data;
}

const submitterOf = async (id: number): Promise<string> => (await call<{ data: { submittedBy: string } }>('GET', `/content-manager/collection-types/${SUBMISSION}/${(await cmSubmission(id)).documentId}`, { auth: 'admin' })).body.data.submittedBy;

async function cmSubmission(id: number): Promise<Submission & { documentId: string; submittedBy: string }> {
  const { body } = await call<{ results: (Submission & { documentId: string; submittedBy: string })[] }>('GET', `/content-manager/collection-types/${SUBMISSION}?filters[id][$eq]=${id}`, { auth: 'admin' });
  return body.results[0]!;
}

const decide = async (id: number, body: Record<string, unknown>, token?: string) =>
  fetch(`${cms().url}/admin/co/submissions/${id}/decision`, { method: 'POST', headers: { Authorization: `Bearer ${token ?? (await adminToken())}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(async (response) => ({ status: response.status, body: (await response.json()) as { data: { submission: Submission; mailed: boolean } } & ErrorBody }));

const detail = (id: number) => call<{ data: { changes: { field: string; label: string; before: string; after: string }[] | null; join: { field: string; value: string }[] | null; hasPublishedVersion: boolean } }>('GET', `/admin/co/submissions/${id}`, { auth: 'admin' });

const draftOf = async (uid: string, documentId: string) => (await call<{ data: Record<string, unknown> }>('GET', `/content-manager/collection-types/${uid}/${documentId}`, { auth: 'admin' })).body.data;

async function webhookFor(event: string, uid: string, documentId: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!webhooks.some((hook) => hook.event === event && hook.uid === uid && hook.entry?.documentId === documentId)) {
    if (Date.now() > deadline) throw new Error(`No ${event} webhook for ${uid} ${documentId}; got ${webhooks.map((hook) => `${hook.event} ${hook.uid}`).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('approving a proposal', () => {
  it('publishes a new event, which fires the rebuild webhook and mails the submitter its address on the site', async () => {
    const org = await anOrganization();
    const event = await draftEvent(org.documentId);
    const submission = await submit({ kind: 'event', title: event.title, targetDocumentId: event.documentId });
    expect((await call('GET', `/api/events/${event.documentId}`)).status).toBe(404);

    const list = await call<{ data: { waiting: Submission[] }; meta: { pending: number } }>('GET', '/admin/co/submissions', { auth: 'admin' });
    expect(list.status).toBe(200);
    expect(list.body.data.waiting.map((s) => s.id)).toContain(submission.id);
    expect(list.body.meta.pending).toBeGreaterThanOrEqual(1);
    const shown = await detail(submission.id);
    expect(shown.body.data.hasPublishedVersion).toBe(false);
    expect(shown.body.data.changes).toEqual(expect.arrayContaining([{ field: 'title', label: 'Tytuł', before: '', after: event.title }, { field: 'organizer', label: 'Organizator', before: '', after: org.name }]));

    const approved = await decide(submission.id, { decision: 'approve' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.data).toMatchObject({ submission: { state: 'approved', decidedBy: 'Redakcja Testowa' }, mailed: true });
    const online = await call<{ data: { slug: string; title: string } }>('GET', `/api/events/${event.documentId}`);
    expect(online.status).toBe(200);
    await webhookFor('entry.publish', EVENT, event.documentId);
    const mail = await mailTo(await submitterOf(submission.id), /^Opublikowane:/);
    expect(mail.text).toContain(`${cms().siteUrl}/wydarzenia/${online.body.data.slug}/`);
    await call('DELETE', `/content-manager/collection-types/${EVENT}/${event.documentId}`, { auth: 'admin' });
  });

  it('keeps the published offer online as it was until an edit is approved', async () => {
    const offer = await createOffer();
    const before = (await call<{ data: { title: string } }>('GET', `/api/volunteer-offers/${offer.documentId}`)).body.data.title;
    const edited = `${before} – zmienione`;
    expect((await call('PUT', `/content-manager/collection-types/${OFFER}/${offer.documentId}`, { auth: 'admin', body: { title: edited, volunteersWanted: 5 } })).status).toBe(200);
    const submission = await submit({ kind: 'volunteer_offer', change: 'edit', title: edited, targetDocumentId: offer.documentId });

    expect((await call<{ data: { title: string; volunteersWanted: number } }>('GET', `/api/volunteer-offers/${offer.documentId}`)).body.data).toMatchObject({ title: before, volunteersWanted: 3 });
    expect((await detail(submission.id)).body.data.changes).toEqual([
      { field: 'title', label: 'Tytuł', before, after: edited },
      { field: 'volunteersWanted', label: 'Liczba wolontariuszy', before: '3', after: '5' },
    ]);

    expect((await decide(submission.id, { decision: 'approve' })).status).toBe(200);
    expect((await call<{ data: { title: string; volunteersWanted: number } }>('GET', `/api/volunteer-offers/${offer.documentId}`)).body.data).toMatchObject({ title: edited, volunteersWanted: 5 });
    expect((await mailTo(await submitterOf(submission.id), /^Opublikowane:/)).text).toContain(`/wolontariat/${offer.slug}/`);
  });

  it('changes nothing when asked to decide twice, and says what was decided', async () => {
    const event = await draftEvent((await anOrganization()).documentId);
    const submission = await submit({ kind: 'event', title: event.title, targetDocumentId: event.documentId });
    expect((await decide(submission.id, { decision: 'approve' })).status).toBe(200);
    const first = await cmSubmission(submission.id);
    for (const body of [{ decision: 'approve' }, { decision: 'reject', reason: 'duplicate' }, { decision: 'spam' }, { decision: 'reviewed' }]) {
      const again = await decide(submission.id, body);
      expect(again.status, JSON.stringify(body)).toBe(409);
      expect(again.body.error.message).toMatch(/Nic nie zmieniono|czeka na decyzję|już rozpatrzone/);
    }
    expect(await cmSubmission(submission.id)).toMatchObject({ state: 'approved', decidedAt: first.decidedAt, reason: null });
    expect((await call('GET', `/api/events/${event.documentId}`)).status).toBe(200);
    await call('DELETE', `/content-manager/collection-types/${EVENT}/${event.documentId}`, { auth: 'admin' });
  });
});

describe('rejecting and spam', () => {
  it('mails the submitter the title, reason and text, and discards an edit so the draft again equals what is online', async () => {
    const offer = await createOffer();
    const online = (await call<{ data: { title: string } }>('GET', `/api/volunteer-offers/${offer.documentId}`)).body.data.title;
    await call('PUT', `/content-manager/collection-types/${OFFER}/${offer.documentId}`, { auth: 'admin', body: { title: 'Kup nasz kurs!' } });
    const submission = await submit({ kind: 'volunteer_offer', change: 'edit', title: 'Kup nasz kurs!', targetDocumentId: offer.documentId });

    const refused = await decide(submission.id, { decision: 'reject', reason: 'other', text: '' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details?.errors?.[0]?.path).toEqual(['text']);
    expect((await cmSubmission(submission.id)).state).toBe('pending');

    const rejected = await decide(submission.id, { decision: 'reject', reason: 'advertisement', text: 'Oferta wolontariatu nie może sprzedawać kursów.' });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body.data.submission).toMatchObject({ state: 'rejected', reason: 'advertisement', reasonText: 'Oferta wolontariatu nie może sprzedawać kursów.' });
    const mail = await mailTo(await submitterOf(submission.id), /^Zgłoszenie nieprzyjęte: Kup nasz kurs!/);
    expect(mail.text).toContain('Powód: Reklama komercyjna');
    expect(mail.text).toContain('Wyjaśnienie redakcji: Oferta wolontariatu nie może sprzedawać kursów.');
    expect((await draftOf(OFFER, offer.documentId)).title).toBe(online);
    expect((await call<{ data: { title: string } }>('GET', `/api/volunteer-offers/${offer.documentId}`)).body.data.title).toBe(online);
  });

  it('keeps a rejected new entry’s draft so the organisation can fix it', async () => {
    const event = await draftEvent((await anOrganization()).documentId);
    const submission = await submit({ kind: 'event', title: event.title, targetDocumentId: event.documentId });
    expect((await decide(submission.id, { decision: 'reject', reason: 'not_enough_information' })).status).toBe(200);
    expect((await draftOf(EVENT, event.documentId)).title).toBe(event.title);
    expect((await call('GET', `/api/events/${event.documentId}`)).status).toBe(404);
    await call('DELETE', `/content-manager/collection-types/${EVENT}/${event.documentId}`, { auth: 'admin' });
  });

  it('sends no mail for spam, deletes a new entry, discards an edit and counts both on the organisation', async () => {
    const org = await newOrganization();
    const event = await draftEvent(org.documentId);
    const first = await submit({ kind: 'event', title: event.title, targetDocumentId: event.documentId, organizationDocumentId: org.documentId, organizationName: org.name });
    const spam = await decide(first.id, { decision: 'spam' });
    expect(spam.status, JSON.stringify(spam.body)).toBe(200);
    expect(spam.body.data.mailed).toBe(false);
    expect((await call('GET', `/content-manager/collection-types/${EVENT}/${event.documentId}`, { auth: 'admin' })).status).toBe(404);

    const offer = await createOffer({ organization: org.documentId });
    await call('PUT', `/content-manager/collection-types/${OFFER}/${offer.documentId}`, { auth: 'admin', body: { title: 'Tanie kredyty' } });
    const second = await submit({ kind: 'volunteer_offer', change: 'edit', title: 'Tanie kredyty', targetDocumentId: offer.documentId, organizationDocumentId: org.documentId, organizationName: org.name });
    expect((await decide(second.id, { decision: 'spam' })).status).toBe(200);
    expect((await draftOf(OFFER, offer.documentId)).title).not.toBe('Tanie kredyty');

    expect((await draftOf(ORGANIZATION, org.documentId)).spamCount).toBe(2);
    const published = await call<{ data: { spamCount: number } }>('GET', `/content-manager/collection-types/${ORGANIZATION}/${org.documentId}?status=published`, { auth: 'admin' });
    expect(published.body.data.spamCount).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const submitters = await Promise.all([first.id, second.id].map(submitterOf));
    expect((await mails()).filter((mail) => submitters.some((address) => mail.to.includes(address)))).toEqual([]);
  });
});

describe('who may decide', () => {
  it('refuses an editor who may not edit submissions', async () => {
    const role = await call<{ data: { id: number } }>('POST', '/admin/roles', { auth: 'admin', body: { name: `Podgląd zgłoszeń ${Date.now().toString(36)}`, description: 'Tylko do odczytu' } });
    expect(role.status, JSON.stringify(role.body)).toBe(201);
    const permissions = await call('PUT', `/admin/roles/${role.body.data.id}/permissions`, {
      auth: 'admin',
      body: { permissions: [{ action: 'plugin::content-manager.explorer.read', subject: SUBMISSION, properties: { fields: ['title', 'state'] }, conditions: [] }] },
    });
    expect(permissions.status, JSON.stringify(permissions.body)).toBe(200);
    const email = nextEmail('redaktorka');
    const user = await call<{ data: { registrationToken: string } }>('POST', '/admin/users', { auth: 'admin', body: { firstname: 'Ola', lastname: 'Podgląd', email, roles: [role.body.data.id] } });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    const registered = await fetch(`${cms().url}/admin/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ registrationToken: user.body.data.registrationToken, userInfo: { firstname: 'Ola', lastname: 'Podgląd', password: 'Testowe-Haslo-456' } }),
    });
    expect(registered.status).toBe(200);
    const token = ((await registered.json()) as { data: { token: string } }).data.token;

    const event = await draftEvent((await anOrganization()).documentId);
    const submission = await submit({ kind: 'event', title: event.title, targetDocumentId: event.documentId });
    expect((await fetch(`${cms().url}/admin/co/submissions`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(403);
    const refused = await decide(submission.id, { decision: 'approve' }, token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Brak uprawnień/);
    expect((await cmSubmission(submission.id)).state).toBe('pending');
    expect((await call('GET', `/api/events/${event.documentId}`)).status).toBe(404);
    expect((await fetch(`${cms().url}/admin/co/submissions`)).status).toBe(401);
    expect((await decide(submission.id, { decision: 'spam' })).status).toBe(200);
  });
});

describe('joining the directory', () => {
  const request = (fields: Record<string, string>) => ({
    name: `Stowarzyszenie Nowe ${Date.now().toString(36)}`,
    legalForm: 'ordinary_association',
    krs: '',
    nip: '',
    regon: '',
    shortDescription: 'Sąsiedzi z Krowodrzy.',
    description: 'Sprzątamy skwery i prowadzimy bibliotekę sąsiedzką.',
    website: 'https://nowe.example.org',
    email: 'kontakt@nowe.example.org',
    phone: '',
    district: 'krowodrza',
    contactName: 'Ewa Nowak',
    contactEmail: nextEmail('ewa'),
    contactPhone: '',
    consentVersion: 'dolacz-2026-01',
    ...fields,
  });

  it('shows the rules’ refusal of the new organisation and creates nothing', async () => {
    const joinRequest = request({ legalForm: 'foundation' });
    const submission = await submit({ kind: 'join', title: joinRequest.name, organizationDocumentId: null, organizationName: null, submittedBy: joinRequest.contactEmail, joinRequest });
    const refused = await decide(submission.id, { decision: 'approve' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(refused.body.error.message).toMatch(/^Nie można opublikować: .*KRS/);
    expect(refused.body.error.details?.errors?.map((e) => e.path.join('.'))).toContain('krs');
    expect(await cmSubmission(submission.id)).toMatchObject({ state: 'pending', targetDocumentId: null });
    const named = await call<{ results: unknown[] }>('GET', `/content-manager/collection-types/${ORGANIZATION}?filters[name][$eq]=${encodeURIComponent(joinRequest.name)}`, { auth: 'admin' });
    expect(named.body.results).toEqual([]);
    expect((await decide(submission.id, { decision: 'reject', reason: 'not_enough_information', text: 'Podajcie numer KRS fundacji.' })).status).toBe(200);
    expect((await mailTo(joinRequest.contactEmail, /^Prośba o dołączenie do katalogu/)).text).toContain('Podajcie numer KRS fundacji.');
  });

  it('creates a published organisation with the contact person allowed into the panel', async () => {
    const joinRequest = request({});
    const submission = await submit({ kind: 'join', title: joinRequest.name, organizationDocumentId: null, organizationName: null, submittedBy: joinRequest.contactEmail, joinRequest });
    expect((await detail(submission.id)).body.data.join).toEqual(expect.arrayContaining([{ field: 'contactName', label: 'Osoba kontaktowa', value: 'Ewa Nowak' }]));

    const approved = await decide(submission.id, { decision: 'approve' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const documentId = approved.body.data.submission.targetDocumentId!;
    createdOrganizations.push(documentId);
    const online = await call<{ data: { name: string; slug: string; district: string } }>('GET', `/api/organizations/${documentId}`);
    expect(online.status).toBe(200);
    expect(online.body.data).toMatchObject({ name: joinRequest.name, district: 'krowodrza' });
    expect((await draftOf(ORGANIZATION, documentId)).panelPersons).toEqual([expect.objectContaining({ name: 'Ewa Nowak', email: joinRequest.contactEmail })]);
    const mail = await mailTo(joinRequest.contactEmail, /^Witamy w katalogu organizacji/);
    expect(mail.text).toContain(`${cms().siteUrl}/dla-organizacji/`);
    expect(mail.text).toContain(`${cms().siteUrl}/organizacje/${online.body.data.slug}/`);
  });
});

describe('the editors’ digest', () => {
  const tick = async (now: Date): Promise<number> => {
    const output = await runCmsScript('registrations-tick', ['--now', now.toISOString()], { env: cms().env, capture: true });
    return (JSON.parse(output.trim().split('\n').at(-1)!) as { moderationDigestsSent: number }).moderationDigestsSent;
  };
  const digests = async () => (await mails()).filter((mail) => mail.to.includes('redakcja@co.example.pl') && /^Zgłoszenia organizacji/.test(mail.subject));

  it('mails once what waits, and not again until something new waits and a period has passed', async () => {
    const start = await digests();
    const event = await draftEvent((await anOrganization()).documentId);
    const first = await submit({ kind: 'event', title: event.title, targetDocumentId: event.documentId });
    // Other files' timed runs (on clocks of their own, some days ahead) may have sent a digest
    // already: this test's clock starts a period after the latest one.
    const latest = await call<{ results: { digestedAt: string }[] }>('GET', `/content-manager/collection-types/${SUBMISSION}?filters[digestedAt][$notNull]=true&sort=digestedAt:desc&pageSize=1`, { auth: 'admin' });
    const lastDigest = latest.body.results[0] ? new Date(latest.body.results[0].digestedAt).getTime() : 0;
    const now = Math.max(Date.now(), lastDigest + 25 * 3_600_000);

    expect(await tick(new Date(now))).toBeGreaterThanOrEqual(1);
    const sent = await digests();
    expect(sent.length).toBe(start.length + 1);
    expect(sent.at(-1)!.text).toContain(`„${event.title}” – ${(await anOrganization()).name}, czeka`);
    expect(await tick(new Date(now + 30 * 3_600_000))).toBe(0);

    const second = await draftEvent((await anOrganization()).documentId);
    const next = await submit({ kind: 'event', title: second.title, targetDocumentId: second.documentId });
    expect(await tick(new Date(now + 2 * 3_600_000))).toBe(0);
    expect(await tick(new Date(now + 25 * 3_600_000))).toBeGreaterThanOrEqual(1);
    const later = await digests();
    expect(later.length).toBe(start.length + 2);
    expect(later.at(-1)!.text).toContain(`„${second.title}”`);
    expect(later.at(-1)!.text).toContain(`„${event.title}”`);

    for (const submission of [first, next]) expect((await decide(submission.id, { decision: 'spam' })).status).toBe(200);
  });
});
