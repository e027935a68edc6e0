/**
 * Room requests as database work. A request is stored with its first meeting and the last day of
 * its weekly repetition; every check against the room's calendar — the events held there and the
 * requests already approved — runs under the room's lock, so two approvals of one slot can never
 * both go through.
 */
import { isLanguage, type Language } from '../languages/locales';
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import { isoTime, isRecord } from '../validation/write-shapes';
import { withKeyLock } from '../public-forms/lock';
import { hashToken, linkToken, newLink } from '../public-forms/link-tokens';
import type { Schedulable } from '../shared/recurrence';
import { eventIntervals, firstConflict, meetings, overlaps, PENDING, type Interval, type OpeningHours, type RoomRequestInput, type RoomRequestState } from './rules';

export const ROOM_REQUEST = 'api::room-request.room-request';
const ROOM = 'api::room.room';
const EVENT = 'api::event.event';


export interface RoomRequest {
  id: number;
  documentId: string;
  roomDocumentId: string;
  roomName: string;
  organisation: string | null;
  contactName: string | null;
  email: string | null;
  startsAt: string;
  endsAt: string;
  repeatUntil: string | null;
  participants: number;
  state: RoomRequestState;
  decisionReason: string | null;
  linkId: string;
  createdAt: string;
  /** The form's language: the applicant's answers and mails come in it. */
  language: Language;
}

export function asRoomRequest(row: unknown): RoomRequest {
  if (!isRecord(row) || typeof row.id !== 'number' || typeof row.state !== 'string' || typeof row.roomDocumentId !== 'string') {
    throw new Error(`Room requests: the database returned a row that is not a room request: ${JSON.stringify(row)}`);
  }
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    id: row.id,
    documentId: String(row.documentId),
    roomDocumentId: row.roomDocumentId,
    roomName: String(row.roomName),
    organisation: text(row.organisation),
    contactName: text(row.contactName),
    email: text(row.email),
    startsAt: isoTime(row.startsAt),
    endsAt: isoTime(row.endsAt),
    repeatUntil: text(row.repeatUntil),
    participants: Number(row.participants),
    state: row.state as RoomRequestState,
    decisionReason: text(row.decisionReason),
    linkId: String(row.linkId),
    createdAt: isoTime(row.createdAt),
    language: isLanguage(row.language) ? row.language : 'pl',
  };
}

export interface Room {
  documentId: string;
  name: string;
  slug: string;
  capacity: number;
}

/** The published room a form names; null when there is none. */
export async function loadRoom(strapi: Core.Strapi, documentId: string): Promise<Room | null> {
  const found: unknown = await strapi.documents(ROOM).findOne({ documentId, status: 'published', fields: ['name', 'slug', 'capacity'] });
  if (!found) return null;
  if (!isRecord(found) || typeof found.name !== 'string' || typeof found.capacity !== 'number') throw new Error(`Room requests: room ${documentId} came back without a name or capacity.`);
  return { documentId, name: found.name, slug: String(found.slug), capacity: found.capacity };
}

/** A room's name and address in `language` when it is translated there; null for Polish or no translation. */
export async function translatedRoom(strapi: Core.Strapi, documentId: string, language: Language): Promise<{ name: string; slug: string } | null> {
  if (language === 'pl') return null;
  const found: unknown = await strapi.documents(ROOM).findOne({ documentId, locale: language, status: 'published', fields: ['name', 'slug'] });
  return isRecord(found) && typeof found.name === 'string' && typeof found.slug === 'string' ? { name: found.name, slug: found.slug } : null;
}

/** The centre's opening hours from the site settings. */
export async function openingHours(strapi: Core.Strapi): Promise<OpeningHours[]> {
  const global: unknown = await strapi.documents('api::global.global').findFirst({ status: 'published', populate: { openingHours: true } });
  const hours = isRecord(global) && Array.isArray(global.openingHours) ? (global.openingHours as OpeningHours[]) : [];
  if (hours.length === 0) throw new Error('Room requests: the site settings have no opening hours, so no request can be checked against them.');
  return hours;
}

/** When the room is taken between two moments: its scheduled events' dates, and approved requests' meetings. */
export async function busyIntervals(strapi: Core.Strapi, roomDocumentId: string, from: Date, to: Date): Promise<Interval[]> {
  const events: unknown[] = await strapi.documents(EVENT).findMany({
    status: 'published',
    filters: { room: { documentId: roomDocumentId }, eventStatus: 'scheduled' },
    fields: ['startsAt', 'endsAt'],
    populate: { recurrence: true },
    limit: 10_000,
  });
  const busy: Interval[] = events.flatMap((event) => eventIntervals(event as Schedulable, from, to));
  for (const request of await approvedRequests(strapi, { roomDocumentId })) {
    busy.push(...meetings(request).filter((meeting) => Date.parse(meeting.endsAt) > from.getTime() && Date.parse(meeting.startsAt) < to.getTime()));
  }
  return busy;
}

export async function approvedRequests(strapi: Core.Strapi, where: Record<string, unknown> = {}): Promise<RoomRequest[]> {
  const rows: unknown[] = await strapi.db.query(ROOM_REQUEST).findMany({ where: { ...where, state: 'approved' }, orderBy: { startsAt: 'asc' } });
  return rows.map(asRoomRequest);
}

/** Runs `work` under the lock of one room: every check of its calendar and every approval. */
export const withRoomLock = <T>(strapi: Core.Strapi, roomDocumentId: string, work: () => Promise<T>): Promise<T> => withKeyLock(strapi, `room:${roomDocumentId}`, work);

