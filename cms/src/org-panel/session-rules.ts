/**
 * The organisations' panel's sign-in and session rules, pure so that they are tested without a
 * server: who may sign in for an organisation, the session cookie, the CSRF token every form
 * carries, and when a session has ended.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { normalizeEmail } from '../public-forms/form-fields';

export interface PanelSettings {
  linkMinutes: number;
  idleHours: number;
  maxSessionHours: number;
  linkRateLimitPerIp: number;
  linkRateLimitPerEmail: number;
  writeRateLimitPerOrganization: number;
  writeRateLimitPerIp: number;
  logoMaxKb: number;
  submissionEraseMonths: number;
}

/** Where the panel lives on the CMS's address; its cookie is sent nowhere else. */
export const PANEL_PATH = '/panel';
export const SESSION_COOKIE = 'co_panel';

/** A new random secret (sign-in link or session id): 32 bytes as 43 base64url characters, as parseToken expects. */
export const newSecret = (): string => randomBytes(32).toString('base64url');
/** What the database keeps of a link or a session id: neither a copy of the table nor a log line lets anyone in. */
export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** The people an organisation lets into its panel: its contact address and the persons editors listed. */
export interface OrganizationAccess {
  documentId: string;
  name: string;
  /** The published profile's contact address. */
  email: string | null;
  /** The persons on the profile as editors last saved it (the draft): a removal takes effect on save. */
  persons: readonly { name: string; email: string }[];
}

export function mayEnter(organization: OrganizationAccess, email: string): boolean {
  const wanted = normalizeEmail(email);
  if (organization.email && normalizeEmail(organization.email) === wanted) return true;
  return organization.persons.some((person) => normalizeEmail(person.email) === wanted);
}

/** The name a person is greeted by: the listed person's, else the organisation's. */
export function personName(organization: OrganizationAccess, email: string): string {
  const wanted = normalizeEmail(email);
  return organization.persons.find((person) => normalizeEmail(person.email) === wanted)?.name ?? organization.name;
}

/** Whether a session last seen at `lastSeenAt` and begun at `createdAt` still holds at `now`. */
export function sessionAlive(session: { createdAt: Date; lastSeenAt: Date; endedAt: Date | null }, now: Date, settings: Pick<PanelSettings, 'idleHours' | 'maxSessionHours'>): boolean {
  if (session.endedAt) return false;
  if (now.getTime() - session.lastSeenAt.getTime() > settings.idleHours * 3_600_000) return false;
  return now.getTime() - session.createdAt.getTime() <= settings.maxSessionHours * 3_600_000;
}

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (another site's form cannot post
 * with it; the CSRF token stands behind that too), Secure whenever the panel is reached over HTTPS,
 * and limited to the panel's path. No Max-Age: the browser forgets it when closed, the server after
 * the idle timeout.
 */
export function sessionCookie(value: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=${PANEL_PATH}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export const clearedSessionCookie = (secure: boolean): string => `${SESSION_COOKIE}=; Path=${PANEL_PATH}; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;

/** The session id the request's Cookie header carries, if it has the shape of one. */
export function sessionFromCookies(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      const value = rest.join('=');
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}

/**
 * The CSRF token of a session: derived from the server's secret and the session's hash, so it needs
 * no storage, differs per session and cannot be computed from anything a page shows.
 */
export const csrfToken = (secret: string, sessionHash: string): string => createHmac('sha256', secret).update(`org-panel-csrf:${sessionHash}`).digest('base64url');

export function csrfMatches(secret: string, sessionHash: string, given: string): boolean {
  const expected = Buffer.from(csrfToken(secret, sessionHash));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Whether a POST came from the panel's own pages: a browser sends Origin with every form POST, and
 * one from another site (not the CMS's public address, nor the address the request came to) is
 * refused even before the token is checked. A request without Origin (an
 * old browser, a script) still needs the token.
 */
export function sameOrigin(originHeader: string | undefined, ownOrigins: readonly string[]): boolean {
  if (!originHeader) return true;
  try {
    const origin = new URL(originHeader).origin;
    return ownOrigins.some((own) => new URL(own).origin === origin);
  } catch {
    return false;
  }
}
