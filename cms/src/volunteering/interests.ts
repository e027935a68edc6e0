/**
 * "Zgłoś gotowość" as database work: the sign-up with its link, and the weekly digest of new
 * matching offers. A person's rows are looked up under a lock on the address, so two forms sent
 * at once make one subscription.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import { withKeyLock } from '../public-forms/lock';
import { hashToken, newLink } from '../public-forms/link-tokens';
import { isoTime, isRecord } from '../validation/write-shapes';
import type { AgeGroup } from '../shared/volunteer-application-results';
import { matchesInterest, type CommitmentChoice, type InterestChoices, type InterestInput, type InterestState, type MatchableOffer } from './interest-rules';
import { OFFER, recruitmentSummary } from './service';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '../languages/locales';

export const INTEREST = 'api::volunteer-interest.volunteer-interest';

export interface Interest extends InterestChoices {
  id: number;
  state: InterestState;
  name: string | null;
  email: string | null;
  linkId: string;
  confirmedAt: string | null;
  lastDigestAt: string | null;
  sentOffers: string[];
  digestsSent: number;
  language: Language;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

export function asInterest(row: unknown): Interest {
  if (!isRecord(row) || typeof row.id !== 'number' || typeof row.state !== 'string') {
    throw new Error(`Volunteering: the database returned a row that is not a sign-up for offers (id ${isRecord(row) ? String(row.id) : '?'}).`);
  }
  return {
    id: row.id,
    state: row.state as InterestState,
    name: typeof row.name === 'string' ? row.name : null,
    email: typeof row.email === 'string' ? row.email : null,
    linkId: String(row.linkId),
    areas: strings(row.areas),
    district: typeof row.district === 'string' && row.district ? (row.district as InterestChoices['district']) : null,
    commitment: (row.commitment as CommitmentChoice | null) ?? 'any',
    remoteOnly: row.remoteOnly === true || row.remoteOnly === 1,
    noPolishOnly: row.noPolishOnly === true || row.noPolishOnly === 1,
    age: (row.age as AgeGroup | null) ?? 'adult',
    confirmedAt: row.confirmedAt == null ? null : isoTime(row.confirmedAt),
    lastDigestAt: row.lastDigestAt == null ? null : isoTime(row.lastDigestAt),
    sentOffers: strings(row.sentOffers),
    digestsSent: Number(row.digestsSent ?? 0),
    language: isLanguage(row.language) ? row.language : 'pl',
  };
}

/** The areas that exist, by slug: a form may only choose among them. */
export async function knownAreas(strapi: Core.Strapi): Promise<Set<string>> {
  const areas: unknown[] = await strapi.documents('api::area.area').findMany({ status: 'published', fields: ['slug'], limit: 1000 });
  return new Set(areas.filter(isRecord).map((area) => String(area.slug)));
}

/** Stores a subscription awaiting confirmation, or finds the address's live one (its link is sent again). */
export async function subscribe(strapi: Core.Strapi, input: InterestInput, now: Date, secret: string): Promise<{ kind: 'created' | 'repeat'; interest: Interest }> {
  return withKeyLock(strapi, `volunteer-interest:${input.email}`, async () => {
    const existing: unknown = await strapi.db.query(INTEREST).findOne({ where: { email: input.email, state: { $in: ['awaiting_confirmation', 'active'] } } });
    if (existing) {
      const found = asInterest(existing);
      // The link goes again in the language of the form sent now, and so do the weekly mails.
      if (found.language !== input.language) await strapi.db.query(INTEREST).update({ where: { id: found.id }, data: { language: input.language } });
      return { kind: 'repeat' as const, interest: { ...found, language: input.language } };
    }
    const { linkId, tokenHash } = newLink(secret);
    const created: unknown = await strapi.db.query(INTEREST).create({
      data: {
        documentId: createId(),
        publishedAt: now,
        state: 'awaiting_confirmation',
        name: input.name,
        email: input.email,
        areas: input.areas,
        district: input.district,
        commitment: input.commitment,
        remoteOnly: input.remoteOnly,
        noPolishOnly: input.noPolishOnly,
        age: input.age,
        availability: input.availability,
        consentVersion: input.consentVersion,
        language: input.language,
        linkId,
        tokenHash,
        sentOffers: [],
        digestsSent: 0,
      },
    });
    return { kind: 'created' as const, interest: asInterest(created) };
  });
}

