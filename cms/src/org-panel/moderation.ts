/**
 * The editors' queue of the organisations' proposals ("Zgłoszenia") as database work. A proposal
 * is the draft of its entry (submissions.ts writes it through the Document Service), so deciding
 * is a Document Service call on that draft: approve publishes it, rejecting an edit discards it
 * (the draft again equals what is online), spam removes a new entry outright. Each decision runs
 * under the lock of its entry — the same key the panel's save takes — so an approval never
 * publishes half of an edit the organisation is saving at that moment; the mail goes after the
 * lock, so a slow mail server holds nobody up.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { withKeyLock } from '../public-forms/lock';
import { profileForm } from './forms';
import { isoTime, isRecord } from '../validation/write-shapes';
import {
  asJoinRequest,
  diffEntries,
  joinRows,
  organizationFromJoin,
  refusal,
  STATE_AFTER,
  SUBMISSION_KINDS,
  SUBMISSION_STATES,
  type AttributeShape,
  type AttributeShapes,
  type Decision,
  type DiffSchema,
  type FieldChange,
  type JoinRequest,
  type JoinRow,
  type ProposalKind,
  type RejectReason,
  type SubmissionKind,
  type SubmissionState,
} from './moderation-rules';

export const SUBMISSION = 'api::org-submission.org-submission';
export const ORGANIZATION = 'api::organization.organization';

export const TARGET_UID: Record<ProposalKind, UID.ContentType> = {
  event: 'api::event.event',
  volunteer_offer: 'api::volunteer-offer.volunteer-offer',
  profile: ORGANIZATION,
};

export interface Submission {
  id: number;
  documentId: string;
  kind: SubmissionKind;
  change: 'new' | 'edit';
  state: SubmissionState;
  targetDocumentId: string | null;
  organizationDocumentId: string | null;
  organizationName: string | null;
  title: string;
  submittedBy: string | null;
  submittedAt: string;
  joinRequest: unknown;
  reason: RejectReason | null;
  reasonText: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  digestedAt: string | null;
  /** What a trusted organisation's write changed, kept from before it was published (the versions are equal after). */
  publishedChanges: FieldChange[] | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const time = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : isoTime(value));

export function asSubmission(row: unknown): Submission {
  if (!isRecord(row) || typeof row.id !== 'number' || !(SUBMISSION_KINDS as readonly unknown[]).includes(row.kind) || !(SUBMISSION_STATES as readonly unknown[]).includes(row.state)) {
    throw new Error(`Moderation: the database returned a row that is not an organisation's submission (id ${isRecord(row) ? String(row.id) : '?'}, kind ${isRecord(row) ? String(row.kind) : '?'}, state ${isRecord(row) ? String(row.state) : '?'}).`);
  }
  return {
    id: row.id,
    documentId: String(row.documentId ?? ''),
    kind: row.kind as SubmissionKind,
    change: row.change === 'edit' ? 'edit' : 'new',
    state: row.state as SubmissionState,
    targetDocumentId: text(row.targetDocumentId),
    organizationDocumentId: text(row.organizationDocumentId),
    organizationName: text(row.organizationName),
    title: String(row.title ?? ''),
    submittedBy: text(row.submittedBy),
    submittedAt: time(row.submittedAt) ?? isoTime(row.createdAt),
    joinRequest: row.joinRequest ?? null,
    reason: text(row.reason) as RejectReason | null,
    reasonText: text(row.reasonText),
    decidedAt: time(row.decidedAt),
    decidedBy: text(row.decidedBy),
    digestedAt: time(row.digestedAt),
    publishedChanges: Array.isArray(row.publishedChanges) ? (row.publishedChanges as FieldChange[]) : null,
  };
}

/** The submission as the editors' list shows it: no join request, no digest bookkeeping. */
export type SubmissionSummary = Omit<Submission, 'joinRequest' | 'digestedAt' | 'publishedChanges'>;

const summary = ({ joinRequest: _join, digestedAt: _digested, publishedChanges: _changes, ...rest }: Submission): SubmissionSummary => rest;

/** What waits for an editor: a decision, or a look at what a trusted organisation published. */
export const WAITING: readonly SubmissionState[] = ['pending', 'published_trusted'];

