import { afterAll, expect } from 'vitest';
import { call, inDays, listAll } from './client.ts';
import { consentVersion, nextEmail, nextIp, post, type Mail } from './signups.ts';

// Helpers of the volunteering tests: offers of their own, the application form, the mailed links, the editors' view.

export interface Answer {
  result: string;
  message: string;
  field?: string;
}

export interface StoredApplication {
  id: number;
  documentId: string;
  state: string;
  reserve: boolean;
  name: string | null;
  email: string | null;
  declineReason: string | null;
  answerNote: string | null;
  erasedAt: string | null;
  offerTitle: string;
  confirmedAt: string | null;
  answeredAt: string | null;
  remindedAt: string | null;
}

const createdOffers: string[] = [];
/** Deletes the offers a test file made; call it once per file. */
export function deleteCreatedOffers(): void {
  afterAll(async () => {
    // A DELETE removes one language; a translation left behind would outlive its Polish offer.
    for (const id of createdOffers.splice(0)) for (const locale of ['uk', 'en', 'pl']) await call('DELETE', `/api/volunteer-offers/${id}?locale=${locale}`, { auth: 'full' });
  });
}

let organizationId = '';
async function organization(): Promise<string> {
  organizationId ||= (await listAll<{ documentId: string }>('organizations'))[0]!.documentId;
  return organizationId;
}

/** A published one-off offer in a few days whose applications go to a fresh address. */
export async function createOffer(overrides: Record<string, unknown> = {}): Promise<{ documentId: string; slug: string; contactEmail: string }> {
  const contactEmail = nextEmail('organizacja');
  const response = await call<{ data: { documentId: string; slug: string } }>('POST', '/api/volunteer-offers', {
    auth: 'full',
    body: {
      data: {
        title: `Oferta testowa ${Date.now().toString(36)}${createdOffers.length}`,
        organization: await organization(),
        summary: 'Pomoc przy wydarzeniu testowym.',
        description: 'Opis oferty z testu.',
        district: 'krowodrza',
        remote: 'none',
        address: { street: 'ul. Reymonta 20', postalCode: '30-059', city: 'Kraków' },
        commitment: 'one_off',
        startsOn: inDays(10).slice(0, 10),
        volunteersWanted: 3,
        whenFilled: 'reserve',
        minimumAge: 16,
        usesPolish: true,
        offersInsurance: true,
        contactName: 'Maria Testowa',
        contactEmail,
        ...overrides,
      },
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  createdOffers.push(response.body.data.documentId);
  return { ...response.body.data, contactEmail };
}

/** The application form as a visitor fills it in, with the consent version the offer page shows now. */
export async function applicationForm(offer: string, fields: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    offer,
    name: 'Anna Wolontariuszka',
    email: nextEmail('wolontariusz'),
    phone: '',
    availability: 'wtorki i czwartki po 16:00',
    message: 'Chętnie pomogę.',
    age: 'adult',
    consent: 'tak',
    consentVersion: await consentVersion('volunteer-application'),
    website: '',
    ...fields,
  };
}

export async function apply(fields: Record<string, string>, ip = nextIp()): Promise<{ status: number; body: Answer }> {
  const response = await post('/api/volunteer-applications', fields, { ip });
  return { status: response.status, body: (await response.json()) as Answer };
}

export async function postLink(route: 'confirm' | 'withdraw' | 'answer', fields: Record<string, string>): Promise<{ status: number; body: Answer }> {
  const response = await post(`/api/volunteer-applications/${route}`, fields);
  return { status: response.status, body: (await response.json()) as Answer };
}

export const linkIn = (mail: Mail, action: 'confirm' | 'withdraw' | 'answer'): string => {
  const link = mail.links.find((url) => url.includes(`/api/volunteer-applications/${action}?token=`));
  if (!link) throw new Error(`The mail "${mail.subject}" has no ${action} link: ${mail.links.join(', ')}`);
  return link;
};

/** The applications of an offer as an editor sees them (the admin's content-manager API). */
export async function applicationsOf(offer: string): Promise<StoredApplication[]> {
  const query = new URLSearchParams({ 'filters[offerDocumentId][$eq]': offer, pageSize: '200', sort: 'id:asc' });
  const { status, body } = await call<{ results: StoredApplication[] }>('GET', `/content-manager/collection-types/api::volunteer-application.volunteer-application?${query}`, { auth: 'admin' });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.results;
}

export interface Recruitment {
  data: { offer: string; state: string; accepted: number; wanted: number }[];
  meta: { answerTimes: Record<string, { medianHours: number; text: string }> };
}

export const recruitment = async (): Promise<Recruitment> => (await call<Recruitment>('GET', '/api/volunteer-applications/recruitment')).body;
