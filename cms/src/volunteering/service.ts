/**
 * Volunteering applications as database work. Everything that reads an offer's applications and
 * then writes one — a new application (is this person already in? is the offer full?), an
 * answer, a withdrawal — runs under the offer's lock, so a hundred people applying at once are
 * each stored once and the count of accepted volunteers is never read stale.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Language } from '../languages/locales';
import { languageOfForm } from '../languages/words';
import type { Core } from '@strapi/strapi';
import { withKeyLock } from '../public-forms/lock';
import { hashToken, linkToken, newLink } from '../public-forms/link-tokens';
import { isoTime, isRecord } from '../validation/write-shapes';
import type { AgeGroup, DeclineReason } from '../shared/volunteer-application-results';
import { LIVE, recruitmentState, todayInKrakow, type ApplicationInput, type ApplicationState, type RecruitmentState } from './rules';

export const APPLICATION = 'api::volunteer-application.volunteer-application';
export const OFFER = 'api::volunteer-offer.volunteer-offer';

export interface Application {
  id: number;
  documentId: string;
  offerDocumentId: string;
  offerTitle: string;
  organizationDocumentId: string | null;
  organizationName: string | null;
  state: ApplicationState;
  reserve: boolean;
  declineReason: DeclineReason | null;
  answerNote: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  availability: string | null;
  message: string | null;
  age: AgeGroup | null;
  linkId: string;
  answerLinkId: string;
  createdAt: string;
  confirmedAt: string | null;
  answeredAt: string | null;
  remindedAt: string | null;
  erasedAt: string | null;
  /** The language of the form it came from: the applicant's mails and link pages use it. */
  language: Language;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const time = (value: unknown): string | null => (value === null || value === undefined ? null : isoTime(value));

export function asApplication(row: unknown): Application {
  // The row is not quoted in the error: it holds a person's data, and errors end up in logs.
  if (!isRecord(row) || typeof row.id !== 'number' || typeof row.state !== 'string' || typeof row.offerDocumentId !== 'string') {
    throw new Error(`Volunteering: the database returned a row that is not an application (id ${isRecord(row) ? String(row.id) : '?'}).`);
  }
  return {
    id: row.id,
    documentId: String(row.documentId),
    offerDocumentId: row.offerDocumentId,
    offerTitle: String(row.offerTitle),
    organizationDocumentId: text(row.organizationDocumentId),
    organizationName: text(row.organizationName),
    state: row.state as ApplicationState,
    reserve: row.reserve === true || row.reserve === 1,
    declineReason: text(row.declineReason) as DeclineReason | null,
    answerNote: text(row.answerNote),
    name: text(row.name),
    email: text(row.email),
    phone: text(row.phone),
    availability: text(row.availability),
    message: text(row.message),
    age: text(row.age) as AgeGroup | null,
    linkId: String(row.linkId),
    answerLinkId: String(row.answerLinkId),
    createdAt: isoTime(row.createdAt),
    confirmedAt: time(row.confirmedAt),
    answeredAt: time(row.answeredAt),
    remindedAt: time(row.remindedAt),
    erasedAt: time(row.erasedAt),
    language: languageOfForm(row.language),
  };
}

/** The published translation of an offer: its title and address in that language; null when it has none. */
export async function translatedOffer(strapi: Core.Strapi, documentId: string, language: Language): Promise<{ title: string; slug: string } | null> {
  if (language === 'pl') return null;
  const found: unknown = await strapi.documents(OFFER).findOne({ documentId, locale: language, status: 'published', fields: ['title', 'slug'] });
  return isRecord(found) && typeof found.title === 'string' && typeof found.slug === 'string' ? { title: found.title, slug: found.slug } : null;
}

/** What applying and answering need of a published offer, including its private contact. */
export interface Offer {
  documentId: string;
  title: string;
  slug: string;
  volunteersWanted: number;
  whenFilled: 'reserve' | 'close';
  minimumAge: number;
  commitment: string | null;
  startsOn: string | null;
  endsOn: string | null;
  applicationDeadline: string | null;
  updatedAt: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  organizationDocumentId: string | null;
  organizationName: string | null;
}

const OFFER_FIELDS = ['title', 'slug', 'volunteersWanted', 'whenFilled', 'minimumAge', 'commitment', 'startsOn', 'endsOn', 'applicationDeadline', 'updatedAt', 'contactName', 'contactEmail', 'contactPhone'];

