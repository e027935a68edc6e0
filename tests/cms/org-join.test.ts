import { afterAll, describe, expect, it } from 'vitest';
import { call, cms, listAll } from './client.ts';
import { consentVersion, mails, mailTo, nextEmail, post } from './signups.ts';

// "Poproś o dołączenie" against the real CMS and SMTP catcher: the request stored for the editors
// as a pending org-submission with the whitelisted fields only, the receipt, refusals naming their
// field, the honeypot, repeats, and that the public reads none of it.

const SUBMISSIONS = '/content-manager/collection-types/api::org-submission.org-submission';

interface Answer {
  result: string;
  message: string;
  field?: string;
}

interface StoredSubmission {
  documentId: string;
  kind: string;
  change: string;
  state: string;
  title: string;
  organizationName: string | null;
  submittedBy: string | null;
  submittedAt: string;
  organizationDocumentId: string | null;
  targetDocumentId: string | null;
  joinRequest: Record<string, unknown> | null;
}

/** The join requests a contact address sent, as an editor sees them (the admin's content-manager API). */
async function requestsFrom(contactEmail: string): Promise<StoredSubmission[]> {
  const query = new URLSearchParams({ 'filters[submittedBy][$eq]': contactEmail, pageSize: '100', sort: 'id:asc' });
  const { status, body } = await call<{ results: StoredSubmission[] }>('GET', `${SUBMISSIONS}?${query}`, { auth: 'admin' });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.results;
}

const stored: string[] = [];
afterAll(async () => {
  for (const documentId of stored.splice(0)) await call('DELETE', `${SUBMISSIONS}/${documentId}`, { auth: 'admin' });
});
const remember = (rows: StoredSubmission[]): StoredSubmission[] => {
  stored.push(...rows.map((row) => row.documentId));
  return rows;
};

// Registry numbers with valid checksums, fresh per test file run so that a repeat is only what a test makes one.
let counter = Date.now() % 100_000;
function freshNip(): string {
  for (;;) {
    counter += 1;
    const first9 = `9${String(counter).padStart(8, '0')}`;
    const control = [6, 5, 7, 2, 3, 4, 5, 6, 7].reduce((sum, weight, i) => sum + weight * Number(first9[i]), 0) % 11;
    if (control !== 10) return `${first9}${control}`;
  }
}
const freshKrs = (): string => `00009${String((counter += 1) % 100_000).padStart(5, '0')}`;

/** The form as an organisation fills it in, with the consent version the page shows now. */
async function joinForm(fields: Record<string, string> = {}): Promise<Record<string, string>> {
  const id = Date.now().toString(36) + String((counter += 1));
  return {
    name: `Fundacja Testowa ${id}`,
    legalForm: 'foundation',
    krs: freshKrs(),
    nip: freshNip(),
    regon: '',
    shortDescription: 'Fundacja z testu: pomoc sąsiedzka i zajęcia dla seniorów w Krowodrzy.',
    homepage: 'https://fundacja-testowa.example.org',
    email: nextEmail('biuro'),
    phone: '12 345 67 89',
    district: 'krowodrza',
    contactName: 'Anna Testowa',
    contactEmail: nextEmail('kontakt'),
    contactPhone: '',
    consent: 'tak',
    consentVersion: await consentVersion('org-join'),
    website: '',
    ...fields,
  };
}

async function askToJoin(fields: Record<string, string>): Promise<{ status: number; body: Answer }> {
  const response = await post('/api/org-join-requests', fields);
  return { status: response.status, body: (await response.json()) as Answer };
}

