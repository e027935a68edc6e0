/**
 * What the sign-up form may send, read field by field (with the checks every public form shares,
 * public-forms/form-fields.ts): anything not named here never reaches the database. Each problem
 * names its field, so the site can say what to correct.
 */
import { NEEDS, type Need } from './rules';
import type { Language } from '../languages/locales';
import { languageOfForm } from '../languages/words';
import { RESULT_PAGES, type ResultCode } from '../shared/signup-results';
import { readConsent } from '../public-forms/consent-rules';
import { CONTROL, DATE, DOCUMENT_ID, formText, HONEYPOT_FIELD, honeypotFilled, isStrictEmail, normalizeEmail, sentTooSoon, TIME } from '../public-forms/form-fields';

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
  /** The language of the page the form was on (a hidden field); Polish when missing or unknown. */
  language: Language;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[]; bot?: boolean };

/**
 * The spam checks of the sign-up form, as the problems it answers with. A filled honeypot is
 * answered like a success (a bot learns nothing), hence its code.
 */
export function botCheck(body: Record<string, unknown>, now: Date): FieldProblem | null {
  if (honeypotFilled(body)) return { field: HONEYPOT_FIELD, code: 'check_email', message: 'honeypot filled in' };
  return sentTooSoon(body, now) ? problem('ts', 'too_fast') : null;
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
      language: languageOfForm(body.language),
    },
  };
}
