/**
 * "Poproś o dołączenie": an organisation not yet in the directory asks to join it, and an editor
 * approves the request in the admin, which makes the profile from what was sent. Pure rules: the
 * form (whitelisted, each problem naming its field, the registry numbers checked by the same rule
 * that checks an organisation's profile), what is stored of it, and whether it repeats an
 * organisation or a request the centre already has.
 */
import { CONTROL, CONTROL_IN_TEXT, formText, HONEYPOT_FIELD, honeypotFilled, isStrictEmail, normalizeEmail, sentTooSoon } from '../public-forms/form-fields';
import { readConsent } from '../public-forms/consent-rules';
import { DISTRICTS, LEGAL_FORMS, type LegalForm } from '../shared/enum-labels';
import type { OrgPanelResultCode } from '../shared/org-panel-results';
import { checkPhone, isBlank, normalizeOrganization, validateOrganization } from '../validation/rules';

export const NAME_MAX = 200;
export const SHORT_DESCRIPTION_MIN = 20;
/** The profile's short description holds at most this much (the organization schema). */
export const SHORT_DESCRIPTION_MAX = 300;
export const WEBSITE_MAX = 500;
export const CONTACT_NAME_MAX = 120;
export const PHONE_MAX = 40;

/**
 * The form's field for the organisation's website. Not `website`: that name is every form's
 * honeypot (public-forms/form-fields.ts), which only bots fill in.
 */
export const WEBSITE_FIELD = 'homepage';

export const ORG_LEGAL_FORMS = Object.keys(LEGAL_FORMS) as LegalForm[];
export const ORG_DISTRICTS = Object.keys(DISTRICTS);

/**
 * What an editor sees of a request and the approval makes the profile from: the organisation's
 * data as the directory keeps it, its contact person, and the consent version the form showed.
 * Every value is a string, '' when not given; registry numbers are bare digits.
 */
export interface JoinRequest {
  name: string;
  legalForm: LegalForm;
  krs: string;
  nip: string;
  regon: string;
  shortDescription: string;
  /** The profile's (required) description; the form asks only for the short one, which starts it. */
  description: string;
  website: string;
  email: string;
  phone: string;
  district: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  consentVersion: string;
}

export interface JoinProblem {
  field: string;
  code: OrgPanelResultCode;
}

export type ParsedJoin = { ok: true; value: JoinRequest } | { ok: false; problems: JoinProblem[]; bot?: boolean };

const oneLine = (body: Record<string, unknown>, field: string): string => formText(body, field).replace(/\s+/g, ' ');

/** Which join code each field of the profile rule stands for, when the rule refuses it. */
const PROFILE_FIELDS: Record<string, { field: string; code: OrgPanelResultCode }> = {
  nip: { field: 'nip', code: 'invalid_nip' },
  regon: { field: 'regon', code: 'invalid_regon' },
  website: { field: WEBSITE_FIELD, code: 'invalid_website' },
  phone: { field: 'phone', code: 'invalid_phone' },
};

/**
 * The registry numbers, website and phone as the organization validation judges them: a profile
 * made from an accepted request passes it, and the rule (KRS required for foundations,
 * associations and social cooperatives) lives in one place.
 */
function profileProblems(profile: Record<string, unknown>): JoinProblem[] {
  const problems: JoinProblem[] = [];
  for (const error of validateOrganization(profile)) {
    const [path] = error.path;
    if (path === 'krs') problems.push({ field: 'krs', code: isBlank(profile.krs) ? 'missing_krs' : 'invalid_krs' });
    else if (path && Object.hasOwn(PROFILE_FIELDS, path)) problems.push(PROFILE_FIELDS[path]!);
    // The e-mail has the forms' stricter check below; the form sends no address or social links.
  }
  return problems;
}

/**
 * The join form, field by field; `acceptsConsent` knows the consent versions the form may carry.
 * A filled honeypot is a bot, answered like a success; a form sent sooner than a person fills it
 * in is refused.
 */
