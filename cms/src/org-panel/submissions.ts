/**
 * An organisation's writes from the panel. Each goes through the Document Service, so the project's
 * rules (validation/document-middleware.ts) check it exactly as an editor's, and lands in the
 * entry's draft: a published event, offer or profile stays online as it was until an editor
 * approves the change in "Zgłoszenia" (moderation.ts). A trusted organisation's write is published
 * at once and still listed for review after the fact. Ownership is checked on the stored entry,
 * never on anything the request says.
 */
import { DEFAULT_LANGUAGE, isLocalizedType } from '../languages/locales';
import { createId } from '@paralleldrive/cuid2';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { withKeyLock } from '../public-forms/lock';
import { isRecord } from '../validation/write-shapes';
import { ORGANIZATION, panelSettings } from './access';
import { problemsFromValidation, type FieldProblem } from './form-kit';
import { pendingChanges } from './moderation';
import type { OrganizationAccess } from './session-rules';

export const SUBMISSION = 'api::org-submission.org-submission';
export const EVENT = 'api::event.event';
export const OFFER = 'api::volunteer-offer.volunteer-offer';

export type ProposalKind = 'event' | 'volunteer_offer' | 'profile';

export const KIND_UID: Record<ProposalKind, UID.ContentType> = { event: EVENT, volunteer_offer: OFFER, profile: ORGANIZATION };

/** The relation naming the organisation an entry belongs to. */
const OWNER_FIELD: Record<Exclude<ProposalKind, 'profile'>, string> = { event: 'organizer', volunteer_offer: 'organization' };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The draft of one of the organisation's own entries (with its components and to-one and to-many relations), or null. */
export async function ownDraft(strapi: Core.Strapi, kind: ProposalKind, documentId: string, organizationDocumentId: string): Promise<Record<string, unknown> | null> {
  const uid = KIND_UID[kind];
  const populate: Record<string, unknown> = kind === 'event' ? { organizer: true, venue: { populate: { address: true } }, accessibility: true } : kind === 'volunteer_offer' ? { organization: true, areas: true, address: true } : { areas: true, address: true, socialLinks: true, logo: true };
  // The Polish entry: the panel proposes changes to it; a translation's draft is the editors' work.
  const row: unknown = await strapi.db.query(uid).findOne({ where: { documentId, publishedAt: { $null: true }, ...(isLocalizedType(uid) ? { locale: DEFAULT_LANGUAGE } : {}) }, populate });
  if (!isRecord(row)) return null;
  if (kind === 'profile') return documentId === organizationDocumentId ? row : null;
  const owner = row[OWNER_FIELD[kind]];
  return isRecord(owner) && owner.documentId === organizationDocumentId ? row : null;
}

