/**
 * Sign-ups as database work: every change to a unit's seats happens in one transaction that holds
 * the unit's lock, so the last seat goes to exactly one person and a freed seat to exactly the
 * first on the waiting list. Mails are sent after the transaction commits.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Language } from '../languages/locales';
import { languageOfForm } from '../languages/words';
import type { Core } from '@strapi/strapi';
import { isRecord } from '../validation/write-shapes';
import type { SignUpInput } from './input';
import { withKeyLock } from '../public-forms/lock';
import { hashToken, linkToken, newLinkId } from '../public-forms/link-tokens';
import {
  ACTIVE_STATUSES,
  CANCELLABLE,
  findUnit,
  openingRefusal,
  placement,
  seatsLeft,
  statusAfterConfirmation,
  unitsOf,
  upcomingDates,
  type Refusal,
  type RegistrationStatus,
  type SignUpEvent,
  type Unit,
} from './rules';

export const REGISTRATION = 'api::registration.registration';
const EVENT = 'api::event.event';

export interface Registration {
  id: number;
  linkId: string;
  eventDocumentId: string;
  eventTitle: string;
  occurrenceDate: string;
  startsAt: string;
  endsAt: string | null;
  slotLabel: string | null;
  unitKey: string;
  state: RegistrationStatus;
  holdsSeat: boolean;
  name: string;
  email: string;
  decisionReason: string | null;
  createdAt: string;
  confirmedAt: string | null;
  reminderSentAt: string | null;
  /** The language of the form it came from: every mail and link page about it uses it. */
  language: Language;
}

export function asRegistration(row: unknown): Registration {
  if (!isRecord(row) || typeof row.id !== 'number' || typeof row.unitKey !== 'string' || typeof row.state !== 'string') {
    throw new Error(`Registrations: the database returned a row that is not a registration: ${JSON.stringify(row)}`);
  }
  const date = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : null);
  return { ...(row as unknown as Registration), holdsSeat: Boolean(row.holdsSeat), startsAt: date(row.startsAt)!, endsAt: date(row.endsAt), createdAt: date(row.createdAt)!, confirmedAt: date(row.confirmedAt), reminderSentAt: date(row.reminderSentAt), decisionReason: typeof row.decisionReason === 'string' ? row.decisionReason : null, language: languageOfForm(row.language) };
}

/**
 * How long a read event is reused. A rush of sign-ups for one event read it (and worked out its
 * dates) on every request — a good part of a sign-up's time; an editor's change to capacity or
 * dates reaches sign-ups within this many milliseconds.
 */
export const EVENT_CACHE_MS = 3000;
const eventCache = new Map<string, { at: number; event: SignUpEvent | null }>();

/** The published translation of an event: its title and address in that language; null when it has none. */
export async function translatedEvent(strapi: Core.Strapi, documentId: string, language: Language): Promise<{ title: string; slug: string } | null> {
  if (language === 'pl') return null;
  const found: unknown = await strapi.documents(EVENT).findOne({ documentId, locale: language, status: 'published', fields: ['title', 'slug'] });
  return isRecord(found) && typeof found.title === 'string' && typeof found.slug === 'string' ? { title: found.title, slug: found.slug } : null;
}

/** The published event, read with the fields the rules need; null when there is none. */
export async function loadEvent(strapi: Core.Strapi, documentId: string): Promise<SignUpEvent | null> {
  const cached = eventCache.get(documentId);
  if (cached && Date.now() - cached.at < EVENT_CACHE_MS) return cached.event;
  const found: unknown = await strapi.documents(EVENT).findOne({ documentId, status: 'published', populate: { recurrence: true } });
  if (found && (!isRecord(found) || typeof found.startsAt !== 'string')) throw new Error(`Registrations: event ${documentId} came back without a start time.`);
  const event = (found ?? null) as SignUpEvent | null;
  if (eventCache.size > 1000) eventCache.clear();
  eventCache.set(documentId, { at: Date.now(), event });
  return event;
}

/** Runs `work` under the lock of one occurrence: all its slots, since one person gets one sign-up per date. */
export async function withOccurrenceLock<T>(strapi: Core.Strapi, at: { eventDocumentId: string; occurrenceDate: string }, work: () => Promise<T>): Promise<T> {
  return withKeyLock(strapi, `registration:${at.eventDocumentId}/${at.occurrenceDate}`, work);
}

export const countSeats = async (strapi: Core.Strapi, unitKey: string): Promise<number> => Number(await strapi.db.query(REGISTRATION).count({ where: { unitKey, holdsSeat: true } }));

export type SignUpResult =
  | { kind: 'refused'; reason: Refusal }
  | { kind: 'created' | 'repeat'; registration: Registration; token: string; event: SignUpEvent; unit: Unit };

/**
 * Takes a sign-up: checks the event, the date and slot, and the opening times, then — under the
 * unit's lock — either renews the link of the person's active sign-up (a repeat never makes a
 * second one) or records a new one awaiting e-mail confirmation, holding a seat if one is free.
 */