export function parseJoinRequest(body: Record<string, unknown>, now: Date, acceptsConsent: (version: string) => boolean): ParsedJoin {
  if (honeypotFilled(body)) return { ok: false, problems: [{ field: HONEYPOT_FIELD, code: 'join_received' }], bot: true };
  if (sentTooSoon(body, now)) return { ok: false, problems: [{ field: 'ts', code: 'too_fast' }] };
  const problems: JoinProblem[] = [];

  const name = oneLine(body, 'name');
  if (name.length < 2 || name.length > NAME_MAX || CONTROL.test(name)) problems.push({ field: 'name', code: 'invalid_name' });
  const legalForm = formText(body, 'legalForm');
  const knownForm = (ORG_LEGAL_FORMS as string[]).includes(legalForm);
  if (!knownForm) problems.push({ field: 'legalForm', code: 'invalid_legal_form' });

  // Stored as the profile stores them: bare digits, whatever was pasted ("PL 526-025-02-74").
  const numbers: Record<string, unknown> = { krs: oneLine(body, 'krs'), nip: oneLine(body, 'nip'), regon: oneLine(body, 'regon') };
  normalizeOrganization(numbers);
  const website = formText(body, WEBSITE_FIELD);
  const phone = oneLine(body, 'phone');
  // Without a known legal form the KRS rule has nothing to go by; the form's own problem says so.
  const profile = { ...numbers, legalForm: knownForm ? legalForm : 'other', website, phone };
  problems.push(...profileProblems(profile));
  if (website.length > WEBSITE_MAX && !problems.some((p) => p.field === WEBSITE_FIELD)) problems.push({ field: WEBSITE_FIELD, code: 'invalid_website' });
  if (phone.length > PHONE_MAX && !problems.some((p) => p.field === 'phone')) problems.push({ field: 'phone', code: 'invalid_phone' });

  const shortDescription = formText(body, 'shortDescription').replace(/\r\n?/g, '\n');
  if (shortDescription.length < SHORT_DESCRIPTION_MIN || shortDescription.length > SHORT_DESCRIPTION_MAX || CONTROL_IN_TEXT.test(shortDescription)) {
    problems.push({ field: 'shortDescription', code: 'invalid_short_description' });
  }
  const email = normalizeEmail(formText(body, 'email'));
  if (!isStrictEmail(email)) problems.push({ field: 'email', code: 'invalid_org_email' });
  const district = formText(body, 'district');
  if (district !== '' && !ORG_DISTRICTS.includes(district)) problems.push({ field: 'district', code: 'invalid_district' });

  const contactName = oneLine(body, 'contactName');
  if (contactName.length < 2 || contactName.length > CONTACT_NAME_MAX || CONTROL.test(contactName)) problems.push({ field: 'contactName', code: 'invalid_contact_name' });
  const contactEmail = normalizeEmail(formText(body, 'contactEmail'));
  if (!isStrictEmail(contactEmail)) problems.push({ field: 'contactEmail', code: 'invalid_contact_email' });
  const contactPhone = oneLine(body, 'contactPhone');
  if (contactPhone.length > PHONE_MAX || checkPhone(contactPhone, ['contactPhone'], 'contactPhone').length > 0) problems.push({ field: 'contactPhone', code: 'invalid_contact_phone' });

  const consent = readConsent(body, acceptsConsent);
  problems.push(...consent.problems);
  if (problems.length > 0) return { ok: false, problems };
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  return {
    ok: true,
    value: {
      name,
      legalForm: legalForm as LegalForm,
      krs: text(numbers.krs),
      nip: text(numbers.nip),
      regon: text(numbers.regon),
      shortDescription,
      description: shortDescription,
      website,
      email,
      phone,
      district,
      contactName,
      contactEmail,
      contactPhone,
      consentVersion: consent.version,
    },
  };
}

/** What a request is compared by: the registry numbers and the organisation's address. */
export type JoinKeys = Pick<JoinRequest, 'krs' | 'nip' | 'email'>;

/**
 * Whether two organisations are the same one: the same KRS or NIP (bare digits, as both are
 * stored), or the same address (in any case). Empty values match nothing.
 */
export function sameOrganization(a: JoinKeys, b: Partial<Record<keyof JoinKeys, unknown>>): boolean {
  const digits = (value: unknown): string => (typeof value === 'string' ? value.replace(/\D/g, '') : '');
  const address = (value: unknown): string => (typeof value === 'string' ? normalizeEmail(value) : '');
  if (a.krs !== '' && digits(a.krs) === digits(b.krs)) return true;
  if (a.nip !== '' && digits(a.nip) === digits(b.nip)) return true;
  return a.email !== '' && address(a.email) === address(b.email);
}