export interface WaitingCounts {
  /** Proposals waiting for a decision. */
  pending: number;
  /** Entries trusted organisations published, waiting to be looked at. */
  toReview: number;
}

export async function waitingCounts(strapi: Core.Strapi): Promise<WaitingCounts> {
  const submissions = strapi.db.query(SUBMISSION);
  const [pending, toReview] = await Promise.all([submissions.count({ where: { state: 'pending' } }), submissions.count({ where: { state: 'published_trusted' } })]);
  return { pending, toReview };
}

/** Everything waiting, oldest first. */
export async function waitingSubmissions(strapi: Core.Strapi): Promise<Submission[]> {
  const rows: unknown[] = await strapi.db.query(SUBMISSION).findMany({ where: { state: { $in: [...WAITING] } }, orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }] });
  return rows.map(asSubmission);
}

/** The editors' list: what waits (oldest first), then the last 50 decided (newest first). */
export async function listSubmissions(strapi: Core.Strapi): Promise<{ waiting: SubmissionSummary[]; decided: SubmissionSummary[]; counts: WaitingCounts }> {
  const waiting = await waitingSubmissions(strapi);
  const decided: unknown[] = await strapi.db.query(SUBMISSION).findMany({ where: { state: { $notIn: [...WAITING] } }, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], limit: 50 });
  return {
    waiting: waiting.map(summary),
    decided: decided.map(asSubmission).map(summary),
    counts: { pending: waiting.filter((s) => s.state === 'pending').length, toReview: waiting.filter((s) => s.state === 'published_trusted').length },
  };
}

export async function findSubmission(strapi: Core.Strapi, id: number): Promise<Submission | null> {
  const row: unknown = await strapi.db.query(SUBMISSION).findOne({ where: { id } });
  return row ? asSubmission(row) : null;
}

// ---------------------------------------------------------------------------------------------
// The detail: what the organisation proposes beside what is online
// ---------------------------------------------------------------------------------------------

/** What the comparison reads of Strapi's attributes (more are there; these are copied by shapes()). */
type SchemaAttribute = AttributeShape;

const attributesOf = (strapi: Core.Strapi, uid: string): Record<string, SchemaAttribute> => {
  type Models = Record<string, { attributes: Record<string, SchemaAttribute> } | undefined>;
  const model = (strapi.contentTypes as unknown as Models)[uid] ?? (strapi.components as unknown as Models)[uid];
  if (!model) throw new Error(`Moderation: Strapi knows no content type or component ${uid}.`);
  return model.attributes;
};

const shapes = (attributes: Record<string, SchemaAttribute>): AttributeShapes =>
  Object.fromEntries(Object.entries(attributes).map(([name, a]) => [name, { type: a.type, component: a.component, repeatable: a.repeatable, relation: a.relation, target: a.target, mappedBy: a.mappedBy, multiple: a.multiple }]));

/** The type's attributes and those of every component inside it, for the comparison. */
export function diffSchema(strapi: Core.Strapi, uid: UID.ContentType): DiffSchema {
  const components: Record<string, AttributeShapes> = {};
  const collect = (attributes: Record<string, SchemaAttribute>): void => {
    for (const attribute of Object.values(attributes)) {
      if (attribute.type !== 'component' || !attribute.component || components[attribute.component]) continue;
      const nested = attributesOf(strapi, attribute.component);
      components[attribute.component] = shapes(nested);
      collect(nested);
    }
  };
  const attributes = attributesOf(strapi, uid);
  collect(attributes);
  return { uid, attributes: shapes(attributes), components };
}

type Populate = Record<string, true | { populate: Populate }>;

/** Components (with what is inside them), owned relations and media: everything the comparison reads. */
function populateFor(strapi: Core.Strapi, attributes: Record<string, SchemaAttribute>): Populate {
  const populate: Populate = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.type === 'component' && attribute.component) {
      const nested = populateFor(strapi, attributesOf(strapi, attribute.component));
      populate[name] = Object.keys(nested).length > 0 ? { populate: nested } : true;
    } else if ((attribute.type === 'relation' && !attribute.mappedBy && attribute.target && !['createdBy', 'updatedBy'].includes(name)) || attribute.type === 'media') {
      populate[name] = true;
    }
  }
  return populate;
}

