import { randomInt } from 'node:crypto';
import { afterAll, expect } from 'vitest';
import { call, cms, inDays } from './client.ts';
import { CONSENT_FORMS, type ConsentForm } from '../../cms/src/public-forms/consent-rules';

// Helpers of the sign-up tests: events that take sign-ups, form posts, the mail catcher, the editors' view.

/** A mail as the catcher (scripts/lib/mail-catcher.ts) lists it. */
export interface Mail {
  id: number;
  to: string[];
  replyTo: string[];
  listHeaders: Record<string, string>;
  subject: string;
  text: string;
  links: string[];
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface SignUpAnswer {
  result: string;
  message: string;
  problems?: { field: string; code: string }[];
}

export interface Registration {
  id: number;
  documentId: string;
  state: string;
  holdsSeat: boolean;
  email: string;
  eventDocumentId: string;
}

const created: string[] = [];
/** Deletes the events a test file created; call it once per file. */
export function deleteCreatedEvents(): void {
  afterAll(async () => {
    for (const documentId of created.splice(0)) await call('DELETE', `/api/events/${documentId}`, { auth: 'full' });
  });
}

// Test files share the CMS (and its rate-limit counters): each starts at its own random address.
let ipCounter = randomInt(0, 2 ** 23);
/** A new client address: the test CMS trusts X-Forwarded-For (IS_PROXIED), as behind the production proxy. */
export const nextIp = (): string => {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};

let emailCounter = 0;
export const nextEmail = (name = 'osoba'): string => `${name}.${Date.now().toString(36)}.${(emailCounter += 1)}@example.org`;

export async function createEvent(overrides: Record<string, unknown> = {}): Promise<{ documentId: string; slug: string }> {
  const response = await call<{ data: { documentId: string; slug: string } }>('POST', '/api/events', {
    auth: 'full',
    body: {
      data: {
        title: `Szkolenie z zapisami ${created.length + 1}`,
        description: 'Wydarzenie z testu zapisów.',
        startsAt: inDays(10, 9),
        endsAt: inDays(10, 12),
        type: 'training',
        format: 'online',
        onlineUrl: 'https://meet.example.org/zapisy',
        audience: 'everyone',
        eventStatus: 'scheduled',
        registrationMode: 'site',
        capacity: 2,
        ...overrides,
      },
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  created.push(response.body.data.documentId);
  return response.body.data;
}

export const krakowDate = (iso: string): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date(iso));

export interface FormOptions {
  ip?: string;
  /** Send as a browser form does (urlencoded, Accept: text/html) instead of asking for JSON. */
  asForm?: boolean;
  /** A Cookie header, as a browser sends back what the CMS set. */
  cookie?: string;
}

export async function post(path: string, fields: Record<string, string | string[]>, options: FormOptions = {}): Promise<Response> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(key, item);
  return fetch(`${cms().url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: options.asForm ? 'text/html,application/xhtml+xml' : 'application/json',
      'X-Forwarded-For': options.ip ?? nextIp(),
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
    body,
  });
}

/** The consent version a form's page shows now: what the site reads from the settings and puts in the form. */
export async function consentVersion(form: ConsentForm): Promise<string> {
  const { status, body } = await call<{ data: Record<string, unknown> }>('GET', '/api/global');
  const version = body.data?.[CONSENT_FORMS[form].versionField];
  if (status !== 200 || typeof version !== 'string') throw new Error(`GET /api/global answered ${status} without the ${form} consent version: ${JSON.stringify(body)}`);
  return version;
}

export async function signUp(event: string, date: string, fields: Record<string, string | string[]> = {}, options: FormOptions = {}): Promise<{ status: number; body: SignUpAnswer }> {
  const response = await post('/api/signups', { event, date, name: 'Anna Nowak', email: nextEmail(), consent: 'tak', consentVersion: await consentVersion('registration'), website: '', ...fields }, options);
  return { status: response.status, body: (await response.json()) as SignUpAnswer };
}

export async function mails(): Promise<Mail[]> {
  const response = await fetch(`${cms().mailUrl}mails.json`);
  return (await response.json()) as Mail[];
}

export async function mailTo(address: string, subject: RegExp): Promise<Mail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = (await mails()).find((mail) => mail.to.includes(address) && subject.test(mail.subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No mail "${subject}" to ${address}; caught: ${(await mails()).map((m) => `${m.subject} → ${m.to}`).join('; ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const linkIn = (mail: Mail, action: 'confirm' | 'cancel'): string => {
  const link = mail.links.find((url) => url.includes(`/api/signups/${action}?token=`));
  if (!link) throw new Error(`The mail "${mail.subject}" has no ${action} link: ${mail.links.join(', ')}`);
  return link;
};
export const tokenOf = (link: string): string => new URL(link).searchParams.get('token')!;

/** Registrations of an event as an editor sees them (the admin's content-manager API). */
export async function registrationsOf(eventDocumentId: string): Promise<Registration[]> {
  const query = new URLSearchParams({ 'filters[eventDocumentId][$eq]': eventDocumentId, pageSize: '1000', sort: 'id:asc' });
  const { status, body } = await call<{ results: Registration[] }>('GET', `/content-manager/collection-types/api::registration.registration?${query}`, { auth: 'admin' });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.results;
}

export async function seats(eventDocumentId: string): Promise<{ date: string; slot: string | null; seatsLeft: number }[]> {
  const response = await fetch(`${cms().url}/api/signups/seats/${eventDocumentId}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { units: { date: string; slot: string | null; seatsLeft: number }[] } }).data.units;
}