export async function signUp(strapi: Core.Strapi, input: SignUpInput, now: Date, secret: string): Promise<SignUpResult> {
  const event = await loadEvent(strapi, input.eventDocumentId);
  if (!event) return { kind: 'refused', reason: 'not_on_site' };
  const unit = findUnit(event, input.occurrenceDate, input.slot);
  if (typeof unit === 'string') return { kind: 'refused', reason: unit };
  const refusal = openingRefusal(event, unit, now);
  if (refusal) return { kind: 'refused', reason: refusal };

  const linkId = newLinkId();
  const token = linkToken(secret, linkId);
  return withOccurrenceLock(strapi, { eventDocumentId: event.documentId, occurrenceDate: unit.occurrenceDate }, async (): Promise<SignUpResult> => {
    const existing: unknown = await strapi.db.query(REGISTRATION).findOne({
      where: { eventDocumentId: event.documentId, occurrenceDate: unit.occurrenceDate, email: input.email, state: { $in: ACTIVE_STATUSES } },
    });
    if (existing) {
      const registration = asRegistration(existing);
      return { kind: 'repeat', registration, token: linkToken(secret, registration.linkId), event, unit };
    }
    const place = placement(event, unit, await countSeats(strapi, unit.key));
    if (place === 'full') return { kind: 'refused', reason: 'full' };
    // The mails name the event as the page the person signed up on did.
    const shown = input.language === 'pl' ? event : { ...event, title: (await translatedEvent(strapi, event.documentId, input.language))?.title ?? event.title };
    const created = await insertRegistration(strapi, { event: shown, unit, person: input, state: 'awaiting_confirmation', holdsSeat: place === 'seat', linkId, token });
    return { kind: 'created', registration: created, token, event, unit };
  });
}

export interface NewRegistration {
  event: Pick<SignUpEvent, 'documentId' | 'title'>;
  unit: Unit;
  person: Pick<SignUpInput, 'name' | 'email' | 'organisation' | 'needs' | 'needsOther' | 'consentVersion'> & { language?: Language };
  state: RegistrationStatus;
  holdsSeat: boolean;
  linkId: string;
  token: string;
  confirmedAt?: Date | null;
}

/** Writes one registration row; the only place that knows its shape (sign-ups and the seed use it). */
export async function insertRegistration(strapi: Core.Strapi, { event, unit, person, state, holdsSeat, linkId, token, confirmedAt = null }: NewRegistration): Promise<Registration> {
  const created: unknown = await strapi.db.query(REGISTRATION).create({
    data: {
      // The document service would make one; rows written here need it too, or the admin cannot open them.
      documentId: createId(),
      // Types without drafts are stored as published, as the document service stores them.
      publishedAt: new Date(),
      eventDocumentId: event.documentId,
      eventTitle: event.title,
      occurrenceDate: unit.occurrenceDate,
      startsAt: unit.startsAt,
      endsAt: unit.endsAt,
      slotLabel: unit.slotLabel,
      unitKey: unit.key,
      state,
      holdsSeat,
      name: person.name,
      email: person.email,
      organisation: person.organisation,
      needs: person.needs,
      needsOther: person.needsOther,
      consentVersion: person.consentVersion,
      language: person.language ?? 'pl',
      linkId,
      tokenHash: hashToken(token),
      confirmedAt,
    },
  });
  return asRegistration(created);
}

/** Removes a sign-up whose confirmation mail could not be sent, so the person can simply try again. */
export async function withdrawUnsent(strapi: Core.Strapi, registration: Registration): Promise<void> {
  await strapi.db.query(REGISTRATION).delete({ where: { id: registration.id, state: 'awaiting_confirmation' } });
}

export const findByToken = async (strapi: Core.Strapi, token: string): Promise<Registration | null> => {
  const row: unknown = await strapi.db.query(REGISTRATION).findOne({ where: { tokenHash: hashToken(token) } });
  return row ? asRegistration(row) : null;
};

/** The unit a registration belongs to, with the event's current capacity (an editor may have changed it). */
export async function currentUnit(strapi: Core.Strapi, registration: Registration): Promise<Unit | null> {
  const event = await loadEvent(strapi, registration.eventDocumentId);
  if (!event) return null;
  return unitsOf(event, registration.occurrenceDate)?.find((unit) => unit.key === registration.unitKey) ?? null;
}

/**
 * Gives free seats of a unit to the waiting list, first come first served (by the time each
 * person confirmed). Must run under the unit's lock; returns who moved up, to be told by e-mail.
 */