interface DocumentReader {
  findOne(params: { documentId: string; status: 'draft' | 'published'; populate?: Populate }): Promise<unknown>;
}

async function version(strapi: Core.Strapi, uid: UID.ContentType, documentId: string, status: 'draft' | 'published'): Promise<Record<string, unknown> | null> {
  const found: unknown = await (strapi.documents(uid) as unknown as DocumentReader).findOne({ documentId, status, populate: populateFor(strapi, attributesOf(strapi, uid)) });
  return isRecord(found) ? found : null;
}

export interface SubmissionDetail {
  submission: SubmissionSummary;
  /** The entry in the content manager; null for a join request not yet approved. */
  target: { uid: UID.ContentType; documentId: string } | null;
  /** Whether the entry still exists (an editor may have deleted it). */
  targetExists: boolean;
  hasPublishedVersion: boolean;
  /** Changed fields (event, offer, profile); null for a join request. */
  changes: FieldChange[] | null;
  /** The join request's fields; null for the other kinds. */
  join: JoinRow[] | null;
}

export async function submissionDetail(strapi: Core.Strapi, id: number): Promise<SubmissionDetail | null> {
  const submission = await findSubmission(strapi, id);
  if (!submission) return null;
  if (submission.kind === 'join') {
    return {
      submission: summary(submission),
      target: submission.targetDocumentId ? { uid: ORGANIZATION, documentId: submission.targetDocumentId } : null,
      targetExists: Boolean(submission.targetDocumentId),
      hasPublishedVersion: Boolean(submission.targetDocumentId),
      changes: null,
      join: joinRows(asJoinRequest(submission.joinRequest)),
    };
  }
  const uid = TARGET_UID[submission.kind];
  const documentId = submission.targetDocumentId;
  const [draft, published] = documentId ? await Promise.all([version(strapi, uid, documentId, 'draft'), version(strapi, uid, documentId, 'published')]) : [null, null];
  return {
    submission: summary(submission),
    target: documentId ? { uid, documentId } : null,
    targetExists: draft !== null || published !== null,
    hasPublishedVersion: published !== null,
    // A trusted organisation's write was published before anyone looked: show what it changed then.
    changes: submission.publishedChanges ?? (draft ? diffEntries(diffSchema(strapi, uid), published, draft) : []),
    join: null,
  };
}

/** What the entry's draft changes against its published version (everything, for a never-published entry). */
export async function pendingChanges(strapi: Core.Strapi, uid: UID.ContentType, documentId: string): Promise<FieldChange[]> {
  const [draft, published] = await Promise.all([version(strapi, uid, documentId, 'draft'), version(strapi, uid, documentId, 'published')]);
  return draft ? diffEntries(diffSchema(strapi, uid), published, draft) : [];
}

// ---------------------------------------------------------------------------------------------
// Deciding
// ---------------------------------------------------------------------------------------------

/** The lock of the entry a submission is about; submissions.ts takes the same key while the organisation saves. */
export const targetLockKey = (submission: Pick<Submission, 'id' | 'kind' | 'targetDocumentId'>): string =>
  submission.kind === 'join' || !submission.targetDocumentId ? `org-submission:join:${submission.id}` : `org-submission:${submission.kind}:${submission.targetDocumentId}`;

/** What the mail after a decision needs to know. */
export interface Decided {
  submission: Submission;
  decision: Decision;
  /** The published entry's slug (approve), for its address on the site. */
  slug: string | null;
  /** For a join request: whom the mail goes to. */
  join: JoinRequest | null;
}

export type DecisionOutcome =
  | { kind: 'not_found' }
  | { kind: 'refused'; message: string; submission: Submission }
  | { kind: 'gone'; message: string }
  | { kind: 'invalid'; error: errors.ValidationError }
  | { kind: 'done'; decided: Decided };

interface DocumentWriter {
  create(params: { data: Record<string, unknown> }): Promise<{ documentId: string }>;
  publish(params: { documentId: string }): Promise<unknown>;
  discardDraft(params: { documentId: string }): Promise<unknown>;
  delete(params: { documentId: string }): Promise<unknown>;
}

