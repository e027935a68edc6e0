/**
 * The editors' side of the organisations' proposals, without the database: the stock reasons for
 * a rejection, what a decision request may say and from which state each decision is allowed,
 * when the editors' digest is due, and the side-by-side comparison of what is online with what the
 * organisation proposes — every changed field under its Polish label, with a readable value.
 */
import { DateTime } from 'luxon';
import { COMPONENT_LABELS, CONTENT_TYPE_LABELS, MAIN_FIELDS } from '../content/labels';

const TIME_ZONE = 'Europe/Warsaw';

export const REJECT_REASONS = {
  duplicate: 'Duplikat – to już jest w serwisie',
  out_of_scope: 'Poza zakresem działalności Centrum',
  not_enough_information: 'Za mało informacji',
  advertisement: 'Reklama komercyjna',
  other: 'Inny powód',
} as const;
export type RejectReason = keyof typeof REJECT_REASONS;
export const REJECT_REASON_KEYS = Object.keys(REJECT_REASONS) as RejectReason[];

/** The editor's own words under a rejection; the mail quotes them. */
export const REASON_TEXT_MAX = 1000;

export const SUBMISSION_KINDS = ['event', 'volunteer_offer', 'profile', 'join'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];
export type ProposalKind = Exclude<SubmissionKind, 'join'>;

export const SUBMISSION_STATES = ['pending', 'approved', 'rejected', 'spam', 'published_trusted', 'reviewed', 'withdrawn'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export const KIND_LABELS: Record<SubmissionKind, string> = {
  event: 'Wydarzenie',
  volunteer_offer: 'Oferta wolontariatu',
  profile: 'Profil organizacji',
  join: 'Prośba o dołączenie',
};

export const CHANGE_LABELS: Record<'new' | 'edit', string> = { new: 'nowy wpis', edit: 'zmiana opublikowanego' };

export const STATE_LABELS: Record<SubmissionState, string> = {
  pending: 'czeka na decyzję',
  approved: 'zatwierdzone i opublikowane',
  rejected: 'odrzucone',
  spam: 'spam',
  published_trusted: 'opublikowane od razu (zaufana organizacja), do przejrzenia',
  reviewed: 'przejrzane po publikacji',
  withdrawn: 'wycofane przez organizację',
};

export const DECISIONS = ['approve', 'reject', 'spam', 'reviewed'] as const;
export type DecisionKind = (typeof DECISIONS)[number];

export type Decision = { decision: 'approve' } | { decision: 'reject'; reason: RejectReason; text: string } | { decision: 'spam' } | { decision: 'reviewed' };

export type ParsedDecision = { ok: true; value: Decision } | { ok: false; field: 'decision' | 'reason' | 'text'; message: string };

const isRecordLike = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The body of POST /admin/co/submissions/:id/decision, checked; a refusal names the field the way the admin page labels it. */
export function parseDecision(body: unknown): ParsedDecision {
  const input = isRecordLike(body) ? body : {};
  const decision = input.decision;
  if (typeof decision !== 'string' || !(DECISIONS as readonly string[]).includes(decision)) {
    return { ok: false, field: 'decision', message: `Decyzja: wybierz jedną z: ${DECISIONS.join(', ')}.` };
  }
  if (decision !== 'reject') return { ok: true, value: { decision: decision as Exclude<DecisionKind, 'reject'> } };
  const reason = input.reason;
  if (typeof reason !== 'string' || !(REJECT_REASON_KEYS as readonly string[]).includes(reason)) {
    return { ok: false, field: 'reason', message: 'Powód odrzucenia: wybierz powód z listy.' };
  }
  if (input.text !== undefined && input.text !== null && typeof input.text !== 'string') return { ok: false, field: 'text', message: 'Wyjaśnienie dla organizacji: wpisz tekst.' };
  const text = typeof input.text === 'string' ? input.text.trim() : '';
  if (text.length > REASON_TEXT_MAX) return { ok: false, field: 'text', message: `Wyjaśnienie dla organizacji: najwyżej ${REASON_TEXT_MAX} znaków (jest ${text.length}).` };
  if (reason === 'other' && text === '') return { ok: false, field: 'text', message: 'Wyjaśnienie dla organizacji: przy „Inny powód” napisz, dlaczego odrzucasz zgłoszenie.' };
  return { ok: true, value: { decision: 'reject', reason: reason as RejectReason, text } };
}

/** The state a submission must be in for a decision: approve, reject and spam decide what waits; "reviewed" closes what a trusted organisation published. */
export const DECIDABLE_FROM: Record<DecisionKind, SubmissionState> = { approve: 'pending', reject: 'pending', spam: 'pending', reviewed: 'published_trusted' };

export const STATE_AFTER: Record<DecisionKind, SubmissionState> = { approve: 'approved', reject: 'rejected', spam: 'spam', reviewed: 'reviewed' };

/** Why a decision cannot be taken in this state (a second click, another editor first), or null when it can. */
export function refusal(decision: DecisionKind, state: SubmissionState, decidedBy: string | null, decidedAt: string | null): string | null {
  if (DECIDABLE_FROM[decision] === state) return null;
  if (state === 'pending') return 'To zgłoszenie czeka na decyzję: „Przejrzane” dotyczy tylko wpisów opublikowanych od razu przez zaufane organizacje.';
  if (state === 'published_trusted') return 'Ten wpis jest już opublikowany (zaufana organizacja): oznacz go jako przejrzany albo wycofaj publikację w Menedżerze treści.';
  const who = decidedBy ? ` (${decidedBy}${decidedAt ? `, ${localTime(decidedAt)}` : ''})` : '';
  return `Nic nie zmieniono: to zgłoszenie jest już rozpatrzone – ${STATE_LABELS[state]}${who}.`;
}

/** A stored time as Kraków wall-clock time, '' when there is none. */
export const localTime = (value: string | Date | null | undefined): string => (value ? DateTime.fromJSDate(new Date(value), { zone: TIME_ZONE }).toFormat('yyyy-MM-dd HH:mm') : '');

/** How long something has waited, in Polish: „3 godz.”, „2 dni”. */
export function waitedFor(since: string | Date, now: Date): string {
  const hours = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 3_600_000));
  if (hours < 1) return 'mniej niż godzinę';
  if (hours < 48) return `${hours} godz.`;
  return `${Math.floor(hours / 24)} dni`;
}

