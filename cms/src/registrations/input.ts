/**
 * What a public form may send, read field by field: anything not named here never reaches the
 * database. Each problem names its field, so the site can say what to correct.
 */
import { NEEDS, type Need } from './rules';
import { RESULT_PAGES, type ResultCode } from '../shared/signup-results';
import { readConsent } from '../public-forms/consent-rules';
import { formText } from '../public-forms/form-fields';

export interface FieldProblem {
  field: string;
  code: ResultCode;
  message: string;
}

const problem = (field: string, code: ResultCode): FieldProblem => ({ field, code, message: RESULT_PAGES[code].message });

export interface SignUpInput {
  eventDocumentId: string;
  occurrenceDate: string;
  slot: string | null;
  name: string;
  email: string;
  organisation: string | null;
  needs: Need[];
  needsOther: string | null;
  consentVersion: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[]; bot?: boolean };

/** Below this many milliseconds between showing the form and sending it, a person did not fill it in. */
export const MIN_FILL_MS = 3000;
/** The form's honeypot: a text field hidden from people (and from assistive technology) that bots fill in. */
export const HONEYPOT_FIELD = 'website';

const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A deliberately narrow address check, since the address goes into a mail header: ASCII only,
 * one `@`, a local part of letters, digits and . _ % + - (no quotes, brackets, commas or spaces,
 * which is where mail address parsers have had their bugs), a domain of at least two labels with
 * a letter-only top-level label or an IDN's `xn--` one. Lengths as RFC 5321 allows.
 */
export function isStrictEmail(value: string): boolean {
  if (value.length > 254 || CONTROL.test(value)) return false;
  const at = value.indexOf('@');
  if (at < 1 || at !== value.lastIndexOf('@')) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || !/^[A-Za-z0-9._%+-]+$/.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || domain.length > 253) return false;
  if (!labels.every((label) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label))) return false;
  const top = labels[labels.length - 1]!;
  return /^[A-Za-z]{2,63}$/.test(top) || /^xn--[A-Za-z0-9-]{2,59}$/.test(top);
}

/** The form of an address used for "one sign-up per e-mail" and rate limits: trimmed, lower case. */
export const normalizeEmail = (value: string): string => value.trim().toLowerCase();


/**
 * Spam checks common to every public form: the honeypot is empty and the form was not sent at
 * once. A filled honeypot is answered like a success (a bot learns nothing), hence its code.
 */
export function botCheck(body: Record<string, unknown>, now: Date): FieldProblem | null {
  if (formText(body, HONEYPOT_FIELD) !== '') return { field: HONEYPOT_FIELD, code: 'check_email', message: 'honeypot filled in' };
  // The site's script writes when the form was shown; without JavaScript the field stays empty and
  // only the honeypot, the rate limits and the e-mail confirmation stand in the way.
  const shown = formText(body, 'ts');
  if (shown === '') return null;
  const shownAt = Number(shown);
  if (!Number.isFinite(shownAt) || now.getTime() - shownAt < MIN_FILL_MS) {
    return problem('ts', 'too_fast');
  }
  return null;
}

/**
 * The sign-up form, whitelisted and checked. The consent version recorded is the one the page
 * showed, which `acceptsConsent` must accept (public-forms/consent-rules.ts).
 */
export function parseSignUp(body: Record<string, unknown>, now: Date, acceptsConsent: (version: string) => boolean): Parsed<SignUpInput> {
  const bot = botCheck(body, now);
  if (bot) return { ok: false, problems: [bot], bot: bot.field === HONEYPOT_FIELD };

  const problems: FieldProblem[] = [];
  const event = formText(body, 'event');
  if (!DOCUMENT_ID.test(event)) problems.push(problem('event', 'invalid_event'));
  // The site's form sends one choice, `unit` = "YYYY-MM-DD" or "YYYY-MM-DD/HH:mm" (a slot); API clients may send date and slot.
  const unit = formText(body, 'unit');
  const [date = '', slot = ''] = unit ? unit.split('/') : [formText(body, 'date'), formText(body, 'slot')];
  if (!DATE.test(date)) problems.push(problem('date', 'invalid_date'));
  if (slot !== '' && !TIME.test(slot)) problems.push(problem('slot', 'invalid_slot'));

  const name = formText(body, 'name').replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 120 || CONTROL.test(name)) problems.push(problem('name', 'invalid_name'));
  const email = normalizeEmail(formText(body, 'email'));
  if (!isStrictEmail(email)) problems.push(problem('email', 'invalid_email'));
  const organisation = formText(body, 'organisation').replace(/\s+/g, ' ');
  if (organisation.length > 200) problems.push(problem('organisation', 'invalid_organisation'));

  const rawNeeds = body.needs === undefined ? [] : Array.isArray(body.needs) ? body.needs : [body.needs];
  const needs = [...new Set(rawNeeds.filter((need): need is string => typeof need === 'string'))];
  if (needs.some((need) => !(NEEDS as readonly string[]).includes(need))) problems.push(problem('needs', 'invalid_needs'));
  const needsOther = formText(body, 'needsOther');
  if (needsOther.length > 500) problems.push(problem('needsOther', 'invalid_needs_other'));

  const consent = readConsent(body, acceptsConsent);
  problems.push(...consent.problems.map(({ field, code }) => problem(field, code)));

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      eventDocumentId: event,
      occurrenceDate: date,
      slot: slot || null,
      name,
      email,
      organisation: organisation || null,
      needs: needs as Need[],
      needsOther: needsOther || null,
      consentVersion: consent.version,
    },
  };
}

/** A token from a mailed link or the confirm page's form: 43 base64url characters (32 random bytes). */
export function parseToken(body: Record<string, unknown>): string | null {
  const token = formText(body, 'token');
  return /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}