const writer = (strapi: Core.Strapi, uid: UID.ContentType): DocumentWriter => strapi.documents(uid) as unknown as DocumentWriter;

const versions = async (strapi: Core.Strapi, uid: UID.ContentType, documentId: string): Promise<{ draft: boolean; published: boolean }> => {
  const rows: unknown[] = await strapi.db.query(uid).findMany({ where: { documentId }, select: ['id', 'publishedAt'] });
  return { draft: rows.some((row) => isRecord(row) && !row.publishedAt), published: rows.some((row) => isRecord(row) && Boolean(row.publishedAt)) };
};

async function publishedSlug(strapi: Core.Strapi, uid: UID.ContentType, documentId: string): Promise<string | null> {
  const row: unknown = await strapi.db.query(uid).findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['slug'] });
  return isRecord(row) && typeof row.slug === 'string' ? row.slug : null;
}

/** One more spam proposal on the organisation's record, on its draft and published rows alike (the admin shows the draft, the panel reads either). */
async function countSpam(strapi: Core.Strapi, organizationDocumentId: string): Promise<void> {
  await withKeyLock(strapi, `organization-spam:${organizationDocumentId}`, async () => {
    const rows: unknown[] = await strapi.db.query(ORGANIZATION).findMany({ where: { documentId: organizationDocumentId }, select: ['id', 'spamCount'] });
    if (rows.length === 0) return;
    const current = Math.max(0, ...rows.map((row) => (isRecord(row) ? Number(row.spamCount ?? 0) || 0 : 0)));
    await strapi.db.query(ORGANIZATION).updateMany({ where: { documentId: organizationDocumentId }, data: { spamCount: current + 1 } });
  });
}

/**
 * Takes an editor's decision on one submission. Only a submission in the state the decision
 * expects changes (DECIDABLE_FROM): a second click, or a colleague who decided first, gets
 * 'refused' with what was decided. A publication the project's rules refuse ('invalid') changes
 * nothing, the submission included.
 */
