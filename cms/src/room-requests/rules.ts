/**
 * Room requests as pure rules: what the form may send (whitelisted, each problem naming its
 * field), the dates a weekly request covers (Kraków wall-clock time across DST), and whether the
 * centre can lend the room then — opening hours, the booking window, the room's capacity, and no
 * overlap with its events or the requests already approved.
 */
import type { Language } from '../languages/locales';
import { languageOfForm } from '../languages/words';
import { DateTime } from 'luxon';
import { expandOccurrences, TIME_ZONE, type Recurrence, type Schedulable } from '../shared/recurrence';
import { EVENT_WITHOUT_END_MS, type RoomRequestResultCode } from '../shared/room-request-results';
import { CONTROL, CONTROL_IN_TEXT, DATE, DOCUMENT_ID, formText, HONEYPOT_FIELD, honeypotFilled, isStrictEmail, normalizeEmail, TIME } from '../public-forms/form-fields';
import { readConsent } from '../public-forms/consent-rules';

export const STATES = ['awaiting_confirmation', 'requested', 'needs_information', 'approved', 'rejected', 'withdrawn', 'expired'] as const;
export type RoomRequestState = (typeof STATES)[number];

/** Requests still waiting for a decision: approving one turns down those of them that overlap it. */
export const PENDING: readonly RoomRequestState[] = ['awaiting_confirmation', 'requested', 'needs_information'];
/** What the applicant's link may withdraw. */
export const WITHDRAWABLE: readonly RoomRequestState[] = ['awaiting_confirmation', 'requested', 'needs_information', 'approved'];
/** The states an editor may move a request to, from each state. */
export const EDITOR_TRANSITIONS: Readonly<Partial<Record<RoomRequestState, readonly RoomRequestState[]>>> = {
  // "withdrawn": the applicant called or wrote instead of using the link.
  requested: ['needs_information', 'approved', 'rejected', 'withdrawn'],
  needs_information: ['approved', 'rejected', 'withdrawn'],
  // An approval can be taken back (the room is needed after all): with a reason, like a rejection.
  approved: ['rejected', 'withdrawn'],
};
/** States whose change an editor must explain: the reason goes into the mail. */
export const NEEDS_REASON: readonly RoomRequestState[] = ['needs_information', 'rejected'];

export interface RoomRequestInput {
  roomDocumentId: string;
  organisation: string;
  krs: string | null;
  contactName: string;
  email: string;
  phone: string;
  purpose: string;
  /** Kraków date and wall-clock times of the first meeting. */
  date: string;
  from: string;
  to: string;
  /** Last day of a weekly repetition (inclusive), or null for one meeting. */
  repeatUntil: string | null;
  participants: number;
  equipment: string | null;
  consentVersion: string;
  /** The language of the room page the form was on; the answers and mails come in it. */
  language: Language;
}

export interface Problem {
  field: string;
  code: RoomRequestResultCode;
}

export type ParsedRequest = { ok: true; value: RoomRequestInput } | { ok: false; problems: Problem[]; bot?: boolean };

const validDate = (value: string): boolean => DATE.test(value) && DateTime.fromISO(value, { zone: TIME_ZONE }).isValid;