/** The span to read the calendar over for these meetings. */
export const spanOf = (wanted: Interval[]): { from: Date; to: Date } => ({ from: new Date(wanted[0]!.startsAt), to: new Date(wanted.at(-1)!.endsAt) });

export type SubmitResult = { kind: 'slot_taken' } | { kind: 'created' | 'repeat'; request: RoomRequest; token: string };

/**
 * Stores a request awaiting e-mail confirmation, unless the room is taken then (checked again
 * under the room's lock) or this address already asked for this room at this time (its link is
 * sent again).
 */
export async function submit(strapi: Core.Strapi, input: RoomRequestInput, room: Room, first: Interval, now: Date, secret: string): Promise<SubmitResult> {
  const wanted = meetings({ ...first, repeatUntil: input.repeatUntil });
  return withRoomLock(strapi, room.documentId, async (): Promise<SubmitResult> => {
    const existing: unknown = await strapi.db.query(ROOM_REQUEST).findOne({
      where: { roomDocumentId: room.documentId, email: input.email, startsAt: new Date(first.startsAt), state: { $in: [...PENDING, 'approved'] } },
    });
    if (existing) {
      const found = asRoomRequest(existing);
      // The link goes again in the language of the form sent now, and so do the mails after it.
      if (found.language !== input.language) await strapi.db.query(ROOM_REQUEST).update({ where: { id: found.id }, data: { language: input.language } });
      const request = { ...found, language: input.language };
      return { kind: 'repeat', request, token: linkToken(secret, request.linkId) };
    }
    const { from, to } = spanOf(wanted);
    if (firstConflict(wanted, await busyIntervals(strapi, room.documentId, from, to))) return { kind: 'slot_taken' };
    const { linkId, token, tokenHash } = newLink(secret);
    const created = await insertRoomRequest(strapi, { room, input, first, state: 'awaiting_confirmation', linkId, tokenHash, now });
    return { kind: 'created', request: created, token };
  });
}

export interface NewRoomRequest {
  room: Pick<Room, 'documentId' | 'name'>;
  input: Omit<RoomRequestInput, 'roomDocumentId' | 'date' | 'from' | 'to'>;
  first: Interval;
  state: RoomRequestState;
  linkId: string;
  tokenHash: string;
  now: Date;
  confirmedAt?: Date | null;
  decidedAt?: Date | null;
  decisionReason?: string | null;
}

/** Writes one room request row; the only place that knows its shape (the form and the seed use it). */
export async function insertRoomRequest(strapi: Core.Strapi, { room, input, first, state, linkId, tokenHash, now, confirmedAt = null, decidedAt = null, decisionReason = null }: NewRoomRequest): Promise<RoomRequest> {
  const created: unknown = await strapi.db.query(ROOM_REQUEST).create({
    data: {
      // The document service would make one; rows written here need it too, or the admin cannot open them.
      documentId: createId(),
      publishedAt: now,
      roomDocumentId: room.documentId,
      roomName: room.name,
      organisation: input.organisation,
      krs: input.krs,
      contactName: input.contactName,
      email: input.email,
      phone: input.phone,
      purpose: input.purpose,
      startsAt: new Date(first.startsAt),
      endsAt: new Date(first.endsAt),
      repeatUntil: input.repeatUntil,
      participants: input.participants,
      equipment: input.equipment,
      consentVersion: input.consentVersion,
      language: input.language,
      state,
      decisionReason,
      linkId,
      tokenHash,
      confirmedAt,
      decidedAt,
    },
  });
  return asRoomRequest(created);
}

export const findByToken = async (strapi: Core.Strapi, token: string): Promise<RoomRequest | null> => {
  const row: unknown = await strapi.db.query(ROOM_REQUEST).findOne({ where: { tokenHash: hashToken(token) } });
  return row ? asRoomRequest(row) : null;
};

/** Moves a request from one of `from` to `to`, under its room's lock; null when it is not (any longer) in one of `from`. */
export async function moveByToken(strapi: Core.Strapi, token: string, from: readonly RoomRequestState[], to: RoomRequestState, data: Record<string, unknown>): Promise<{ kind: 'unknown' } | { kind: 'refused'; request: RoomRequest } | { kind: 'done'; request: RoomRequest }> {
  const found = await findByToken(strapi, token);
  if (!found) return { kind: 'unknown' };
  return withRoomLock(strapi, found.roomDocumentId, async () => {
    const current = asRoomRequest(await strapi.db.query(ROOM_REQUEST).findOne({ where: { id: found.id } }));
    if (!from.includes(current.state)) return { kind: 'refused' as const, request: current };
    const updated = asRoomRequest(await strapi.db.query(ROOM_REQUEST).update({ where: { id: current.id }, data: { ...data, state: to } }));
    return { kind: 'done' as const, request: updated };
  });
}

/** Pending requests of the room whose meetings overlap `request`'s: an approval turns them down. */
export async function overlappingPending(strapi: Core.Strapi, request: RoomRequest): Promise<RoomRequest[]> {
  const wanted = meetings(request);
  const rows: unknown[] = await strapi.db.query(ROOM_REQUEST).findMany({ where: { roomDocumentId: request.roomDocumentId, state: { $in: PENDING }, id: { $ne: request.id } } });
  return rows.map(asRoomRequest).filter((other) => meetings(other).some((meeting) => wanted.some((mine) => overlaps(mine, meeting))));
}