function asOffer(found: unknown): Offer {
  if (!isRecord(found) || typeof found.title !== 'string' || typeof found.volunteersWanted !== 'number') {
    throw new Error(`Volunteering: offer ${isRecord(found) ? String(found.documentId) : '?'} came back without a title or the number of volunteers wanted.`);
  }
  const organization = isRecord(found.organization) ? found.organization : null;
  return {
    documentId: String(found.documentId),
    title: found.title,
    slug: String(found.slug),
    volunteersWanted: found.volunteersWanted,
    whenFilled: found.whenFilled === 'close' ? 'close' : 'reserve',
    minimumAge: Number(found.minimumAge ?? 18),
    commitment: text(found.commitment),
    startsOn: text(found.startsOn),
    endsOn: text(found.endsOn),
    applicationDeadline: text(found.applicationDeadline),
    updatedAt: isoTime(found.updatedAt),
    contactName: text(found.contactName),
    contactEmail: text(found.contactEmail),
    contactPhone: text(found.contactPhone),
    organizationDocumentId: organization ? String(organization.documentId) : null,
    organizationName: organization ? text(organization.name) : null,
  };
}

/** The published offer a form names; null when there is none. */
export async function loadOffer(strapi: Core.Strapi, documentId: string): Promise<Offer | null> {
  const found: unknown = await strapi.documents(OFFER).findOne({ documentId, status: 'published', fields: OFFER_FIELDS, populate: { organization: { fields: ['name'] } } });
  return found ? asOffer(found) : null;
}

/** Every published offer: the recruitment summary and the timed work go through them all. */
export async function publishedOffers(strapi: Core.Strapi): Promise<Offer[]> {
  const found: unknown[] = await strapi.documents(OFFER).findMany({ status: 'published', fields: OFFER_FIELDS, populate: { organization: { fields: ['name'] } }, limit: 100_000 });
  return found.map(asOffer);
}

export const acceptedCount = (strapi: Core.Strapi, offerDocumentId: string): Promise<number> =>
  strapi.db.query(APPLICATION).count({ where: { offerDocumentId, state: 'accepted' } });

/** Runs `work` under the lock of one offer: every read-then-write of its applications. */
export const withOfferLock = <T>(strapi: Core.Strapi, offerDocumentId: string, work: () => Promise<T>): Promise<T> => withKeyLock(strapi, `volunteer-offer:${offerDocumentId}`, work);

export type SubmitResult = { kind: 'closed' } | { kind: 'created' | 'repeat'; application: Application };

/**
 * Stores an application awaiting e-mail confirmation, unless this address already applied to the
 * offer (its link is sent again) or the offer no longer recruits. Once the wanted number is
 * accepted and the organisation keeps a reserve, the application is marked as one.
 */
export async function submit(strapi: Core.Strapi, input: ApplicationInput, offer: Offer, now: Date, secret: string): Promise<SubmitResult> {
  return withOfferLock(strapi, offer.documentId, async (): Promise<SubmitResult> => {
    const existing: unknown = await strapi.db.query(APPLICATION).findOne({ where: { offerDocumentId: offer.documentId, email: input.email, state: { $in: [...LIVE] } } });
    if (existing) return { kind: 'repeat', application: asApplication(existing) };
    const state = recruitmentState(offer, await acceptedCount(strapi, offer.documentId), todayInKrakow(now));
    if (state === 'closed') return { kind: 'closed' };
    const application = await insertApplication(strapi, { offer, input, state: 'awaiting_confirmation', reserve: state === 'reserve', now, secret });
    return { kind: 'created', application };
  });
}

export interface NewApplication {
  offer: Pick<Offer, 'documentId' | 'title' | 'organizationDocumentId' | 'organizationName'>;
  input: Omit<ApplicationInput, 'offerDocumentId' | 'language'> & { language?: Language };
  state: ApplicationState;
  reserve: boolean;
  now: Date;
  secret: string;
  confirmedAt?: Date | null;
  answeredAt?: Date | null;
  declineReason?: DeclineReason | null;
  answerNote?: string | null;
}