/** The room request form, field by field; `acceptsConsent` knows the consent versions the form may carry. */
export function parseRoomRequest(body: Record<string, unknown>, acceptsConsent: (version: string) => boolean): ParsedRequest {
  if (honeypotFilled(body)) return { ok: false, problems: [{ field: HONEYPOT_FIELD, code: 'check_email' }], bot: true };
  const problems: Problem[] = [];
  const line = (field: string): string => formText(body, field).replace(/\s+/g, ' ');
  const text = (field: string): string => formText(body, field).replace(/\r\n?/g, '\n');

  const room = formText(body, 'room');
  if (!DOCUMENT_ID.test(room)) problems.push({ field: 'room', code: 'invalid_room' });
  const organisation = line('organisation');
  if (organisation.length < 2 || organisation.length > 200 || CONTROL.test(organisation)) problems.push({ field: 'organisation', code: 'invalid_organisation' });
  const krs = formText(body, 'krs').replace(/\s+/g, '');
  if (krs !== '' && !/^\d{10}$/.test(krs)) problems.push({ field: 'krs', code: 'invalid_krs' });
  const contactName = line('name');
  if (contactName.length < 2 || contactName.length > 120 || CONTROL.test(contactName)) problems.push({ field: 'name', code: 'invalid_name' });
  const email = normalizeEmail(formText(body, 'email'));
  if (!isStrictEmail(email)) problems.push({ field: 'email', code: 'invalid_email' });
  const phone = line('phone');
  if (!/^\+?[\d\s()-]{9,20}$/.test(phone) || phone.replace(/\D/g, '').length < 9) problems.push({ field: 'phone', code: 'invalid_phone' });
  const purpose = text('purpose');
  if (purpose.length < 10 || purpose.length > 1000 || CONTROL_IN_TEXT.test(purpose)) problems.push({ field: 'purpose', code: 'invalid_purpose' });

  const date = formText(body, 'date');
  if (!validDate(date)) problems.push({ field: 'date', code: 'invalid_date' });
  const from = formText(body, 'from');
  const to = formText(body, 'to');
  if (!TIME.test(from) || !TIME.test(to) || to <= from) problems.push({ field: 'from', code: 'invalid_time' });
  const repeatUntil = formText(body, 'repeatUntil');
  if (repeatUntil !== '' && (!validDate(repeatUntil) || (validDate(date) && repeatUntil <= date))) problems.push({ field: 'repeatUntil', code: 'invalid_repeat' });

  const participantsText = formText(body, 'participants');
  const participants = /^\d{1,3}$/.test(participantsText) ? Number(participantsText) : NaN;
  if (!(participants >= 1 && participants <= 500)) problems.push({ field: 'participants', code: 'invalid_participants' });
  const equipment = text('equipment');
  if (equipment.length > 500 || CONTROL_IN_TEXT.test(equipment)) problems.push({ field: 'equipment', code: 'invalid_equipment' });

  const consent = readConsent(body, acceptsConsent);
  problems.push(...consent.problems);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { roomDocumentId: room, organisation, krs: krs || null, contactName, email, phone, purpose, date, from, to, repeatUntil: repeatUntil || null, participants, equipment: equipment || null, consentVersion: consent.version, language: languageOfForm(body.language) },
  };
}

export interface Interval {
  /** UTC ISO instants. */
  startsAt: string;
  endsAt: string;
}

/** The first meeting as UTC instants, from its Kraków date and wall-clock times. */
export function firstMeeting({ date, from, to }: Pick<RoomRequestInput, 'date' | 'from' | 'to'>): Interval {
  const at = (time: string) => DateTime.fromISO(`${date}T${time}`, { zone: TIME_ZONE }).toUTC().toISO({ suppressMilliseconds: true })!;
  return { startsAt: at(from), endsAt: at(to) };
}

const WEEKDAY_KEYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** Every meeting of a request: one, or the same weekday and hours every week until `repeatUntil`. */
export function meetings(request: Interval & { repeatUntil: string | null }): Interval[] {
  const weekday = WEEKDAY_KEYS[DateTime.fromISO(request.startsAt, { zone: 'utc' }).setZone(TIME_ZONE).weekday - 1]!;
  const recurrence: Recurrence | null = request.repeatUntil ? { frequency: 'weekly', interval: 1, until: request.repeatUntil, [weekday]: true } : null;
  return expandOccurrences({ startsAt: request.startsAt, endsAt: request.endsAt, recurrence }, { limit: 60 }).map((o) => ({ startsAt: o.startsAt, endsAt: o.endsAt ?? request.endsAt }));
}

export const overlaps = (a: Interval, b: Interval): boolean => Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);

/** The first busy interval any of the meetings runs into, or null. */
export const firstConflict = (wanted: Interval[], busy: Interval[]): Interval | null => busy.find((taken) => wanted.some((meeting) => overlaps(meeting, taken))) ?? null;