export async function promoteWaitlist(strapi: Core.Strapi, unit: Unit, now: Date): Promise<Registration[]> {
  const free = unit.capacity - (await countSeats(strapi, unit.key));
  if (free <= 0) return [];
  const waiting: unknown[] = await strapi.db.query(REGISTRATION).findMany({
    where: { unitKey: unit.key, state: 'waitlisted' },
    orderBy: [{ confirmedAt: 'asc' }, { id: 'asc' }],
    limit: free,
  });
  const promoted: Registration[] = [];
  for (const row of waiting) {
    const { id } = asRegistration(row);
    promoted.push(asRegistration(await strapi.db.query(REGISTRATION).update({ where: { id }, data: { state: 'confirmed', holdsSeat: true, updatedAt: now } })));
  }
  return promoted;
}

/**
 * Runs `work` on the registration a mailed link names, under its date's lock and read again inside
 * it (the row may have changed between the lookup and the lock); `unknown` when no sign-up has the link.
 */
async function withLinkedRegistration<T>(strapi: Core.Strapi, token: string, work: (registration: Registration) => Promise<T>): Promise<T | { kind: 'unknown' }> {
  const found = await findByToken(strapi, token);
  if (!found) return { kind: 'unknown' };
  return withOccurrenceLock(strapi, found, async () => work(asRegistration(await strapi.db.query(REGISTRATION).findOne({ where: { id: found.id } }))));
}

export type ConfirmResult =
  | { kind: 'unknown' }
  | { kind: 'done'; registration: Registration; promoted: Registration[] }
  | { kind: 'already'; registration: Registration }
  | { kind: 'too_late'; registration: Registration };

/** Confirms the e-mail address of a sign-up: it becomes confirmed, waitlisted or awaiting approval. */
export async function confirm(strapi: Core.Strapi, token: string, now: Date): Promise<ConfirmResult> {
  return withLinkedRegistration(strapi, token, async (registration): Promise<ConfirmResult> => {
    if (registration.state !== 'awaiting_confirmation') return { kind: 'already', registration };
    const unit = await currentUnit(strapi, registration);
    const event = await loadEvent(strapi, registration.eventDocumentId);
    if (!unit || !event || Date.parse(unit.startsAt) <= now.getTime() || event.eventStatus !== 'scheduled') return { kind: 'too_late', registration };
    const state = statusAfterConfirmation(registration.holdsSeat, event);
    const updated = asRegistration(await strapi.db.query(REGISTRATION).update({ where: { id: registration.id }, data: { state, confirmedAt: now } }));
    // Someone who joined the waiting list may find a seat that was freed while they were confirming.
    const promoted = state === 'waitlisted' ? await promoteWaitlist(strapi, unit, now) : [];
    const self = promoted.find((entry) => entry.id === updated.id);
    return { kind: 'done', registration: self ?? updated, promoted: promoted.filter((entry) => entry.id !== updated.id) };
  });
}

export type CancelResult =
  | { kind: 'unknown' }
  | { kind: 'done'; registration: Registration; promoted: Registration[] }
  | { kind: 'not_cancellable'; registration: Registration };

/** Cancels a sign-up (the visitor's link, or an editor): the seat goes to the first person waiting. */
export async function cancel(strapi: Core.Strapi, token: string, now: Date): Promise<CancelResult> {
  return withLinkedRegistration(strapi, token, async (registration): Promise<CancelResult> => {
    if (!CANCELLABLE.includes(registration.state) || Date.parse(registration.startsAt) <= now.getTime()) return { kind: 'not_cancellable', registration };
    const updated = asRegistration(await strapi.db.query(REGISTRATION).update({ where: { id: registration.id }, data: { state: 'cancelled', holdsSeat: false, cancelledAt: now } }));
    const unit = registration.holdsSeat ? await currentUnit(strapi, registration) : null;
    const promoted = unit ? await promoteWaitlist(strapi, unit, now) : [];
    return { kind: 'done', registration: updated, promoted };
  });
}

export interface UnitAvailability {
  date: string;
  slot: string | null;
  startsAt: string;
  capacity: number;
  seatsLeft: number;
  waitlist: boolean;
}

/** Seats left in every bookable unit of an event from now on, for the site's live figure. */
export async function availability(strapi: Core.Strapi, event: SignUpEvent, now: Date): Promise<UnitAvailability[]> {
  const units = upcomingDates(event, now).flatMap((occurrence) => unitsOf(event, occurrence.date) ?? []).filter((unit) => Date.parse(unit.startsAt) > now.getTime());
  const held: unknown[] = await strapi.db.query(REGISTRATION).findMany({ where: { eventDocumentId: event.documentId, holdsSeat: true }, select: ['unitKey'] });
  const counts = new Map<string, number>();
  for (const row of held) {
    const key = isRecord(row) && typeof row.unitKey === 'string' ? row.unitKey : null;
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return units.map((unit) => ({
    date: unit.occurrenceDate,
    slot: unit.slotLabel,
    startsAt: unit.startsAt,
    capacity: unit.capacity,
    seatsLeft: seatsLeft(unit, counts.get(unit.key) ?? 0),
    waitlist: Boolean(event.waitlist) && !event.approvalRequired,
  }));
}
