/**
 * "Poproś o dołączenie" as database and mail work: a request is stored as a pending submission of
 * the kind 'join' (the editors' queue of the organisations' panel), unless the centre already has
 * the organisation or a request for it, and the contact person gets a receipt.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import { composeLetter, type Mail } from '../mail/letter';
import { withKeyLock } from '../public-forms/lock';
import { formConfig, type FormSettings } from '../public-forms/settings';
import { DISTRICTS, LEGAL_FORMS } from '../shared/enum-labels';
import { isRecord } from '../validation/write-shapes';
import { sameOrganization, type JoinRequest } from './join-rules';

export const SUBMISSION = 'api::org-submission.org-submission';
const ORGANIZATION = 'api::organization.organization';
/** The site's page about the panel, where the sign-in and join forms are. */
export const ORG_PAGE = '/dla-organizacji/';
/** One lock for every request: they are rare, and two sent at once must not both be stored. */
const LOCK_KEY = 'org-join';

/**
 * The join form's rate limits: those of the sign-in link form beside it on the site
 * (config/org-panel.ts), since both mail an address someone typed in.
 */
export function joinLimits(strapi: Core.Strapi): { perIp: number; perEmail: number } {
  const settings = formConfig<{ linkRateLimitPerIp: number; linkRateLimitPerEmail: number }>(strapi, 'org-panel', "the organisations' panel");
  return { perIp: settings.linkRateLimitPerIp, perEmail: settings.linkRateLimitPerEmail };
}

export type JoinOutcome =
  | { kind: 'stored'; submissionId: number }
  /** The directory has an organisation with the same KRS, NIP or address (published or not). */
  | { kind: 'in_directory'; organizationDocumentId: string }
  /** A request for the same organisation waits for the editors. */
  | { kind: 'pending'; submissionId: number };

/** Stores the request for the editors, or finds the organisation or request it repeats. */
export async function storeJoinRequest(strapi: Core.Strapi, request: JoinRequest, now: Date): Promise<JoinOutcome> {
  return withKeyLock(strapi, LOCK_KEY, async () => {
    const same = [
      ...(request.krs ? [{ krs: request.krs }] : []),
      ...(request.nip ? [{ nip: request.nip }] : []),
      // Editors type the profile's address as it came; the request's is in lower case.
      { email: { $eqi: request.email } },
    ];
    const organization: unknown = await strapi.db.query(ORGANIZATION).findOne({ where: { $or: same }, select: ['documentId'] });
    if (isRecord(organization)) return { kind: 'in_directory' as const, organizationDocumentId: String(organization.documentId) };

    // The request is JSON, which the databases cannot compare alike; pending requests are few.
    const pending: unknown[] = await strapi.db.query(SUBMISSION).findMany({ where: { kind: 'join', state: 'pending' }, select: ['id', 'joinRequest'] });
    const repeated = pending.filter(isRecord).find((row) => isRecord(row.joinRequest) && sameOrganization(request, row.joinRequest));
    if (repeated) return { kind: 'pending' as const, submissionId: Number(repeated.id) };

    const created: unknown = await strapi.db.query(SUBMISSION).create({
      data: {
        documentId: createId(),
        publishedAt: now,
        kind: 'join',
        change: 'new',
        state: 'pending',
        title: request.name,
        organizationName: request.name,
        submittedBy: request.contactEmail,
        submittedAt: now,
        joinRequest: { ...request },
      },
    });
    if (!isRecord(created) || typeof created.id !== 'number') throw new Error('Org join: the database did not return the stored request.');
    return { kind: 'stored' as const, submissionId: created.id };
  });
}

/**
 * The contact person's receipt. It is the same whether the request was stored or repeats an
 * organisation the centre has (the form's answer is the same too), so it says what happens in
 * that case. It repeats only the organisation's name and numbers, not the description or website
 * typed in: the address is not confirmed, and the centre's mail must not carry a stranger's text
 * and links to whoever they name.
 */
export function composeJoinReceipt(request: JoinRequest, settings: Pick<FormSettings, 'siteUrl'>): Mail {
  const details: [string, string][] = [
    ['Organizacja', request.name],
    ['Forma prawna', LEGAL_FORMS[request.legalForm]],
    ...(request.krs ? [['KRS', request.krs] as [string, string]] : []),
    ...(request.nip ? [['NIP', request.nip] as [string, string]] : []),
    ...(request.regon ? [['REGON', request.regon] as [string, string]] : []),
    ['E-mail organizacji', request.email],
    ...(request.district && DISTRICTS[request.district] ? [['Dzielnica', DISTRICTS[request.district]!.label] as [string, string]] : []),
    ['Osoba kontaktowa', request.contactName],
  ];
  return composeLetter({
    to: request.contactEmail,
    name: request.contactName,
    subject: `Prośba o dołączenie do katalogu: ${request.name}`,
    lead:
      'Otrzymaliśmy prośbę o dołączenie organizacji do katalogu organizacji partnerskich Centrum Obywatelskiego. Redakcja sprawdzi dane i odpowie na ten adres; gdy przyjmie prośbę, organizacja pojawi się w katalogu, a Ty będziesz logować się do panelu organizacji linkiem wysyłanym na ten adres. ' +
      'Jeśli organizacja o tym samym numerze KRS, NIP lub adresie e-mail jest już w katalogu albo czeka już na decyzję, nie dodajemy drugiej prośby – wtedy poproś o link do logowania adresem organizacji albo odpowiedz na tę wiadomość.',
    details,
    link: { label: 'Panel dla organizacji', url: `${settings.siteUrl}${ORG_PAGE}` },
    footer:
      'Centrum Obywatelskie, ul. Reymonta 20, Kraków. Dostajesz tę wiadomość, bo ten adres podano jako kontakt w prośbie o dołączenie organizacji do katalogu na stronie Centrum. Jeśli to nie Ty ją wysłałeś/-aś, odpowiedz na tę wiadomość – usuniemy prośbę i dane.',
  });
}