/** When an event holds its room between two moments: each of its dates, one without an end for EVENT_WITHOUT_END_MS. */
export function eventIntervals(event: Schedulable, from: Date, to: Date): Interval[] {
  return expandOccurrences(event, { from, to }).map((date) => ({ startsAt: date.startsAt, endsAt: date.endsAt ?? new Date(Date.parse(date.startsAt) + EVENT_WITHOUT_END_MS).toISOString() }));
}

/**
 * The approved requests an event's dates run into from `now` on, each with the first of its
 * meetings in the way: what an editor is told, or what is turned down when they override it.
 * Meetings already over are left alone (an old event's description can still be corrected).
 */
export function requestsInTheWay<T extends Interval & { repeatUntil: string | null }>(event: Schedulable, requests: readonly T[], now: Date): { request: T; meeting: Interval }[] {
  const inTheWay: { request: T; meeting: Interval }[] = [];
  for (const request of requests) {
    const upcoming = meetings(request).filter((meeting) => Date.parse(meeting.endsAt) > now.getTime());
    if (upcoming.length === 0) continue;
    const dates = eventIntervals(event, now, new Date(upcoming.at(-1)!.endsAt));
    const meeting = upcoming.find((candidate) => dates.some((date) => overlaps(date, candidate)));
    if (meeting) inTheWay.push({ request, meeting });
  }
  return inTheWay;
}

/** Opening hours as the global settings hold them ("09:00:00.000"). */
export interface OpeningHours {
  dayFrom: (typeof WEEKDAY_KEYS)[number];
  dayTo?: (typeof WEEKDAY_KEYS)[number] | null;
  opens: string;
  closes: string;
}

/** Whether a meeting on this Kraków weekday and these wall-clock hours falls within one of the opening-hours entries. */
export function withinOpeningHours({ date, from, to }: Pick<RoomRequestInput, 'date' | 'from' | 'to'>, hours: OpeningHours[]): boolean {
  const day = DateTime.fromISO(date, { zone: TIME_ZONE }).weekday - 1;
  return hours.some((entry) => {
    const first = WEEKDAY_KEYS.indexOf(entry.dayFrom);
    const last = entry.dayTo ? WEEKDAY_KEYS.indexOf(entry.dayTo) : first;
    return day >= first && day <= last && entry.opens.slice(0, 5) <= from && to <= entry.closes.slice(0, 5);
  });
}

export interface BookingWindow {
  /** Whole days between the request and its first meeting, at least. */
  minDays: number;
  /** The last meeting no later than this many months ahead. */
  maxMonths: number;
}

/** The first day a request may be for, and the last, as Kraków dates. */
export function bookableDays(now: Date, window: BookingWindow): { first: string; last: string } {
  const today = DateTime.fromJSDate(now, { zone: TIME_ZONE }).startOf('day');
  return { first: today.plus({ days: window.minDays }).toISODate()!, last: today.plus({ months: window.maxMonths }).toISODate()! };
}

export interface RoomFacts {
  capacity: number;
}

/** Whether the centre can lend the room for these meetings; the refusal's code otherwise. */
export function refusal(input: Pick<RoomRequestInput, 'date' | 'from' | 'to' | 'participants'>, wanted: Interval[], room: RoomFacts, hours: OpeningHours[], window: BookingWindow, busy: Interval[], now: Date): RoomRequestResultCode | null {
  if (input.participants > room.capacity) return 'too_many_people';
  const { first, last } = bookableDays(now, window);
  const days = wanted.map((meeting) => DateTime.fromISO(meeting.startsAt, { zone: 'utc' }).setZone(TIME_ZONE).toISODate()!);
  if (days[0]! < first) return 'too_soon';
  if (days.at(-1)! > last) return 'too_far';
  if (!withinOpeningHours(input, hours)) return 'outside_hours';
  return firstConflict(wanted, busy) ? 'slot_taken' : null;
}
