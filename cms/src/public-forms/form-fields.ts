/**
 * Reading the fields of a posted public form, and the checks every form makes alike; every form's
 * parser goes through this, so a new form cannot read a field more loosely than the others.
 */

/** One text field of a urlencoded form, trimmed; '' when absent or not text. */
export function formText(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  // A field sent twice arrives as an array; the first value counts, like a browser's single field.
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

/** A Strapi documentId as the forms send it (of an event, a room, a guide). */
export const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;
/** A date as `<input type="date">` sends it; whether it exists is the form's own check. */
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A wall-clock time as `<input type="time">` sends it, 00:00–23:59. */
export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Control characters, refused in one-line fields (names, organisations). */
export const CONTROL = /[\u0000-\u001f\u007f]/;
/** Control characters other than line breaks and tabs, which people type into a longer text. */
export const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

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

/** The form of an address used for "one entry per e-mail" and rate limits: trimmed, lower case. */
export const normalizeEmail = (value: string): string => value.trim().toLowerCase();

/** The forms' honeypot: a text field hidden from people (and from assistive technology) that bots fill in. */
export const HONEYPOT_FIELD = 'website';

/** Whether a bot filled in the honeypot; each form answers it like a success, so the bot learns nothing. */
export const honeypotFilled = (body: Record<string, unknown>): boolean => formText(body, HONEYPOT_FIELD) !== '';

/** Below this many milliseconds between showing the form and sending it, a person did not fill it in. */
export const MIN_FILL_MS = 3000;

/**
 * Whether the form came back sooner than a person fills it in, by the time the site's script
 * wrote into `ts` when the form was shown. Without JavaScript the field stays empty and only the
 * honeypot, the rate limits and the e-mail confirmation stand in the way.
 */
export function sentTooSoon(body: Record<string, unknown>, now: Date): boolean {
  const shown = formText(body, 'ts');
  if (shown === '') return false;
  const shownAt = Number(shown);
  return !Number.isFinite(shownAt) || now.getTime() - shownAt < MIN_FILL_MS;
}

/** A token from a mailed link or the link page's form: 43 base64url characters (32 random bytes, link-tokens.ts). */
export function parseToken(body: Record<string, unknown>): string | null {
  const token = formText(body, 'token');
  return /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}