/**
 * Whether the editors' digest goes now: something waits that no digest named yet, and the last
 * digest (the newest digestedAt) is at least `hours` old, so editors get at most one a period.
 */
export function digestDue(undigested: number, lastDigestAt: string | Date | null, now: Date, hours: number): boolean {
  if (undigested === 0) return false;
  if (!lastDigestAt) return true;
  return now.getTime() - new Date(lastDigestAt).getTime() >= hours * 3_600_000;
}

/** The comma-separated ORG_MODERATION_MAIL_TO as addresses; empty means every active admin. */
export const mailList = (value: string): string[] =>
  value
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '');

/** Where a published entry lives on the site (site/src/lib/urls.ts builds the same paths). */
export function publicPath(kind: ProposalKind, slug: string): string {
  const section = { event: 'wydarzenia', volunteer_offer: 'wolontariat', profile: 'organizacje' }[kind];
  return `/${section}/${slug}/`;
}

// ---------------------------------------------------------------------------------------------
// The request to join the directory
// ---------------------------------------------------------------------------------------------

export const JOIN_FIELDS = ['name', 'legalForm', 'krs', 'nip', 'regon', 'shortDescription', 'description', 'website', 'email', 'phone', 'district', 'contactName', 'contactEmail', 'contactPhone', 'consentVersion'] as const;
export type JoinField = (typeof JOIN_FIELDS)[number];
export type JoinRequest = Record<JoinField, string>;

