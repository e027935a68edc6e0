/**
 * "Zgłoś gotowość": a resident leaves what they would like to do, and is mailed the new offers
 * that match, once a week. Pure rules: the form (whitelisted, each problem naming its field),
 * which offers match a person's choices, and when the next digest is due.
 */
import { CONTROL, CONTROL_IN_TEXT, formText, HONEYPOT_FIELD, honeypotFilled, isStrictEmail, normalizeEmail } from '../public-forms/form-fields';
import { readConsent } from '../public-forms/consent-rules';
import type { AgeGroup, InterestResultCode } from '../shared/volunteer-application-results';
import { ADULT_AGE, OFFER_DISTRICTS, type OfferDistrict } from '../shared/volunteer-offers';
import type { RecruitmentState } from './rules';
import type { Language } from '../languages/locales';
import { languageOfForm } from '../languages/words';

export const INTEREST_STATES = ['awaiting_confirmation', 'active', 'unsubscribed', 'expired'] as const;
export type InterestState = (typeof INTEREST_STATES)[number];
export type CommitmentChoice = 'any' | 'one_off' | 'regular';

/** A digest goes at most this often. */
export const DIGEST_EVERY_DAYS = 7;
/** More offers than this in one mail would not be read; the mail links to the board for the rest. */
export const DIGEST_MAX_OFFERS = 10;
const MAX_AREAS = 20;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface InterestInput {
  name: string;
  email: string;
  areas: string[];
  /** null: anywhere in Kraków. */
  district: Exclude<OfferDistrict, 'whole_city'> | null;
  commitment: CommitmentChoice;
  remoteOnly: boolean;
  noPolishOnly: boolean;
  age: AgeGroup;
  availability: string | null;
  consentVersion: string;
  /** The language of the page the form was on; the mails and the offers' links come in it. */
  language: Language;
}

export interface InterestProblem {
  field: string;
  code: InterestResultCode;
}

export type ParsedInterest = { ok: true; value: InterestInput } | { ok: false; problems: InterestProblem[]; bot?: boolean };

const ticked = (body: Record<string, unknown>, field: string): boolean => formText(body, field) !== '';

/** Every value of a field sent several times (checkboxes), trimmed, without empties. */
const allValues = (body: Record<string, unknown>, field: string): string[] => {
  const value = body[field];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string').map((item) => item.trim()).filter(Boolean);
};

export function parseInterest(body: Record<string, unknown>, acceptsConsent: (version: string) => boolean): ParsedInterest {
  if (honeypotFilled(body)) return { ok: false, problems: [{ field: HONEYPOT_FIELD, code: 'check_email' }], bot: true };
  const problems: InterestProblem[] = [];
  const name = formText(body, 'name').replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 120 || CONTROL.test(name)) problems.push({ field: 'name', code: 'invalid_name' });
  const email = normalizeEmail(formText(body, 'email'));
  if (!isStrictEmail(email)) problems.push({ field: 'email', code: 'invalid_email' });
  const areas = [...new Set(allValues(body, 'areas'))];
  if (areas.length > MAX_AREAS || !areas.every((slug) => SLUG.test(slug) && slug.length <= 150)) problems.push({ field: 'areas', code: 'invalid_areas' });
  const district = formText(body, 'district');
  if (district !== '' && (district === 'whole_city' || !(OFFER_DISTRICTS as readonly string[]).includes(district))) problems.push({ field: 'district', code: 'invalid_district' });
  const commitment = formText(body, 'commitment') || 'any';
  if (!['any', 'one_off', 'regular'].includes(commitment)) problems.push({ field: 'commitment', code: 'invalid_commitment' });
  const age = formText(body, 'age');
  if (age !== 'adult' && age !== 'minor') problems.push({ field: 'age', code: 'invalid_age' });
  const availability = formText(body, 'availability').replace(/\r\n?/g, '\n');
  if (availability.length > 500 || CONTROL_IN_TEXT.test(availability)) problems.push({ field: 'availability', code: 'invalid_availability' });
  const consent = readConsent(body, acceptsConsent);
  problems.push(...consent.problems);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name,
      email,
      areas,
      district: district === '' ? null : (district as Exclude<OfferDistrict, 'whole_city'>),
      commitment: commitment as CommitmentChoice,
      remoteOnly: ticked(body, 'remoteOnly'),
      noPolishOnly: ticked(body, 'noPolishOnly'),
      age: age as AgeGroup,
      availability: availability || null,
      consentVersion: consent.version,
      language: languageOfForm(body.language),
    },
  };
}

/** What matching needs of an offer. */
export interface MatchableOffer {
  areas: string[];
  district: string;
  remote: string;
  commitment: string;
  minimumAge: number;
  noPolishNeeded: boolean;
  recruitment: RecruitmentState;
}

export type InterestChoices = Pick<InterestInput, 'areas' | 'district' | 'commitment' | 'remoteOnly' | 'noPolishOnly' | 'age'>;

/**
 * Whether an offer is one to send: still recruiting, in one of the chosen areas (none chosen =
 * any), in the chosen district (city-wide and fully remote offers are everywhere), of the chosen
 * kind, remote when only remote help is wanted, open to minors for a minor, and needing no Polish
 * when that was asked.
 */
export function matchesInterest(offer: MatchableOffer, choices: InterestChoices): boolean {
  if (offer.recruitment === 'closed') return false;
  if (choices.areas.length > 0 && !offer.areas.some((area) => choices.areas.includes(area))) return false;
  if (choices.district && offer.district !== choices.district && offer.district !== 'whole_city' && offer.remote !== 'full') return false;
  if (choices.commitment !== 'any' && offer.commitment !== choices.commitment) return false;
  if (choices.remoteOnly && offer.remote === 'none') return false;
  if (choices.age === 'minor' && offer.minimumAge >= ADULT_AGE) return false;
  if (choices.noPolishOnly && !offer.noPolishNeeded) return false;
  return true;
}

/** Whether a person's digest is due: active, and a week since the last one (or since confirming). */
export function digestDue(interest: { state: InterestState; confirmedAt: string | null; lastDigestAt: string | null }, now: Date): boolean {
  if (interest.state !== 'active') return false;
  const since = interest.lastDigestAt ?? interest.confirmedAt;
  return since !== null && now.getTime() - Date.parse(since) >= DIGEST_EVERY_DAYS * 86_400_000;
}
