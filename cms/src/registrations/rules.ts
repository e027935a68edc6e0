/**
 * The rules of signing up for an event on the site, as pure functions over plain data: which
 * dates and time slots can be booked, when sign-ups are open, whether a person gets a seat, a
 * place on the waiting list or a refusal, and what each status means for the seat count. The
 * service (service.ts) applies them inside a database transaction; the tests call them directly.
 */
import { DateTime } from 'luxon';
import { expandOccurrences, TIME_ZONE, type Recurrence } from '../shared/recurrence';

export { TIME_ZONE };

export const STATUSES = [
  'awaiting_confirmation',
  'confirmed',
  'waitlisted',
  'awaiting_approval',
  'rejected',
  'cancelled',
  'expired',
  'attended',
  'no_show',
] as const;
export type RegistrationStatus = (typeof STATUSES)[number];

/** Statuses in which a sign-up still counts: a second one for the same date and e-mail is a repeat. */
export const ACTIVE_STATUSES: readonly RegistrationStatus[] = ['awaiting_confirmation', 'confirmed', 'waitlisted', 'awaiting_approval'];

/** What an editor may set in the admin, from which status. */
export const EDITOR_TRANSITIONS: Readonly<Partial<Record<RegistrationStatus, readonly RegistrationStatus[]>>> = {
  awaiting_approval: ['confirmed', 'rejected'],
  confirmed: ['attended', 'no_show', 'cancelled'],
  waitlisted: ['confirmed', 'cancelled'],
  attended: ['no_show'],
  no_show: ['attended'],
};

/** Accessibility needs a person can name; shown beside the event's own accessibility information. */
export const NEEDS = ['sign_language', 'induction_loop', 'step_free', 'other'] as const;
export type Need = (typeof NEEDS)[number];

/** The event fields the rules read, as Strapi stores them. */
export interface SignUpEvent {
  documentId: string;
  title: string;
  slug?: string | null;
  updatedAt?: string | null;
  startsAt: string;
  endsAt?: string | null;
  recurrence?: Recurrence | null;
  eventStatus: 'scheduled' | 'cancelled' | 'postponed';
  registrationMode?: 'none' | 'external' | 'site' | null;
  registrationOpensAt?: string | null;
  registrationDeadline?: string | null;
  capacity?: number | null;
  waitlist?: boolean | null;
  approvalRequired?: boolean | null;
  slotMinutes?: number | null;
  slotCapacity?: number | null;
}

/** One bookable unit: a whole occurrence, or one time slot inside it. Capacity is counted per unit. */
export interface Unit {
  /** `<event documentId>/<YYYY-MM-DD>` or `<…>/<HH:mm>` for a slot. */
  key: string;
  occurrenceDate: string;
  startsAt: string;
  endsAt: string | null;
  /** "16:00–16:45" for a slot, null for a whole occurrence. */
  slotLabel: string | null;
  capacity: number;
}

/** Why a sign-up cannot be taken; each is a result page (shared/signup-results.ts) with its Polish message. */
export type Refusal = 'not_on_site' | 'event_cancelled' | 'no_such_date' | 'no_such_slot' | 'not_open_yet' | 'closed' | 'past' | 'full';

const iso = (value: DateTime): string => value.toUTC().toISO({ suppressMilliseconds: true })!;

/** The occurrences of an event that may still be booked from `now` on (those that have not started). */
export function upcomingDates(event: SignUpEvent, now: Date, limit = 60): { date: string; startsAt: string; endsAt: string | null }[] {
  return expandOccurrences(event, { from: now })
    .filter((occurrence) => Date.parse(occurrence.startsAt) > now.getTime())
    .slice(0, limit)
    .map(({ date, startsAt, endsAt }) => ({ date, startsAt, endsAt }));
}

/**
 * The units of one occurrence: the whole occurrence with the event's capacity, or — when the event
 * has a slot length — consecutive slots of that length from its start to its end, each for
 * `slotCapacity` people (one by default). Null when the event has no occurrence on that date.
 */
export function unitsOf(event: SignUpEvent, occurrenceDate: string): Unit[] | null {
  const occurrence = expandOccurrences(event).find((candidate) => candidate.date === occurrenceDate);
  if (!occurrence) return null;
  const base = `${event.documentId}/${occurrence.date}`;
  if (!event.slotMinutes || !occurrence.endsAt) {
    return [{ key: base, occurrenceDate: occurrence.date, startsAt: occurrence.startsAt, endsAt: occurrence.endsAt, slotLabel: null, capacity: event.capacity ?? 0 }];
  }
  const units: Unit[] = [];
  const end = DateTime.fromISO(occurrence.endsAt, { zone: TIME_ZONE });
  for (let start = DateTime.fromISO(occurrence.startsAt, { zone: TIME_ZONE }); ; ) {
    const slotEnd = start.plus({ minutes: event.slotMinutes });
    if (slotEnd > end) break;
    const from = start.toFormat('HH:mm');
    units.push({
      key: `${base}/${from}`,
      occurrenceDate: occurrence.date,
      startsAt: iso(start),
      endsAt: iso(slotEnd),
      slotLabel: `${from}–${slotEnd.toFormat('HH:mm')}`,
      capacity: event.slotCapacity ?? 1,
    });
    start = slotEnd;
  }
  return units;
}