export async function findInterestByToken(strapi: Core.Strapi, token: string): Promise<Interest | null> {
  const row: unknown = await strapi.db.query(INTEREST).findOne({ where: { tokenHash: hashToken(token) } });
  return row ? asInterest(row) : null;
}

/** The fields that say who subscribed; leaving (or never confirming) empties them. */
export const INTEREST_PERSONAL_FIELDS = ['name', 'email', 'areas', 'district', 'availability', 'sentOffers'] as const;
export const erasedInterest = (now: Date) => ({ ...Object.fromEntries(INTEREST_PERSONAL_FIELDS.map((field) => [field, null])), erasedAt: now });

/** Moves a subscription from one of `from` to `to` in one conditional write; null when it was not in `from`. */
export async function moveInterest(strapi: Core.Strapi, interest: Interest, from: readonly InterestState[], to: InterestState, data: Record<string, unknown>): Promise<boolean> {
  const { count } = await strapi.db.query(INTEREST).updateMany({ where: { id: interest.id, state: { $in: [...from] } }, data: { ...data, state: to } });
  return count > 0;
}

/** What a digest says of an offer: its words in one language. */
export interface OfferWords {
  title: string;
  slug: string;
  summary: string;
}

export interface DigestOffer extends MatchableOffer, OfferWords {
  documentId: string;
  organizationName: string | null;
  publishedAt: string;
  /** The offer's published translations, by language. */
  translations: Partial<Record<Language, OfferWords>>;
}

/** An offer's words in `language`, and the language they are in (Polish where it is not translated). */
export function offerIn(offer: DigestOffer, language: Language): OfferWords & { language: Language } {
  const translated = offer.translations[language];
  return translated ? { ...translated, language } : { title: offer.title, slug: offer.slug, summary: offer.summary, language: 'pl' };
}

/** The published offers with what matching and the digest mail need, recruitment state included. */
export async function digestOffers(strapi: Core.Strapi, now: Date): Promise<DigestOffer[]> {
  const rows: unknown[] = await strapi.documents(OFFER).findMany({
    status: 'published',
    fields: ['title', 'slug', 'summary', 'district', 'remote', 'commitment', 'minimumAge', 'noPolishNeeded', 'publishedAt'],
    populate: { areas: { fields: ['slug'] }, organization: { fields: ['name'] } },
    sort: 'publishedAt:desc',
    limit: 100_000,
  });
  const states = new Map((await recruitmentSummary(strapi, now)).map((entry) => [entry.offer, entry.state]));
  // Subscribers who signed up on a Ukrainian or English page get the offers' words in their language.
  const translations = new Map<string, Partial<Record<Language, OfferWords>>>();
  for (const language of LANGUAGES.filter((code) => code !== DEFAULT_LANGUAGE)) {
    const translated: unknown[] = await strapi.documents(OFFER).findMany({ locale: language, status: 'published', fields: ['title', 'slug', 'summary'], limit: 100_000 });
    for (const row of translated.filter(isRecord)) {
      const words = translations.get(String(row.documentId)) ?? {};
      words[language] = { title: String(row.title), slug: String(row.slug), summary: String(row.summary ?? '') };
      translations.set(String(row.documentId), words);
    }
  }
  return rows.filter(isRecord).map((row) => ({
    documentId: String(row.documentId),
    title: String(row.title),
    slug: String(row.slug),
    summary: String(row.summary ?? ''),
    organizationName: isRecord(row.organization) ? String(row.organization.name) : null,
    areas: Array.isArray(row.areas) ? row.areas.filter(isRecord).map((area) => String(area.slug)) : [],
    district: String(row.district),
    remote: String(row.remote),
    commitment: String(row.commitment),
    minimumAge: Number(row.minimumAge ?? 18),
    noPolishNeeded: row.noPolishNeeded === true,
    publishedAt: isoTime(row.publishedAt),
    recruitment: states.get(String(row.documentId)) ?? 'closed',
    translations: translations.get(String(row.documentId)) ?? {},
  }));
}

/** The offers a person has not been sent yet, published since they confirmed, that match their choices. */
export const newMatches = (interest: Interest, offers: readonly DigestOffer[]): DigestOffer[] =>
  offers.filter((offer) => !interest.sentOffers.includes(offer.documentId) && interest.confirmedAt !== null && offer.publishedAt >= interest.confirmedAt && matchesInterest(offer, interest));
