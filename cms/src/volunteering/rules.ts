/**
 * Volunteering applications as pure rules: what the form and the organisation's answer may send
 * (whitelisted, each problem naming its field), whether an offer still recruits, how quickly an
 * organisation usually answers, and which applications are due a reminder or erasure. The
 * database work is in service.ts, the mails in mail.ts.
 */
import { DateTime } from 'luxon';
import type { Language } from '../languages/locales';
import { languageOfForm } from '../languages/words';
import { CONTROL, CONTROL_IN_TEXT, DOCUMENT_ID, formText, HONEYPOT_FIELD, honeypotFilled, isStrictEmail, normalizeEmail } from '../public-forms/form-fields';
import { readConsent } from '../public-forms/consent-rules';
import { AGE_GROUPS, DECLINE_REASONS, type AgeGroup, type ApplicationResultCode, type DeclineReason } from '../shared/volunteer-application-results';
import { ADULT_AGE, lastApplicationDay, recruitmentEnded, type OfferDates } from '../shared/volunteer-offers';

const TIME_ZONE = 'Europe/Warsaw';

export const STATES = ['awaiting_confirmation', 'submitted', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type ApplicationState = (typeof STATES)[number];

/** An application that counts as the person's application to the offer: a repeat sends its link again. */
export const LIVE: readonly ApplicationState[] = ['awaiting_confirmation', 'submitted', 'accepted'];
/** What the applicant's link may withdraw (a declined application is over already). */
export const WITHDRAWABLE: readonly ApplicationState[] = ['awaiting_confirmation', 'submitted', 'accepted'];
/** Answers leave from here only, so a second click, or one after a withdrawal, changes nothing. */
export const ANSWERABLE: readonly ApplicationState[] = ['submitted'];

export const NAME_MAX = 120;
export const AVAILABILITY_MAX = 500;
export const MESSAGE_MAX = 1500;
export const NOTE_MAX = 1000;

export interface ApplicationInput {
  offerDocumentId: string;
  name: string;
  email: string;
  phone: string | null;
  availability: string;
  message: string | null;
  age: AgeGroup;
  consentVersion: string;
  /** The language of the offer page the form was on; the applicant's answers and mails come in it. */
  language: Language;
}

export interface Problem {
  field: string;
  code: ApplicationResultCode;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[]; bot?: boolean };

const oneLine = (body: Record<string, unknown>, field: string): string => formText(body, field).replace(/\s+/g, ' ');
const longText = (body: Record<string, unknown>, field: string): string => formText(body, field).replace(/\r\n?/g, '\n');

/** The application form, field by field; `acceptsConsent` knows the consent versions the form may carry. */
export function parseApplication(body: Record<string, unknown>, acceptsConsent: (version: string) => boolean): Parsed<ApplicationInput> {
  if (honeypotFilled(body)) return { ok: false, problems: [{ field: HONEYPOT_FIELD, code: 'check_email' }], bot: true };
  const problems: Problem[] = [];
  const offer = formText(body, 'offer');
  if (!DOCUMENT_ID.test(offer)) problems.push({ field: 'offer', code: 'invalid_offer' });
  const name = oneLine(body, 'name');
  if (name.length < 2 || name.length > NAME_MAX || CONTROL.test(name)) problems.push({ field: 'name', code: 'invalid_name' });
  const email = normalizeEmail(formText(body, 'email'));
  if (!isStrictEmail(email)) problems.push({ field: 'email', code: 'invalid_email' });
  const phone = oneLine(body, 'phone');
  if (phone !== '' && (!/^\+?[\d\s()-]{9,20}$/.test(phone) || phone.replace(/\D/g, '').length < 9)) problems.push({ field: 'phone', code: 'invalid_phone' });
  const availability = longText(body, 'availability');
  if (availability.length < 3 || availability.length > AVAILABILITY_MAX || CONTROL_IN_TEXT.test(availability)) problems.push({ field: 'availability', code: 'invalid_availability' });
  const message = longText(body, 'message');
  if (message.length > MESSAGE_MAX || CONTROL_IN_TEXT.test(message)) problems.push({ field: 'message', code: 'invalid_message' });
  const age = formText(body, 'age');
  if (!(AGE_GROUPS as readonly string[]).includes(age)) problems.push({ field: 'age', code: 'invalid_age' });
  const consent = readConsent(body, acceptsConsent);
  problems.push(...consent.problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { offerDocumentId: offer, name, email, phone: phone || null, availability, message: message || null, age: age as AgeGroup, consentVersion: consent.version, language: languageOfForm(body.language) } };
}

export type Answer = { decision: 'accept'; note: string | null } | { decision: 'decline'; reason: DeclineReason; note: string | null };

/** The organisation's answer from its link page: accept, or decline with a stock reason (and words of its own for "other"). */
export function parseAnswer(body: Record<string, unknown>): Parsed<Answer> {
  const note = longText(body, 'note');
  if (note.length > NOTE_MAX || CONTROL_IN_TEXT.test(note)) return { ok: false, problems: [{ field: 'note', code: 'invalid_reason' }] };
  const decision = formText(body, 'decision');
  if (decision === 'accept') return { ok: true, value: { decision: 'accept', note: note || null } };
  const reason = formText(body, 'reason');
  if (decision !== 'decline' || !Object.hasOwn(DECLINE_REASONS, reason) || (reason === 'other' && note === '')) {
    return { ok: false, problems: [{ field: 'reason', code: 'invalid_reason' }] };
  }
  return { ok: true, value: { decision: 'decline', reason: reason as DeclineReason, note: note || null } };
}

/** Whether someone of this age group may apply: minors only where the offer's minimum age is under 18. */
export const ageAllowed = (age: AgeGroup, minimumAge: number): boolean => age === 'adult' || minimumAge < ADULT_AGE;

export interface RecruitingOffer extends OfferDates {
  volunteersWanted: number;
  whenFilled: 'reserve' | 'close';
}

/**
 * open: applications welcome; reserve: the wanted number is accepted and further applications
 * are a reserve ("rekrutacja uzupełniająca"); closed: past its last day, or full and the
 * organisation chose to close.
 */
export type RecruitmentState = 'open' | 'reserve' | 'closed';

export function recruitmentState(offer: RecruitingOffer, accepted: number, today: string): RecruitmentState {
  if (recruitmentEnded(offer, today)) return 'closed';
  if (accepted < offer.volunteersWanted) return 'open';
  return offer.whenFilled === 'close' ? 'closed' : 'reserve';
}

export const todayInKrakow = (now: Date): string => DateTime.fromJSDate(now, { zone: TIME_ZONE }).toISODate() ?? '';

/** Answers counted for an organisation's usual response time: the last 90 days, at least 5 of them. */
export const ANSWER_WINDOW_DAYS = 90;
export const MIN_ANSWERS = 5;

/**
 * The median hours from the applicant's confirmation to the organisation's answer, over answers
 * given in the last 90 days; null below five answers, where one slow week would define the organisation.
 */
export function medianAnswerHours(answers: readonly { confirmedAt: string; answeredAt: string }[], now: Date): number | null {
  const since = now.getTime() - ANSWER_WINDOW_DAYS * 86_400_000;
  const hours = answers
    .filter((answer) => Date.parse(answer.answeredAt) >= since)
    .map((answer) => (Date.parse(answer.answeredAt) - Date.parse(answer.confirmedAt)) / 3_600_000)
    .filter((value) => Number.isFinite(value) && value >= 0)
    .sort((a, b) => a - b);
  if (hours.length < MIN_ANSWERS) return null;
  const middle = Math.floor(hours.length / 2);
  return hours.length % 2 === 1 ? hours[middle]! : (hours[middle - 1]! + hours[middle]!) / 2;
}

/** "zwykle w ciągu 5 godzin" / "… 2 dni": the wording the offer page uses. */
export function answerTimeText(hours: number): string {
  const { unit, count } = answerDelay(hours);
  if (unit === 'hours') return `zwykle w ciągu ${count} ${count === 1 ? 'godziny' : 'godzin'}`;
  return `zwykle w ciągu ${count} ${count === 1 ? 'dnia' : 'dni'}`;
}

/** A median answer time as people say it: whole hours under a day (at least one), else whole days, rounded up. */
export function answerDelay(hours: number): { unit: 'hours' | 'days'; count: number } {
  return hours < 24 ? { unit: 'hours', count: Math.max(1, Math.ceil(hours)) } : { unit: 'days', count: Math.ceil(hours / 24) };
}

/** An unanswered application is a reminder's business after this many days, and again every as many days. */
export function reminderDue(application: { state: ApplicationState; confirmedAt: string | null; remindedAt: string | null }, now: Date, days: number): boolean {
  if (application.state !== 'submitted' || !application.confirmedAt) return false;
  const cutoff = now.getTime() - days * 86_400_000;
  return Date.parse(application.confirmedAt) <= cutoff && (application.remindedAt === null || Date.parse(application.remindedAt) <= cutoff);
}

/**
 * The day after which an application's personal data goes: `months` after its offer's last day
 * (its end, else its last day of applications); for an offer that is gone, `months` after the
 * application's own last activity.
 */
export function erasureDay(offer: (OfferDates & { endsOn?: string | null }) | null, lastActivity: string, months: number): string {
  const offerLast = offer ? (offer.endsOn ? offer.endsOn.slice(0, 10) : lastApplicationDay(offer)) : null;
  const from = offerLast ? DateTime.fromISO(offerLast, { zone: TIME_ZONE }) : DateTime.fromISO(lastActivity, { zone: TIME_ZONE });
  return from.plus({ months }).toISODate() ?? '';
}