const ORGANIZATION = 'api::organization.organization';

const JOIN_ONLY_LABELS: Record<'contactName' | 'contactEmail' | 'contactPhone' | 'consentVersion', string> = {
  contactName: 'Osoba kontaktowa',
  contactEmail: 'E-mail osoby kontaktowej',
  contactPhone: 'Telefon osoby kontaktowej',
  consentVersion: 'Wersja zgody',
};

export const joinFieldLabel = (field: JoinField): string =>
  field in JOIN_ONLY_LABELS ? JOIN_ONLY_LABELS[field as keyof typeof JOIN_ONLY_LABELS] : (CONTENT_TYPE_LABELS[ORGANIZATION]?.[field]?.label ?? field);

export const LEGAL_FORM_LABELS: Record<string, string> = {
  foundation: 'fundacja',
  association: 'stowarzyszenie',
  ordinary_association: 'stowarzyszenie zwykłe',
  informal_group: 'grupa nieformalna',
  social_cooperative: 'spółdzielnia socjalna',
  other: 'inna',
};

/** The stored joinRequest JSON with every field a string ('' when missing), whatever the form sent. */
export function asJoinRequest(value: unknown): JoinRequest {
  const input = isRecordLike(value) ? value : {};
  const request = {} as JoinRequest;
  for (const field of JOIN_FIELDS) {
    const raw = input[field];
    request[field] = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
  }
  return request;
}

export interface JoinRow {
  field: JoinField;
  label: string;
  value: string;
}

/** The join request as the detail page lists it: every field under its label, empty ones too (an editor checks what is missing). */
export const joinRows = (request: JoinRequest): JoinRow[] =>
  JOIN_FIELDS.map((field) => ({ field, label: joinFieldLabel(field), value: field === 'legalForm' && request.legalForm ? `${LEGAL_FORM_LABELS[request.legalForm] ?? request.legalForm} (${request.legalForm})` : request[field] }));

/** What the new organisation is created with: the directory's fields, the contact person as its first panel person. */
export function organizationFromJoin(request: JoinRequest): Record<string, unknown> {
  const orNull = (value: string): string | null => (value === '' ? null : value);
  return {
    name: request.name,
    legalForm: request.legalForm || 'other',
    krs: orNull(request.krs),
    nip: orNull(request.nip),
    regon: orNull(request.regon),
    shortDescription: orNull(request.shortDescription),
    description: request.description,
    website: orNull(request.website),
    email: orNull(request.email),
    phone: orNull(request.phone),
    district: orNull(request.district),
    panelPersons: request.contactEmail ? [{ name: request.contactName || request.name, email: request.contactEmail }] : [],
  };
}

// ---------------------------------------------------------------------------------------------
// What changed: the published version beside the draft
// ---------------------------------------------------------------------------------------------

/** The parts of a Strapi attribute the comparison reads. */
export interface AttributeShape {
  type: string;
  component?: string;
  repeatable?: boolean;
  relation?: string;
  target?: string;
  mappedBy?: string;
  multiple?: boolean;
}
export type AttributeShapes = Record<string, AttributeShape>;

export interface DiffSchema {
  uid: string;
  attributes: AttributeShapes;
  /** Attributes of every component the type uses, by component uid. */
  components: Record<string, AttributeShapes>;
}

export interface FieldChange {
  /** The attribute's path: `address.street`, `socialLinks.2.url`. */
  field: string;
  /** Polish, as the admin's form names it: „Adres › Ulica i numer”. */
  label: string;
  before: string;
  after: string;
}

/** Strapi's own bookkeeping, and the centre's private fields an organisation never edits. */
export const SKIPPED_FIELDS = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'firstPublishedAt', 'locale', 'localizations', 'createdBy', 'updatedBy', 'trusted', 'spamCount', 'panelPersons', 'publishAt']);

type Flat = Map<string, { label: string; value: string }>;