describe('asking to join the directory', () => {
  it('stores one pending join request with the whitelisted fields only, and mails the contact person a receipt', async () => {
    const form = await joinForm({ nip: `PL ${freshNip()}`, state: 'approved', kind: 'profile', trusted: 'true', organizationDocumentId: 'podrzucony1234', publishedAt: '2020-01-01' });
    expect(await askToJoin(form)).toEqual({ status: 202, body: expect.objectContaining({ result: 'join_received' }) });

    const [request, ...more] = remember(await requestsFrom(form.contactEmail!));
    expect(more).toEqual([]);
    expect(request).toMatchObject({ kind: 'join', change: 'new', state: 'pending', title: form.name, organizationName: form.name, submittedBy: form.contactEmail, organizationDocumentId: null, targetDocumentId: null });
    expect(Date.now() - Date.parse(request!.submittedAt)).toBeLessThan(60_000);
    expect(request!.joinRequest).toEqual({
      name: form.name,
      legalForm: 'foundation',
      krs: form.krs,
      nip: form.nip!.replace(/\D/g, ''),
      regon: '',
      shortDescription: form.shortDescription,
      description: form.shortDescription,
      website: 'https://fundacja-testowa.example.org',
      email: form.email,
      phone: '12 345 67 89',
      district: 'krowodrza',
      contactName: 'Anna Testowa',
      contactEmail: form.contactEmail,
      contactPhone: '',
      consentVersion: form.consentVersion,
    });

    const receipt = await mailTo(form.contactEmail!, /^Prośba o dołączenie do katalogu: Fundacja Testowa/);
    expect(receipt.text).toContain('Dzień dobry, Anna Testowa!');
    expect(receipt.text).toContain(`KRS: ${form.krs}`);
    expect(receipt.text).toContain(`${cms().siteUrl}/dla-organizacji/`);
    // Only the contact person hears of it; the organisation's address is not confirmed by anyone yet.
    expect((await mails()).some((mail) => mail.to.includes(form.email!))).toBe(false);
  });

  it('redirects a browser form to the result page on the site', async () => {
    const form = await joinForm();
    const response = await post('/api/org-join-requests', form, { asForm: true });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${cms().siteUrl}/dla-organizacji/prosba-wyslana/`);
    remember(await requestsFrom(form.contactEmail!));
    const wrong = await post('/api/org-join-requests', await joinForm({ email: 'biuro@fundacja' }), { asForm: true });
    expect(wrong.headers.get('location')).toBe(`${cms().siteUrl}/dla-organizacji/popraw-e-mail-organizacji/`);
  });

  it('refuses a NIP with a wrong checksum, naming the field, and stores nothing', async () => {
    const nip = freshNip();
    const form = await joinForm({ nip: `${nip.slice(0, 9)}${(Number(nip[9]) + 1) % 10}` });
    expect(await askToJoin(form)).toEqual({ status: 400, body: expect.objectContaining({ result: 'invalid_nip', field: 'nip', message: expect.stringContaining('NIP') }) });
    expect(await requestsFrom(form.contactEmail!)).toEqual([]);
  });

  it('refuses a foundation without its KRS number and a stale consent version, each naming its field', async () => {
    const noKrs = await joinForm({ krs: '' });
    expect((await askToJoin(noKrs)).body).toMatchObject({ result: 'missing_krs', field: 'krs' });
    const stale = await joinForm({ consentVersion: 'dolaczenie-2020-01' });
    expect((await askToJoin(stale)).body).toMatchObject({ result: 'invalid_consent_version', field: 'consentVersion' });
    expect([...(await requestsFrom(noKrs.contactEmail!)), ...(await requestsFrom(stale.contactEmail!))]).toEqual([]);
  });

  it('answers a filled honeypot like a success, and stores and mails nothing', async () => {
    const bot = await joinForm({ website: 'https://spam.example' });
    expect(await askToJoin(bot)).toEqual({ status: 202, body: expect.objectContaining({ result: 'join_received' }) });
    // A person's request sent after it is mailed; by then the bot's would have been too.
    const person = await joinForm();
    await askToJoin(person);
    remember(await requestsFrom(person.contactEmail!));
    await mailTo(person.contactEmail!, /^Prośba o dołączenie/);
    expect(await requestsFrom(bot.contactEmail!)).toEqual([]);
    expect((await mails()).some((mail) => mail.to.includes(bot.contactEmail!))).toBe(false);
  });

  it('stores no second request for an organisation already asking or already in the directory, answering and mailing as for a new one', async () => {
    const first = await joinForm();
    await askToJoin(first);
    expect(remember(await requestsFrom(first.contactEmail!))).toHaveLength(1);

    // The same NIP, the same KRS, or the same address (in other letters), from other people.
    const repeats = [
      await joinForm({ nip: first.nip! }),
      await joinForm({ krs: first.krs! }),
      await joinForm({ email: first.email!.toUpperCase() }),
    ];
    // An organisation in the directory, known by its published address.
    const [listed] = await listAll<{ email: string | null }>('organizations', 'filters[email][$notNull]=true');
    expect(listed?.email, 'a seeded organisation with an address').toBeTruthy();
    repeats.push(await joinForm({ email: listed!.email!.toUpperCase() }));

    for (const repeat of repeats) {
      expect(await askToJoin(repeat)).toEqual({ status: 202, body: expect.objectContaining({ result: 'join_received' }) });
      await mailTo(repeat.contactEmail!, /^Prośba o dołączenie do katalogu/);
      expect(await requestsFrom(repeat.contactEmail!)).toEqual([]);
    }
    expect(await requestsFrom(first.contactEmail!)).toHaveLength(1);
  });

  it('stores two requests sent at once for the same organisation once', async () => {
    const first = await joinForm();
    const second = await joinForm({ nip: first.nip!, krs: first.krs! });
    const answers = await Promise.all([askToJoin(first), askToJoin(second)]);
    expect(answers.map((answer) => answer.body.result)).toEqual(['join_received', 'join_received']);
    const rows = remember([...(await requestsFrom(first.contactEmail!)), ...(await requestsFrom(second.contactEmail!))]);
    expect(rows).toHaveLength(1);
  });
});

describe('what the public can read', () => {
  it('has no REST route that lists, reads or populates org-submissions, for the Public role or a read-only token', async () => {
    const form = await joinForm({ name: 'Tajna Fundacja Testowa' });
    await askToJoin(form);
    const [request] = remember(await requestsFrom(form.contactEmail!));
    for (const auth of ['public', 'read'] as const) {
      for (const path of ['/api/org-submissions', '/api/org-submissions?populate=*', `/api/org-submissions/${request!.documentId}`, '/api/org-join-requests', `/api/org-join-requests/${request!.documentId}`]) {
        const response = await call('GET', path, { auth });
        expect([403, 404, 405], `${auth} ${path}`).toContain(response.status);
        expect(JSON.stringify(response.body), `${auth} ${path}`).not.toContain('Tajna');
      }
    }
    // Nor through the directory: organisations do not populate submissions.
    const populated = await call('GET', '/api/organizations?populate=*');
    expect(JSON.stringify(populated.body)).not.toContain('Tajna');
  });
});
