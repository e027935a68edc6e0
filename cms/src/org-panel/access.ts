/**
 * Signing in to the organisations' panel: mailed single-use links, sessions, and the check on every
 * request that the person still belongs to a published organisation (so a removed organisation or
 * a person an editor took off the profile loses access at once). Only hashes of links and session
 * ids are stored.
 */
import type { Core } from '@strapi/strapi';
import { formConfig } from '../public-forms/settings';
import { normalizeEmail } from '../public-forms/form-fields';
import { isRecord } from '../validation/write-shapes';
import { mayEnter, newSecret, secretHash, sessionAlive, type OrganizationAccess, type PanelSettings } from './session-rules';

export const ORGANIZATION = 'api::organization.organization';
const LINK = 'api::org-panel-link.org-panel-link';
const SESSION = 'api::org-panel-session.org-panel-session';

export const panelSettings = (strapi: Core.Strapi): PanelSettings => formConfig<PanelSettings>(strapi, 'org-panel', 'the organisations’ panel');

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const time = (value: unknown): Date => new Date(value as string | number | Date);

/** The organisation's published name and address and its draft's persons; null when it is not published (removed, unpublished). */
export async function loadAccess(strapi: Core.Strapi, documentId: string): Promise<OrganizationAccess | null> {
  const published: unknown = await strapi.db.query(ORGANIZATION).findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['documentId', 'name', 'email'] });
  if (!isRecord(published)) return null;
  const draft: unknown = await strapi.db.query(ORGANIZATION).findOne({ where: { documentId, publishedAt: { $null: true } }, select: ['id'], populate: { panelPersons: true } });
  const persons = isRecord(draft) && Array.isArray(draft.panelPersons) ? draft.panelPersons.filter(isRecord).map((person) => ({ name: text(person.name), email: text(person.email) })) : [];
  return { documentId, name: text(published.name), email: text(published.email) || null, persons };
}

/** Every published organisation the address may sign in for (a person may work for two). */
export async function organizationsFor(strapi: Core.Strapi, email: string): Promise<OrganizationAccess[]> {
  const wanted = normalizeEmail(email);
  const rows: unknown[] = await strapi.db.query(ORGANIZATION).findMany({
    where: { $or: [{ email: { $eqi: wanted }, publishedAt: { $notNull: true } }, { publishedAt: { $null: true }, panelPersons: { email: { $eqi: wanted } } }] },
    select: ['documentId'],
  });
  const ids = [...new Set(rows.filter(isRecord).map((row) => text(row.documentId)))];
  const found = await Promise.all(ids.map((id) => loadAccess(strapi, id)));
  return found.filter((access): access is OrganizationAccess => access !== null && mayEnter(access, wanted));
}

/** A new single-use link for one organisation; returns the token for the mail (only its hash is kept). */
export async function issueLink(strapi: Core.Strapi, organization: OrganizationAccess, email: string, now: Date): Promise<string> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + panelSettings(strapi).linkMinutes * 60_000);
  await strapi.db.query(LINK).create({ data: { tokenHash: secretHash(token), email: normalizeEmail(email), organizationDocumentId: organization.documentId, expiresAt } });
  return token;
}

export type LinkUse = { kind: 'ok'; organizationDocumentId: string; email: string } | { kind: 'unknown' };

/** Whether the link still works (unused, in time): for the page it opens, which changes nothing. */
export async function linkUsable(strapi: Core.Strapi, token: string, now: Date): Promise<boolean> {
  return (await strapi.db.query(LINK).count({ where: { tokenHash: secretHash(token), usedAt: { $null: true }, expiresAt: { $gt: now } } })) === 1;
}

/** Uses the link up: one conditional update, so two clicks at once sign in once. */
export async function useLink(strapi: Core.Strapi, token: string, now: Date): Promise<LinkUse> {
  const where = { tokenHash: secretHash(token), usedAt: { $null: true }, expiresAt: { $gt: now } };
  const { count } = (await strapi.db.query(LINK).updateMany({ where, data: { usedAt: now } })) as { count: number };
  if (count !== 1) return { kind: 'unknown' };
  const row: unknown = await strapi.db.query(LINK).findOne({ where: { tokenHash: where.tokenHash } });
  if (!isRecord(row)) return { kind: 'unknown' };
  return { kind: 'ok', organizationDocumentId: text(row.organizationDocumentId), email: text(row.email) };
}

export interface PanelSession {
  id: number;
  hash: string;
  email: string;
  organization: OrganizationAccess;
}

export async function startSession(strapi: Core.Strapi, organizationDocumentId: string, email: string, now: Date): Promise<string> {
  const token = newSecret();
  await strapi.db.query(SESSION).create({ data: { tokenHash: secretHash(token), email, organizationDocumentId, lastSeenAt: now } });
  return token;
}

/** A request's session while it holds: alive, and the person still allowed in a published organisation. */
export async function currentSession(strapi: Core.Strapi, token: string, now: Date): Promise<PanelSession | null> {
  const hash = secretHash(token);
  const row: unknown = await strapi.db.query(SESSION).findOne({ where: { tokenHash: hash } });
  if (!isRecord(row)) return null;
  const session = { createdAt: time(row.createdAt), lastSeenAt: time(row.lastSeenAt), endedAt: row.endedAt ? time(row.endedAt) : null };
  if (!sessionAlive(session, now, panelSettings(strapi))) return null;
  const organization = await loadAccess(strapi, text(row.organizationDocumentId));
  const email = text(row.email);
  if (!organization || !mayEnter(organization, email)) return null;
  // The idle clock moves at most once a minute: a page view then costs no write.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await strapi.db.query(SESSION).update({ where: { id: row.id }, data: { lastSeenAt: now } });
  return { id: Number(row.id), hash, email, organization };
}

export async function endSession(strapi: Core.Strapi, session: PanelSession, now: Date): Promise<void> {
  await strapi.db.query(SESSION).update({ where: { id: session.id }, data: { endedAt: now } });
}

/** Forgets used and lapsed links and ended sessions: they hold an e-mail address and serve nothing more. */
export async function forgetLapsed(strapi: Core.Strapi, now: Date): Promise<{ links: number; sessions: number }> {
  const settings = panelSettings(strapi);
  const links = (await strapi.db.query(LINK).deleteMany({ where: { $or: [{ usedAt: { $notNull: true } }, { expiresAt: { $lt: now } }] } })) as { count: number };
  const idleSince = new Date(now.getTime() - settings.idleHours * 3_600_000);
  const startedBefore = new Date(now.getTime() - settings.maxSessionHours * 3_600_000);
  const sessions = (await strapi.db.query(SESSION).deleteMany({ where: { $or: [{ endedAt: { $notNull: true } }, { lastSeenAt: { $lt: idleSince } }, { createdAt: { $lt: startedBefore } }] } })) as { count: number };
  return { links: links.count, sessions: sessions.count };
}