const nameOf = (item: Record<string, unknown>, target: string | undefined): string => {
  const main = target ? MAIN_FIELDS[target] : undefined;
  for (const key of [main, 'name', 'title', 'label', 'documentId']) {
    if (key && typeof item[key] === 'string' && item[key] !== '') return item[key];
  }
  return '';
};

function mediaText(value: unknown): string {
  const files = (Array.isArray(value) ? value : value ? [value] : []).filter(isRecordLike);
  return files
    .map((file) => {
      const alt = typeof file.alternativeText === 'string' ? file.alternativeText.trim() : '';
      return `${String(file.name ?? '')} (${alt ? `tekst alternatywny: „${alt}”` : 'bez tekstu alternatywnego'})`;
    })
    .join('; ');
}

/** One stored value as an editor reads it; '' for nothing. */
export function readable(attribute: AttributeShape, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (attribute.type) {
    case 'boolean':
      return value === true || value === 1 || value === '1' ? 'tak' : 'nie';
    case 'datetime':
      return localTime(value instanceof Date ? value : String(value));
    case 'date':
      return String(value).slice(0, 10);
    case 'time':
      return String(value).slice(0, 5);
    case 'media':
      return mediaText(value);
    case 'relation': {
      const items = (Array.isArray(value) ? value : [value]).filter(isRecordLike);
      // A to-many relation has no order editors set; sorted, the same set reads the same.
      return items
        .map((item) => nameOf(item, attribute.target))
        .sort((a, b) => a.localeCompare(b, 'pl'))
        .join(', ');
    }
    case 'json':
    case 'dynamiczone':
      return JSON.stringify(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

function flatten(schema: DiffSchema, owner: string, attributes: AttributeShapes, entry: Record<string, unknown> | null, path: string, labelPath: string, into: Flat): void {
  const labels = CONTENT_TYPE_LABELS[owner] ?? COMPONENT_LABELS[owner] ?? {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (SKIPPED_FIELDS.has(name)) continue;
    // The inverse side of a relation (an organisation's events) is edited on the other entry.
    if (attribute.type === 'relation' && (attribute.mappedBy || !attribute.target || String(attribute.relation).startsWith('morph'))) continue;
    const field = path ? `${path}.${name}` : name;
    const label = `${labelPath ? `${labelPath} › ` : ''}${labels[name]?.label ?? name}`;
    const value = entry ? entry[name] : undefined;
    if (attribute.type === 'component' && attribute.component) {
      const nested = schema.components[attribute.component] ?? {};
      if (attribute.repeatable) {
        const items = Array.isArray(value) ? value.filter(isRecordLike) : [];
        items.forEach((item, index) => flatten(schema, attribute.component!, nested, item, `${field}.${index}`, `${label} ${index + 1}`, into));
      } else {
        flatten(schema, attribute.component, nested, isRecordLike(value) ? value : null, field, label, into);
      }
      continue;
    }
    into.set(field, { label, value: readable(attribute, value) });
  }
}

/**
 * The fields in which the draft differs from the published version, in the form's order; with no
 * published version (a new entry) every field the draft fills in. Both entries come populated with
 * components, owned relations and media. A repeatable component's items are compared by position,
 * so an added social link shows as „Media społecznościowe 3 › …” with nothing before.
 */
export function diffEntries(schema: DiffSchema, published: Record<string, unknown> | null, draft: Record<string, unknown>): FieldChange[] {
  const before: Flat = new Map();
  const after: Flat = new Map();
  if (published) flatten(schema, schema.uid, schema.attributes, published, '', '', before);
  flatten(schema, schema.uid, schema.attributes, draft, '', '', after);
  const fields = [...after.keys(), ...[...before.keys()].filter((field) => !after.has(field))];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const old = before.get(field)?.value ?? '';
    const now = after.get(field)?.value ?? '';
    if (old === now) continue;
    changes.push({ field, label: (after.get(field) ?? before.get(field))!.label, before: old, after: now });
  }
  return changes;
}
