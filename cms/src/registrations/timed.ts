/**
 * The periodic work of sign-ups, run with the other forms' under one database lease
 * (timed-work/run.ts): unconfirmed sign-ups expire and free their seat, reminders go out before
 * each date, and some days after a date its sign-ups' personal data is erased, keeping only the
 * counts. Every step takes "now" as an argument, so tests run it on a chosen clock.
 */
import type { Core } from '@strapi/strapi';
import { registrationSettings, tell } from './mail';
import { erasureCutoff, expiryCutoff, reminderDue, tallyOf, type RegistrationStatus, type TimedSettings } from './rules';
import { asRegistration, currentUnit, promoteWaitlist, REGISTRATION, withOccurrenceLock, type Registration } from './service';

const TALLY = 'api::registration-tally.registration-tally';

export interface SignUpTimedReport {
  expired: number;
  promoted: number;
  reminded: number;
  erased: number;
  tallied: number;
}

/** Unconfirmed sign-ups older than the confirmation window expire; a seat they held goes to the waiting list. */
export async function expireUnconfirmed(strapi: Core.Strapi, now: Date, settings: TimedSettings): Promise<{ expired: number; promoted: Registration[] }> {
  const due: unknown[] = await strapi.db.query(REGISTRATION).findMany({ where: { state: 'awaiting_confirmation', createdAt: { $lt: expiryCutoff(now, settings) } } });
  let expired = 0;
  const promoted: Registration[] = [];
  for (const row of due) {
    const found = asRegistration(row);
    // The lock may run the work again (SQLite, another process writing): results come back by return.
    const moved = await withOccurrenceLock(strapi, found, async (): Promise<Registration[] | null> => {
      const current = asRegistration(await strapi.db.query(REGISTRATION).findOne({ where: { id: found.id } }));
      if (current.state !== 'awaiting_confirmation') return null;
      await strapi.db.query(REGISTRATION).update({ where: { id: current.id }, data: { state: 'expired', holdsSeat: false } });
      const unit = current.holdsSeat ? await currentUnit(strapi, current) : null;
      return unit && Date.parse(unit.startsAt) > now.getTime() ? await promoteWaitlist(strapi, unit, now) : [];
    });
    if (moved) {
      expired += 1;
      promoted.push(...moved);
    }
  }
  return { expired, promoted };
}

/** Reminders for confirmed sign-ups whose date is near; a failed mail is tried again at the next run. */
export async function sendReminders(strapi: Core.Strapi, now: Date, settings: TimedSettings): Promise<number> {
  const horizon = new Date(now.getTime() + settings.reminderHours * 3_600_000);
  const candidates: unknown[] = await strapi.db.query(REGISTRATION).findMany({
    where: { state: 'confirmed', reminderSentAt: { $null: true }, startsAt: { $gt: now, $lte: horizon } },
  });
  let sent = 0;
  for (const row of candidates) {
    const registration = asRegistration(row);
    if (!reminderDue(registration, now, settings)) continue;
    if (await tell(strapi, 'reminder', registration)) {
      await strapi.db.query(REGISTRATION).update({ where: { id: registration.id }, data: { reminderSentAt: now } });
      sent += 1;
    }
  }
  return sent;
}

/**
 * Erases the sign-ups of dates that started more than the set number of days ago, after adding
 * their counts to the date's tally — in one transaction, so counts are never lost nor doubled.
 */
export async function eraseAfterEvent(strapi: Core.Strapi, now: Date, settings: TimedSettings): Promise<{ erased: number; tallied: number }> {
  const rows: unknown[] = await strapi.db.query(REGISTRATION).findMany({
    where: { startsAt: { $lt: erasureCutoff(now, settings) } },
    select: ['id', 'eventDocumentId', 'eventTitle', 'occurrenceDate', 'state'],
  });
  const byDate = new Map<string, { eventDocumentId: string; eventTitle: string; occurrenceDate: string; ids: number[]; states: RegistrationStatus[] }>();
  for (const row of rows) {
    const { id, eventDocumentId, eventTitle, occurrenceDate, state } = row as { id: number; eventDocumentId: string; eventTitle: string; occurrenceDate: string; state: RegistrationStatus };
    const key = `${eventDocumentId}/${occurrenceDate}`;
    const group = byDate.get(key) ?? { eventDocumentId, eventTitle, occurrenceDate, ids: [], states: [] };
    group.ids.push(id);
    group.states.push(state);
    byDate.set(key, group);
  }
  let erased = 0;
  for (const group of byDate.values()) {
    await strapi.db.transaction(async () => {
      const tally = tallyOf(group.states);
      const existing = (await strapi.db.query(TALLY).findOne({ where: { eventDocumentId: group.eventDocumentId, occurrenceDate: group.occurrenceDate } })) as (Record<keyof typeof tally, number> & { id: number }) | null;
      if (existing) {
        const sum = Object.fromEntries(Object.entries(tally).map(([key, value]) => [key, value + Number(existing[key as keyof typeof tally] ?? 0)]));
        await strapi.db.query(TALLY).update({ where: { id: existing.id }, data: { ...sum, erasedAt: now } });
      } else {
        await strapi.db.query(TALLY).create({ data: { eventDocumentId: group.eventDocumentId, eventTitle: group.eventTitle, occurrenceDate: group.occurrenceDate, ...tally, erasedAt: now } });
      }
      const { count } = await strapi.db.query(REGISTRATION).deleteMany({ where: { id: { $in: group.ids } } });
      erased += count;
    });
  }
  return { erased, tallied: byDate.size };
}

/** One run of everything above; the caller holds the job lease. */
export async function runSignUpTimedWork(strapi: Core.Strapi, now: Date): Promise<SignUpTimedReport> {
  const settings = registrationSettings(strapi);
  const { expired, promoted } = await expireUnconfirmed(strapi, now, settings);
  for (const registration of promoted) await tell(strapi, 'promoted', registration);
  const reminded = await sendReminders(strapi, now, settings);
  const { erased, tallied } = await eraseAfterEvent(strapi, now, settings);
  return { expired, promoted: promoted.length, reminded, erased, tallied };
}
