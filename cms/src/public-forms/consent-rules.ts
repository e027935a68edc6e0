/**
 * Consent under the public forms, as pure rules. Each form shows one text from the site settings;
 * every text it ever showed is kept as a version (text, from when, until when), so the centre can
 * show what a person agreed to (GDPR art. 7(1)). A form is accepted only with the version shown
 * now, or the one before it for a grace period after a change, since a page built before the
 * change may still be open in someone's browser.
 */
import { DateTime } from 'luxon';
import { formText } from './form-fields';
import { TIME_ZONE } from '../shared/recurrence';

/** The forms that ask for consent, and where the site settings keep each one's text and current version. */
export const CONSENT_FORMS = {
  registration: { textField: 'registrationConsentText', versionField: 'registrationConsentVersion', prefix: 'zapisy' },
  'room-request': { textField: 'roomRequestConsentText', versionField: 'roomRequestConsentVersion', prefix: 'sale' },
  'volunteer-application': { textField: 'volunteerConsentText', versionField: 'volunteerConsentVersion', prefix: 'wolontariat' },
  'volunteer-interest': { textField: 'volunteerInterestConsentText', versionField: 'volunteerInterestConsentVersion', prefix: 'gotowosc' },
  'org-join': { textField: 'orgJoinConsentText', versionField: 'orgJoinConsentVersion', prefix: 'dolaczenie' },
} as const;

export type ConsentForm = keyof typeof CONSENT_FORMS;
export const CONSENT_FORM_NAMES = Object.keys(CONSENT_FORMS) as ConsentForm[];

export interface ConsentVersion {
  form: ConsentForm;
  version: string;
  text: string;
  /** UTC ISO instants; `validTo` is null for the text shown now. */
  validFrom: string;
  validTo: string | null;
}

export const MAX_VERSION_LENGTH = 40;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The version shown now: the one still open. */
export const currentVersion = (history: readonly ConsentVersion[]): ConsentVersion | null => history.find((entry) => entry.validTo === null) ?? null;

/**
 * Whether a form sent with `shown` may be accepted at `now`: the current version, or the one it
 * replaced while the change is younger than `graceMs`. Any other version — older, never
 * published, or a version of another form — is refused.
 */
export function acceptsConsent(history: readonly ConsentVersion[], shown: string, now: Date, graceMs: number): boolean {
  const current = currentVersion(history);
  if (!current || shown === '') return false;
  if (shown === current.version) return true;
  const previous = history.find((entry) => entry.version === shown);
  if (!previous?.validTo || Date.parse(previous.validTo) !== Date.parse(current.validFrom)) return false;
  return now.getTime() - Date.parse(previous.validTo) <= graceMs;
}

export type ConsentCode = 'invalid_consent_version' | 'missing_consent';

/**
 * The consent part of a posted form: the version the page showed, which `accepts` must know,
 * and the ticked box. Each problem names its field, like every other field of a form.
 */
export function readConsent(body: Record<string, unknown>, accepts: (version: string) => boolean): { version: string; problems: { field: 'consentVersion' | 'consent'; code: ConsentCode }[] } {
  const version = formText(body, 'consentVersion');
  const problems: { field: 'consentVersion' | 'consent'; code: ConsentCode }[] = [];
  if (version.length > MAX_VERSION_LENGTH || CONTROL.test(version) || !accepts(version)) problems.push({ field: 'consentVersion', code: 'invalid_consent_version' });
  if (formText(body, 'consent') === '') problems.push({ field: 'consent', code: 'missing_consent' });
  return { version, problems };
}

/** A name for a new version: the form's prefix and the Kraków date of the change, numbered when the day already has one. */
export function newVersionName(form: ConsentForm, now: Date, taken: ReadonlySet<string>): string {
  const base = `${CONSENT_FORMS[form].prefix}-${DateTime.fromJSDate(now, { zone: TIME_ZONE }).toISODate()!}`;
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}-${n}`;
  return name;
}

export type ConsentChange =
  | { kind: 'unchanged'; version: string | null }
  | { kind: 'refused'; message: string }
  | { kind: 'new'; version: string; text: string; closes: ConsentVersion | null };

/** Texts compare without the spaces an editor's paste adds at the ends. */
const sameText = (a: string, b: string): boolean => a.trim() === b.trim();

/**
 * What saving the settings with `text` means for one form's consent. The first text may keep the
 * version it was given (a database from before the history, or the seed); every later change
 * gets a new version from the CMS, whatever the write says, so no two texts share one.
 */
export function planConsentChange(form: ConsentForm, history: readonly ConsentVersion[], text: string, offeredVersion: string, now: Date, taken: ReadonlySet<string>): ConsentChange {
  const current = currentVersion(history);
  if (text.trim() === '') {
    return current ? { kind: 'refused', message: 'tekstu zgody nie można usunąć – formularz bez niego nie działa. Wpisz nowy tekst, a poprzedni zostanie w historii zgód.' } : { kind: 'unchanged', version: null };
  }
  if (current && sameText(current.text, text)) return { kind: 'unchanged', version: current.version };
  const offered = offeredVersion.trim();
  const keepOffered = history.length === 0 && offered !== '' && offered.length <= MAX_VERSION_LENGTH && !CONTROL.test(offered) && !taken.has(offered);
  return { kind: 'new', version: keepOffered ? offered : newVersionName(form, now, taken), text: text.trim(), closes: current };
}