const isPublished = async (strapi: Core.Strapi, uid: UID.ContentType, documentId: string): Promise<boolean> =>
  (await strapi.db.query(uid).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;

/** Read from the draft, like the panel persons: an editor's save takes effect without publishing (the panel never writes it). */
export async function isTrusted(strapi: Core.Strapi, organizationDocumentId: string): Promise<boolean> {
  const row: unknown = await strapi.db.query(ORGANIZATION).findOne({ where: { documentId: organizationDocumentId, publishedAt: { $null: true } }, select: ['trusted'] });
  return isRecord(row) && row.trusted === true;
}

export type SaveResult = { kind: 'saved'; documentId: string; state: 'pending' | 'published_trusted' } | { kind: 'invalid'; problems: FieldProblem[] } | { kind: 'not_found' };

export interface Proposal {
  kind: ProposalKind;
  organization: OrganizationAccess;
  /** Who submitted: their address is told of the editors' decision. */
  email: string;
  /** The entry to change; absent for a new event or offer. */
  documentId?: string;
  /** Only fields of the panel's forms (forms.ts). */
  data: Record<string, unknown>;
  /** What the editors' list shows. */
  title: string;
  now: Date;
}

/** Writes the proposal into the entry's draft and puts it in the editors' queue (or publishes it for a trusted organisation). */
export async function saveProposal(strapi: Core.Strapi, proposal: Proposal): Promise<SaveResult> {
  const { kind, organization, documentId } = proposal;
  const uid = KIND_UID[kind];
  const lockKey = `org-submission:${kind}:${documentId ?? `new:${organization.documentId}`}`;
  return withKeyLock(strapi, lockKey, async (): Promise<SaveResult> => {
    if (documentId && !(await ownDraft(strapi, kind, documentId, organization.documentId))) return { kind: 'not_found' };
    const documents = strapi.documents(uid) as unknown as {
      create(params: { data: Record<string, unknown> }): Promise<{ documentId: string }>;
      update(params: { documentId: string; data: Record<string, unknown> }): Promise<{ documentId: string } | null>;
      publish(params: { documentId: string }): Promise<unknown>;
    };
    let targetId: string;
    try {
      if (documentId) {
        const updated = await documents.update({ documentId, data: proposal.data });
        if (!updated) return { kind: 'not_found' };
        targetId = documentId;
      } else {
        if (kind === 'profile') return { kind: 'not_found' };
        const created = await documents.create({ data: { ...proposal.data, [OWNER_FIELD[kind]]: organization.documentId } });
        targetId = created.documentId;
      }
    } catch (error) {
      if (!(error instanceof errors.ValidationError)) throw error;
      // The panel has no room field (rooms are the centre's to give): "needs a room or a venue" belongs next to the venue.
      const problems = problemsFromValidation(error.details, error.message).map((problem) => (problem.field === 'room' ? { ...problem, field: 'venue.name' } : problem));
      return { kind: 'invalid', problems };
    }
    const change = (await isPublished(strapi, uid, targetId)) ? 'edit' : 'new';
    const trusted = await isTrusted(strapi, organization.documentId);
    if (trusted) {
      // Kept for the editors' look afterwards: once published, draft and published version are the same.
      const changes = await pendingChanges(strapi, uid, targetId);
      try {
        await documents.publish({ documentId: targetId });
      } catch (error) {
        // The draft is saved; what publishing refused (e.g. a rule over the whole entry) waits for an editor like any proposal.
        if (!(error instanceof errors.ValidationError)) throw error;
        strapi.log.warn(`Organisations' panel: a trusted organisation's ${kind} ${targetId} was saved but not published (${error.message}); it waits in Zgłoszenia.`);
        await recordSubmission(strapi, proposal, targetId, change, 'pending');
        return { kind: 'saved', documentId: targetId, state: 'pending' };
      }
      await recordSubmission(strapi, proposal, targetId, change, 'published_trusted', changes);
      return { kind: 'saved', documentId: targetId, state: 'published_trusted' };
    }
    await recordSubmission(strapi, proposal, targetId, change, 'pending');
    return { kind: 'saved', documentId: targetId, state: 'pending' };
  });
}

/** One pending submission per entry: a second change before the decision replaces the first in the queue. */
async function recordSubmission(strapi: Core.Strapi, proposal: Proposal, targetDocumentId: string, change: 'new' | 'edit', state: 'pending' | 'published_trusted', publishedChanges: unknown = null): Promise<void> {
  const data = {
    kind: proposal.kind,
    change,
    state,
    targetDocumentId,
    organizationDocumentId: proposal.organization.documentId,
    organizationName: proposal.organization.name,
    title: proposal.title.slice(0, 200),
    submittedBy: proposal.email,
    submittedAt: proposal.now,
    reason: null,
    reasonText: null,
    decidedAt: null,
    decidedBy: null,
    digestedAt: null,
    publishedChanges,
  };
  const waiting: unknown = state === 'pending' ? await strapi.db.query(SUBMISSION).findOne({ where: { targetDocumentId, kind: proposal.kind, state: 'pending' } }) : null;
  if (isRecord(waiting)) await strapi.db.query(SUBMISSION).update({ where: { id: waiting.id }, data: { ...data, change: text(waiting.change) === 'new' ? 'new' : change } });
  // A documentId as the Document Service would give it, so the admin can open the row.
  else await strapi.db.query(SUBMISSION).create({ data: { ...data, documentId: createId() } });
}

export interface SubmissionView {
  kind: ProposalKind | 'join';
  change: 'new' | 'edit';
  state: string;
  targetDocumentId: string;
  title: string;
  submittedAt: string;
  reason: string | null;
  reasonText: string | null;
  decidedAt: string | null;
}

/** The organisation's own submissions, newest first: the panel shows each entry's latest. */
export async function ownSubmissions(strapi: Core.Strapi, organizationDocumentId: string): Promise<SubmissionView[]> {
  const rows: unknown[] = await strapi.db.query(SUBMISSION).findMany({ where: { organizationDocumentId }, orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }], limit: 500 });
  return rows.filter(isRecord).map((row) => ({
    kind: text(row.kind) as SubmissionView['kind'],
    change: text(row.change) === 'edit' ? 'edit' : 'new',
    state: text(row.state),
    targetDocumentId: text(row.targetDocumentId),
    title: text(row.title),
    submittedAt: String(row.submittedAt ?? ''),
    reason: row.reason ? text(row.reason) : null,
    reasonText: row.reasonText ? text(row.reasonText) : null,
    decidedAt: row.decidedAt ? String(row.decidedAt) : null,
  }));
}

/** What a join request keeps once erased: the organisation it named, not the person who asked. */
const KEPT_OF_JOIN = ['name', 'legalForm'] as const;

/**
 * Erases the people in decided submissions `submissionEraseMonths` after the decision (after the
 * sending, for what a trusted organisation published and nobody reviewed): who sent it, and a join
 * request's contact person and details. The rows stay, with their kind, organisation, title and
 * decision, for the centre's counts. Returns how many rows were erased.
 */
export async function eraseDecidedSubmissions(strapi: Core.Strapi, now: Date): Promise<number> {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - panelSettings(strapi).submissionEraseMonths);
  const rows: unknown[] = await strapi.db.query(SUBMISSION).findMany({
    where: {
      state: { $ne: 'pending' },
      $and: [
        { $or: [{ decidedAt: { $lt: cutoff } }, { decidedAt: { $null: true }, submittedAt: { $lt: cutoff } }] },
        { $or: [{ submittedBy: { $notNull: true } }, { kind: 'join', joinRequest: { $notNull: true } }] },
      ],
    },
    select: ['id', 'kind', 'joinRequest', 'submittedBy'],
  });
  let erased = 0;
  for (const row of rows.filter(isRecord)) {
    const join = isRecord(row.joinRequest) ? row.joinRequest : null;
    const kept = join ? Object.fromEntries(KEPT_OF_JOIN.map((field) => [field, join[field] ?? ''])) : null;
    // Already erased: nothing of a person is left to take.
    if (row.submittedBy === null && (!join || Object.keys(join).every((field) => (KEPT_OF_JOIN as readonly string[]).includes(field)))) continue;
    await strapi.db.query(SUBMISSION).update({ where: { id: row.id }, data: { submittedBy: null, ...(row.kind === 'join' ? { joinRequest: kept } : {}) } });
    erased += 1;
  }
  return erased;
}