/** Writes one application row with its two links; the only place that knows its shape (the form and the seed use it). */
export async function insertApplication(strapi: Core.Strapi, { offer, input, state, reserve, now, secret, confirmedAt = null, answeredAt = null, declineReason = null, answerNote = null }: NewApplication): Promise<Application> {
  const applicant = newLink(secret);
  const organization = newLink(secret);
  const created: unknown = await strapi.db.query(APPLICATION).create({
    data: {
      // The document service would make one; rows written here need it too, or the admin cannot open them.
      documentId: createId(),
      publishedAt: now,
      createdAt: now,
      offerDocumentId: offer.documentId,
      // The applicant's mails name the offer as the page they applied on did.
      offerTitle: (input.language && input.language !== 'pl' ? (await translatedOffer(strapi, offer.documentId, input.language))?.title : null) ?? offer.title,
      organizationDocumentId: offer.organizationDocumentId,
      organizationName: offer.organizationName,
      state,
      reserve,
      name: input.name,
      email: input.email,
      phone: input.phone,
      availability: input.availability,
      message: input.message,
      age: input.age,
      consentVersion: input.consentVersion,
      language: input.language ?? 'pl',
      linkId: applicant.linkId,
      tokenHash: applicant.tokenHash,
      answerLinkId: organization.linkId,
      answerTokenHash: organization.tokenHash,
      confirmedAt,
      answeredAt,
      declineReason,
      answerNote,
    },
  });
  return asApplication(created);
}

/** The applicant's link (confirm, withdraw) and the organisation's link (answer) are different keys to one row. */
export type LinkHolder = 'applicant' | 'organization';

export async function findByToken(strapi: Core.Strapi, token: string, holder: LinkHolder): Promise<Application | null> {
  const row: unknown = await strapi.db.query(APPLICATION).findOne({ where: { [holder === 'applicant' ? 'tokenHash' : 'answerTokenHash']: hashToken(token) } });
  return row ? asApplication(row) : null;
}

export const applicantToken = (secret: string, application: Pick<Application, 'linkId'>): string => linkToken(secret, application.linkId);
export const organizationToken = (secret: string, application: Pick<Application, 'answerLinkId'>): string => linkToken(secret, application.answerLinkId);

export type MoveResult = { kind: 'unknown' } | { kind: 'refused'; application: Application } | { kind: 'done'; application: Application; before: ApplicationState };

/** Moves the application a link names from one of `from` to `to`, under its offer's lock. */
export async function moveByToken(strapi: Core.Strapi, token: string, holder: LinkHolder, from: readonly ApplicationState[], to: ApplicationState, data: Record<string, unknown>): Promise<MoveResult> {
  const found = await findByToken(strapi, token, holder);
  if (!found) return { kind: 'unknown' };
  return withOfferLock(strapi, found.offerDocumentId, async (): Promise<MoveResult> => {
    const current = asApplication(await strapi.db.query(APPLICATION).findOne({ where: { id: found.id } }));
    if (!from.includes(current.state)) return { kind: 'refused', application: current };
    const updated = asApplication(await strapi.db.query(APPLICATION).update({ where: { id: current.id }, data: { ...data, state: to } }));
    return { kind: 'done', application: updated, before: current.state };
  });
}

export interface OfferRecruitment {
  offer: string;
  state: RecruitmentState;
  accepted: number;
  wanted: number;
}

/** Each published offer's recruitment state, for the site: counts only, nobody's data. */
export async function recruitmentSummary(strapi: Core.Strapi, now: Date): Promise<OfferRecruitment[]> {
  const offers = await publishedOffers(strapi);
  const rows: unknown[] = await strapi.db.query(APPLICATION).findMany({ where: { state: 'accepted' }, select: ['offerDocumentId'] });
  const accepted = new Map<string, number>();
  for (const row of rows) if (isRecord(row)) accepted.set(String(row.offerDocumentId), (accepted.get(String(row.offerDocumentId)) ?? 0) + 1);
  const today = todayInKrakow(now);
  return offers.map((offer) => {
    const count = accepted.get(offer.documentId) ?? 0;
    return { offer: offer.documentId, state: recruitmentState(offer, count, today), accepted: count, wanted: offer.volunteersWanted };
  });
}

/** Confirmation and answer times of applications answered since `since`, by organisation: how quickly each usually answers. */
export async function answerTimes(strapi: Core.Strapi, since: Date): Promise<Map<string, { confirmedAt: string; answeredAt: string }[]>> {
  const rows: unknown[] = await strapi.db.query(APPLICATION).findMany({
    where: { answeredAt: { $gte: since }, confirmedAt: { $notNull: true }, organizationDocumentId: { $notNull: true } },
    select: ['organizationDocumentId', 'confirmedAt', 'answeredAt'],
  });
  const byOrganization = new Map<string, { confirmedAt: string; answeredAt: string }[]>();
  for (const row of rows) {
    if (!isRecord(row)) continue;
    const key = String(row.organizationDocumentId);
    byOrganization.set(key, [...(byOrganization.get(key) ?? []), { confirmedAt: isoTime(row.confirmedAt), answeredAt: isoTime(row.answeredAt) }]);
  }
  return byOrganization;
}
