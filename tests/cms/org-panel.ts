import { afterAll, expect } from 'vitest';
import { call, cms, inDays } from './client.ts';
import { mails, nextEmail, nextIp, tokenOf, type Mail } from './signups.ts';

// Helpers of the organisations' panel tests: organisations with panel persons, requests with a
// session cookie, signing in through the mailed link, and the event form as the panel posts it.

export const ORG = 'api::organization.organization';
const createdOrganizations: string[] = [];
export const createdEntries: [plural: string, documentId: string][] = [];

/** Deletes the organisations and entries a test file made; call it once per file. */
export function deleteCreatedPanelData(): void {
  afterAll(async () => {
    for (const [plural, id] of createdEntries.splice(0)) await call('DELETE', `/api/${plural}/${id}`, { auth: 'full' });
    for (const id of createdOrganizations.splice(0)) await call('DELETE', `/api/organizations/${id}`, { auth: 'full' });
  });
}

/** The content manager's document minus what it adds for display (its status) and refuses back. */
export const withoutStatus = ({ status: _status, ...rest }: Record<string, unknown>): Record<string, unknown> => rest;

/** A published organisation whose contact address is fresh, with one more person editors listed for the panel. */
export async function organization(): Promise<{ documentId: string; email: string; person: string }> {
  const email = nextEmail('biuro');
  const person = nextEmail('koordynatorka');
  const created = await call<{ data: { documentId: string } }>('POST', '/api/organizations', {
    auth: 'full',
    body: { data: { name: `Grupa testowa ${Date.now().toString(36)}${createdOrganizations.length}`, legalForm: 'informal_group', description: 'Grupa sąsiedzka z testu.', email } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const { documentId } = created.body.data;
  createdOrganizations.push(documentId);
  // Editors add persons in the admin: a save of the draft is enough.
  const draft = await call<{ data: Record<string, unknown> }>('GET', `/content-manager/collection-types/${ORG}/${documentId}`, { auth: 'admin' });
  expect(draft.status).toBe(200);
  const saved = await call('PUT', `/content-manager/collection-types/${ORG}/${documentId}`, { auth: 'admin', body: { ...withoutStatus(draft.body.data), panelPersons: [{ name: 'Ola Koordynatorka', email: person, role: 'koordynatorka' }] } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return { documentId, email, person };
}

/** The first mail to `address` the catcher did not hold before. */
export async function newMail(address: string, earlier: ReadonlySet<number>): Promise<Mail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = (await mails()).find((m) => m.to.includes(address) && !earlier.has(m.id) && /^Logowanie do panelu/.test(m.subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No new sign-in mail to ${address}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface PanelResponse {
  status: number;
  location: string | null;
  html: string;
  json: Record<string, unknown> | null;
}

export async function request(path: string, options: { method?: 'GET' | 'POST'; form?: Record<string, string | string[]>; cookie?: string; json?: boolean; origin?: string } = {}): Promise<PanelResponse & { setCookie: string | null }> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(options.form ?? {})) for (const item of [value].flat()) body.append(key, item);
  const response = await fetch(`${cms().url}${path}`, {
    method: options.method ?? (options.form ? 'POST' : 'GET'),
    redirect: 'manual',
    headers: {
      Accept: options.json ? 'application/json' : 'text/html',
      'X-Forwarded-For': nextIp(),
      ...(options.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      ...(options.cookie ? { Cookie: options.cookie } : {}),
      ...(options.origin ? { Origin: options.origin } : {}),
    },
    ...(options.form ? { body } : {}),
  });
  const text = await response.text();
  let json: Record<string, unknown> | null = null;
  if (options.json) {
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = null;
    }
  }
  return { status: response.status, location: response.headers.get('location'), html: text, json, setCookie: response.headers.get('set-cookie') };
}

/** Asks for a link, opens the mail and presses the button: the signed-in session's cookie and CSRF token. */
export async function signIn(email: string): Promise<{ cookie: string; csrf: string; link: string }> {
  const earlier = new Set((await mails()).map((m) => m.id));
  const asked = await request('/panel/link', { form: { email, website: '' }, json: true });
  expect(asked.json?.result).toBe('check_email');
  const mail = await newMail(email, earlier);
  const link = mail.links.find((url) => url.includes('/panel/wejscie?token='))!;
  expect(link).toBeTruthy();
  const entered = await request('/panel/wejscie', { form: { token: tokenOf(link) } });
  expect(entered.status).toBe(303);
  expect(entered.location).toBe('/panel/');
  expect(entered.setCookie).toMatch(/^co_panel=[A-Za-z0-9_-]{43}; Path=\/panel; HttpOnly; SameSite=Lax/);
  const cookie = entered.setCookie!.split(';')[0]!;
  const start = await request('/panel/', { cookie });
  expect(start.status).toBe(200);
  const csrf = /name="csrf" value="([^"]+)"/.exec(start.html)?.[1];
  expect(csrf).toBeTruthy();
  return { cookie, csrf: csrf!, link };
}

export const eventForm = (csrf: string, title: string): Record<string, string> => ({
  csrf,
  title,
  description: 'Spotkanie sąsiedzkie o zieleni na osiedlu.',
  type: 'meeting',
  audience: 'residents',
  startsAt: inDays(20).slice(0, 16).replace(' ', 'T'),
  format: 'on_site',
  'venue.name': 'Klub Osiedlowy',
  'venue.address.street': 'ul. Testowa 1',
  'venue.address.postalCode': '30-001',
  'venue.address.city': 'Kraków',
  registrationMode: 'none',
  isFree: '1',
  eventStatus: 'scheduled',
  inPolish: '1',
});

