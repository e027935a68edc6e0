import { afterAll, expect } from 'vitest';
import { call, cms, type StrapiErrorBody } from './client.ts';
import { consentVersion, mailTo, nextEmail, nextIp, post, tokenOf, type Mail } from './signups.ts';

// Helpers of the room tests: rooms and events of their own, the request form, the mailed links, the editors' decisions.

export interface Answer {
  result: string;
  message: string;
  field?: string;
}

export interface StoredRequest {
  id: number;
  documentId: string;
  state: string;
  email: string | null;
  organisation: string | null;
  decisionReason: string | null;
  erasedAt: string | null;
  roomName: string;
}

const createdRooms: string[] = [];
const createdEvents: string[] = [];
/** Deletes the rooms and events a test file made; call it once per file. */
export function deleteCreatedRooms(): void {
  afterAll(async () => {
    for (const id of createdEvents.splice(0)) await call('DELETE', `/api/events/${id}`, { auth: 'full' });
    // A DELETE removes one language; a translation left behind would be listed with no Polish room.
    for (const id of createdRooms.splice(0)) for (const locale of ['uk', 'en', 'pl']) await call('DELETE', `/api/rooms/${id}?locale=${locale}`, { auth: 'full' });
  });
}

/** Remembers an event a test made, so deleteCreatedRooms() removes it. */
export const rememberEvent = (documentId: string): void => {
  createdEvents.push(documentId);
};

export async function createRoom(capacity = 12): Promise<string> {
  const response = await call<{ data: { documentId: string } }>('POST', '/api/rooms', {
    auth: 'full',
    body: { data: { name: `Sala testowa ${Date.now().toString(36)}${createdRooms.length}`, description: 'Sala z testu wniosków.', capacity, howToBook: 'Złóż wniosek przez formularz.' } },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  createdRooms.push(response.body.data.documentId);
  return response.body.data.documentId;
}

/** A Kraków date `days` from today moved to the next Tuesday (the centre is open 9–20 on weekdays). */
export function tuesdayIn(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  while (date.getUTCDay() !== 2) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The room form as a visitor fills it in; the consent version is the one the room page shows now unless given. */
export async function form(room: string, fields: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    room,
    organisation: 'Stowarzyszenie Testowe',
    krs: '0000123456',
    name: 'Anna Nowak',
    email: nextEmail('sala'),
    phone: '+48 600 100 200',
    purpose: 'Spotkanie zarządu i planowanie projektu sąsiedzkiego.',
    date: tuesdayIn(10),
    from: '10:00',
    to: '12:00',
    participants: '8',
    equipment: 'Rzutnik',
    consent: 'tak',
    consentVersion: await consentVersion('room-request'),
    website: '',
    ...fields,
  };
}

export async function request(fields: Record<string, string>, ip = nextIp()): Promise<{ status: number; body: Answer }> {
  const response = await post('/api/room-requests', fields, { ip });
  return { status: response.status, body: (await response.json()) as Answer };
}

export const linkIn = (mail: Mail, action: 'confirm' | 'withdraw'): string => {
  const link = mail.links.find((url) => url.includes(`/api/room-requests/${action}?token=`));
  if (!link) throw new Error(`The mail "${mail.subject}" has no ${action} link: ${mail.links.join(', ')}`);
  return link;
};

/** The requests of a room as an editor sees them (the admin's content-manager API). */
export async function requestsOf(room: string): Promise<StoredRequest[]> {
  const query = new URLSearchParams({ 'filters[roomDocumentId][$eq]': room, pageSize: '100', sort: 'id:asc' });
  const { status, body } = await call<{ results: StoredRequest[] }>('GET', `/content-manager/collection-types/api::room-request.room-request?${query}`, { auth: 'admin' });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.results;
}

/** An editor's decision in the admin. */
export const decide = (documentId: string, data: Record<string, unknown>) =>
  call<{ data?: StoredRequest } & Partial<StrapiErrorBody>>('PUT', `/content-manager/collection-types/api::room-request.room-request/${documentId}`, { auth: 'admin', body: data });

/** A request sent and confirmed by e-mail: waiting for the coordinator. */
export async function confirmedRequest(room: string, fields: Record<string, string> = {}): Promise<{ email: string; documentId: string }> {
  const data = await form(room, fields);
  expect((await request(data)).body.result).toBe('check_email');
  const mail = await mailTo(data.email!, /^Potwierdź wniosek o salę/);
  expect(await (await post('/api/room-requests/confirm', { token: tokenOf(linkIn(mail, 'confirm')) })).json()).toMatchObject({ result: 'requested' });
  const stored = (await requestsOf(room)).find((entry) => entry.email === data.email)!;
  return { email: data.email!, documentId: stored.documentId };
}

/** When rooms are taken by approved requests, as the site reads it. */
export const busy = async (): Promise<{ room: string; startsAt: string; endsAt: string }[]> => ((await (await fetch(`${cms().url}/api/room-requests/busy`)).json()) as { data: { room: string; startsAt: string; endsAt: string }[] }).data;