export async function decide(strapi: Core.Strapi, id: number, decision: Decision, editor: string, now: Date, seen: string | null = null): Promise<DecisionOutcome> {
  const found = await findSubmission(strapi, id);
  if (!found) return { kind: 'not_found' };
  try {
    return await withKeyLock(strapi, targetLockKey(found), async (): Promise<DecisionOutcome> => {
      // Read again under the lock: the panel may have replaced it, a colleague may have decided.
      const submission = await findSubmission(strapi, id);
      if (!submission) return { kind: 'not_found' };
      const why = refusal(decision.decision, submission.state, submission.decidedBy, submission.decidedAt);
      if (why) return { kind: 'refused', message: why, submission };
      // The organisation saved again after the editor opened it: what they would approve is not what they saw.
      if (seen !== null && new Date(seen).getTime() !== new Date(submission.submittedAt).getTime()) {
        return { kind: 'refused', message: 'Organizacja zmieniła to zgłoszenie, odkąd je otworzono – otwórz je ponownie i sprawdź zmiany przed decyzją.', submission };
      }

      const data: Record<string, unknown> = { state: STATE_AFTER[decision.decision], decidedAt: now, decidedBy: editor.slice(0, 200) };
      if (decision.decision === 'reject') Object.assign(data, { reason: decision.reason, reasonText: decision.text || null });
      let slug: string | null = null;
      const join = submission.kind === 'join' ? asJoinRequest(submission.joinRequest) : null;

      if (submission.kind === 'join') {
        if (decision.decision === 'approve') {
          const organizations = writer(strapi, ORGANIZATION);
          const created = await organizations.create({ data: organizationFromJoin(join!) });
          await organizations.publish({ documentId: created.documentId });
          slug = await publishedSlug(strapi, ORGANIZATION, created.documentId);
          Object.assign(data, { targetDocumentId: created.documentId, organizationDocumentId: created.documentId, organizationName: join!.name.slice(0, 200) });
        }
      } else if (decision.decision !== 'reviewed') {
        const uid = TARGET_UID[submission.kind];
        const documentId = submission.targetDocumentId;
        const stored = documentId ? await versions(strapi, uid, documentId) : { draft: false, published: false };
        if (!documentId || (!stored.draft && !stored.published)) {
          return { kind: 'gone', message: 'Wpis, którego dotyczy zgłoszenie, już nie istnieje (usunięty w Menedżerze treści). Oznacz zgłoszenie jako spam albo odrzuć je.' };
        }
        const documents = writer(strapi, uid);
        if (decision.decision === 'approve') {
          if (!stored.draft) return { kind: 'gone', message: 'Wpis nie ma wersji roboczej do opublikowania.' };
          // An organisation taken out of the directory since must not come back, or bring entries, by an old proposal.
          const organizationListed = submission.organizationDocumentId ? (await strapi.db.query(ORGANIZATION).count({ where: { documentId: submission.organizationDocumentId, publishedAt: { $notNull: true } } })) > 0 : false;
          if (!organizationListed) return { kind: 'gone', message: 'Organizacji, która to zgłosiła, nie ma już w katalogu (cofnięto publikację albo ją usunięto) – odrzuć zgłoszenie albo najpierw opublikuj organizację.' };
          await documents.publish({ documentId });
          slug = await publishedSlug(strapi, uid, documentId);
        } else if (stored.published && submission.kind === 'profile') {
          // Only the panel's fields go back to what is online: discarding the whole draft would also
          // bring back the panel persons an editor removed since the last publication.
          await restorePublishedProfile(strapi, documentId);
        } else if (stored.published) {
          // The proposal is dropped and what is online stays: the draft becomes the published version again.
          await documents.discardDraft({ documentId });
        } else if (decision.decision === 'spam') {
          await documents.delete({ documentId });
        }
        // A rejected new entry keeps its draft: the organisation sees why and may fix it in the panel.
      }
      if (decision.decision === 'spam' && submission.organizationDocumentId) await countSpam(strapi, submission.organizationDocumentId);

      const updated = asSubmission(await strapi.db.query(SUBMISSION).update({ where: { id: submission.id }, data }));
      return { kind: 'done', decided: { submission: updated, decision, slug, join } };
    });
  } catch (error) {
    // Thrown inside the transaction, so whatever the decision had written is rolled back.
    if (error instanceof errors.ValidationError) return { kind: 'invalid', error };
    throw error;
  }
}

/** The admin user's name as the list shows who decided. */
export function editorName(user: unknown): string {
  if (!isRecord(user)) return 'redakcja';
  const name = [user.firstname, user.lastname].filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' ');
  return name || (typeof user.username === 'string' && user.username) || (typeof user.email === 'string' && user.email) || 'redakcja';
}

const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (!isRecord(value)) return value;
  const { id: _id, ...rest } = value;
  return Object.fromEntries(Object.entries(rest).map(([key, inner]) => [key, withoutIds(inner)]));
};

/**
 * Sets the profile's draft back to the published version in the fields the panel writes (and the
 * logo), leaving every other field of the draft — the panel persons editors keep there above all —
 * as it is. Used when editors reject a profile change.
 */
export async function restorePublishedProfile(strapi: Core.Strapi, documentId: string): Promise<void> {
  const fields = [...new Set(profileForm([]).flatMap((section) => section.fields.map((field) => field.name.split('.')[0]!))), 'logo'];
  const published: unknown = await strapi.db.query(ORGANIZATION).findOne({ where: { documentId, publishedAt: { $notNull: true } }, populate: { areas: true, address: true, socialLinks: true, logo: true } });
  if (!isRecord(published)) return;
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const value = published[field];
    if (field === 'areas') data.areas = { set: (Array.isArray(value) ? value : []).filter(isRecord).map((area) => ({ documentId: String(area.documentId) })) };
    else if (field === 'logo') data.logo = isRecord(value) ? value.id : null;
    else if (field === 'socialLinks') data.socialLinks = withoutIds(Array.isArray(value) ? value : []);
    else data[field] = withoutIds(value ?? null);
  }
  const documents = strapi.documents(ORGANIZATION) as unknown as { update(params: { documentId: string; data: Record<string, unknown> }): Promise<unknown> };
  await documents.update({ documentId, data });
}