/** The unit a visitor chose, or why that choice does not exist. A slot must be named when the event has slots. */
export function findUnit(event: SignUpEvent, occurrenceDate: string, slot: string | null): Unit | Refusal {
  const units = unitsOf(event, occurrenceDate);
  if (!units) return 'no_such_date';
  if (units.length === 1 && units[0]!.slotLabel === null) return slot ? 'no_such_slot' : units[0]!;
  const unit = units.find((candidate) => candidate.slotLabel?.startsWith(`${slot ?? ''}–`));
  return unit ?? 'no_such_slot';
}

/**
 * Whether the unit takes sign-ups at `now`: the event signs up on this site and is not cancelled,
 * the opening time has come, the deadline has not passed, and the unit has not started.
 */
export function openingRefusal(event: SignUpEvent, unit: Unit, now: Date): Refusal | null {
  if (event.registrationMode !== 'site') return 'not_on_site';
  if (event.eventStatus !== 'scheduled') return 'event_cancelled';
  if (Date.parse(unit.startsAt) <= now.getTime()) return 'past';
  if (event.registrationOpensAt && Date.parse(event.registrationOpensAt) > now.getTime()) return 'not_open_yet';
  if (event.registrationDeadline && Date.parse(event.registrationDeadline) <= now.getTime()) return 'closed';
  return null;
}

export type Placement = 'seat' | 'waitlist' | 'approval' | 'full';

/**
 * Where a new sign-up goes, given the seats already held in its unit. Events that need approval
 * take applications without a limit (the editor chooses; approving checks the seats); others give
 * a seat while there is one, then a place on the waiting list if the event keeps one.
 */
export function placement(event: SignUpEvent, unit: Unit, seatsHeld: number): Placement {
  if (event.approvalRequired) return 'approval';
  if (seatsHeld < unit.capacity) return 'seat';
  return event.waitlist ? 'waitlist' : 'full';
}

/** The status a sign-up takes when its e-mail address is confirmed. */
export function statusAfterConfirmation(holdsSeat: boolean, event: Pick<SignUpEvent, 'approvalRequired'>): RegistrationStatus {
  if (event.approvalRequired) return 'awaiting_approval';
  return holdsSeat ? 'confirmed' : 'waitlisted';
}

/** Statuses a visitor may cancel from with the link in their e-mail. */
export const CANCELLABLE: readonly RegistrationStatus[] = ['awaiting_confirmation', 'confirmed', 'waitlisted', 'awaiting_approval'];

/** Seats left in a unit for the public figure; never below zero. */
export const seatsLeft = (unit: Pick<Unit, 'capacity'>, seatsHeld: number): number => Math.max(0, unit.capacity - seatsHeld);

/** A sign-up made this close to the start gets no reminder: its confirmation has just told the person. */
export const NO_REMINDER_WITHIN_MS = 2 * 3_600_000;

export interface TimedSettings {
  confirmHours: number;
  reminderHours: number;
  eraseDays: number;
}

/** Sign-ups still unconfirmed and created before this moment expire (and free their seat). */
export const expiryCutoff = (now: Date, { confirmHours }: Pick<TimedSettings, 'confirmHours'>): Date => new Date(now.getTime() - confirmHours * 3_600_000);

/** Whether a confirmed sign-up gets its reminder at `now`: its date starts within the reminder window, and it was not made in the last hours before it. */
export function reminderDue(registration: { state: RegistrationStatus; startsAt: string; createdAt: string; reminderSentAt: string | null }, now: Date, { reminderHours }: Pick<TimedSettings, 'reminderHours'>): boolean {
  const starts = Date.parse(registration.startsAt);
  if (registration.state !== 'confirmed' || registration.reminderSentAt) return false;
  if (starts <= now.getTime() || starts > now.getTime() + reminderHours * 3_600_000) return false;
  return Date.parse(registration.createdAt) <= starts - NO_REMINDER_WITHIN_MS;
}

/** Dates that started before this moment have their sign-ups' personal data erased. */
export const erasureCutoff = (now: Date, { eraseDays }: Pick<TimedSettings, 'eraseDays'>): Date => new Date(now.getTime() - eraseDays * 86_400_000);

/** What is kept of a date's sign-ups once the people are erased. */
export interface Tally {
  /** Who had a seat in the end: confirmed, attended or no-show. */
  registered: number;
  attended: number;
  noShow: number;
  cancelled: number;
  /** Still on the waiting list when the date came. */
  waitlisted: number;
  rejected: number;
  /** Never confirmed their e-mail address (including any still awaiting it or approval). */
  expired: number;
}

export function tallyOf(states: readonly RegistrationStatus[]): Tally {
  const count = (...wanted: RegistrationStatus[]) => states.filter((state) => wanted.includes(state)).length;
  return {
    registered: count('confirmed', 'attended', 'no_show'),
    attended: count('attended'),
    noShow: count('no_show'),
    cancelled: count('cancelled'),
    waitlisted: count('waitlisted'),
    rejected: count('rejected'),
    expired: count('expired', 'awaiting_confirmation', 'awaiting_approval'),
  };
}
