/**
 * The periodic work of volunteering, run with the other forms' under one database lease
 * (timed-work/run.ts):
 * - unconfirmed applications expire, and their data goes at once (nobody confirmed it was theirs);
 * - organisations get one mail per offer listing applications unanswered for a week, then weekly;
 * - a week before an offer stops taking applications its organisation is told, once per last day;
 * - some months after an offer ends its applicants' personal data is erased; the rows keep the
 *   offer, the state and the times, which is what the centre counts for its reports.
 * Every step takes "now" as an argument, so tests run it on a chosen clock.
 */
import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { sendMail } from '../mail/letter';
import { formSettings } from '../public-forms/settings';
import { lastApplicationDay } from '../shared/volunteer-offers';
import { composeDigestMail, composeExpiryMail, composeReminderMail, volunteeringSettings, type VolunteeringSettings } from './mail';
import { DIGEST_MAX_OFFERS, digestDue } from './interest-rules';
import { asInterest, digestOffers, erasedInterest, INTEREST, newMatches } from './interests';
import { erasureDay, reminderDue, todayInKrakow } from './rules';
import { APPLICATION, asApplication, publishedOffers, withOfferLock, type Application } from './service';

/** The fields that say who applied; erasure empties them. */
export const PERSONAL_FIELDS = ['name', 'email', 'phone', 'availability', 'message', 'answerNote'] as const;
const erased = Object.fromEntries(PERSONAL_FIELDS.map((field) => [field, null]));

export async function expireApplications(strapi: Core.Strapi, now: Date, { confirmHours }: Pick<VolunteeringSettings, 'confirmHours'>): Promise<number> {
  const { count } = await strapi.db.query(APPLICATION).updateMany({
    where: { state: 'awaiting_confirmation', createdAt: { $lt: new Date(now.getTime() - confirmHours * 3_600_000) } },
    data: { state: 'expired', ...erased, erasedAt: now },
  });
  return count;
}

/** One mail per offer with applications waiting a week or more; each is listed again a week later at the soonest. */
export async function remindOrganizations(strapi: Core.Strapi, now: Date, { remindAfterDays }: Pick<VolunteeringSettings, 'remindAfterDays'>): Promise<number> {
  const rows: unknown[] = await strapi.db.query(APPLICATION).findMany({ where: { state: 'submitted', confirmedAt: { $lt: new Date(now.getTime() - remindAfterDays * 86_400_000) } } });
  const due = rows.map(asApplication).filter((application) => reminderDue(application, now, remindAfterDays));
  if (due.length === 0) return 0;
  const offers = new Map((await publishedOffers(strapi)).map((offer) => [offer.documentId, offer]));
  const byOffer = new Map<string, Application[]>();
  for (const application of due) byOffer.set(application.offerDocumentId, [...(byOffer.get(application.offerDocumentId) ?? []), application]);
  let mailed = 0;
  for (const [offerDocumentId, waiting] of byOffer) {
    const offer = offers.get(offerDocumentId);
    // An offer taken off the site has nobody to remind; its applications wait for erasure.
    if (!offer?.contactEmail) continue;
    await withOfferLock(strapi, offerDocumentId, async () => {
      // Marked first: a failed mail is not retried every minute, but next week.
      await strapi.db.query(APPLICATION).updateMany({ where: { id: { $in: waiting.map((a) => a.id) }, state: 'submitted' }, data: { remindedAt: now } });
    });
    try {
      await sendMail(strapi, composeReminderMail(offer, waiting, formSettings(strapi), remindAfterDays));
      mailed += 1;
    } catch (error) {
      strapi.log.error(`Volunteering: the reminder about offer ${offerDocumentId} failed (${error instanceof Error ? error.name : 'error'}).`);
    }
  }
  return mailed;
}

const NOTICE_STORE = { type: 'core', name: 'co-volunteering', key: 'expiry-notices' } as const;

/**
 * Organisations hear `expiryNoticeDays` before their offer's last day of applications. Which last
 * day each offer was told about is kept in the core store, not on the offer: writing the offer
 * would move its "last update", which is what an open-ended offer's lapse counts from.
 */
export async function noticeExpiringOffers(strapi: Core.Strapi, now: Date, { expiryNoticeDays }: Pick<VolunteeringSettings, 'expiryNoticeDays'>): Promise<number> {
  const store = strapi.store(NOTICE_STORE);
  const stored: unknown = await store.get();
  const told: Record<string, string> = stored !== null && typeof stored === 'object' ? { ...(stored as Record<string, string>) } : {};
  const today = todayInKrakow(now);
  const horizon = DateTime.fromISO(today, { zone: 'Europe/Warsaw' }).plus({ days: expiryNoticeDays }).toISODate() ?? today;
  const offers = await publishedOffers(strapi);
  let sent = 0;
  for (const offer of offers) {
    const lastDay = lastApplicationDay(offer);
    if (!lastDay || lastDay < today || lastDay > horizon || told[offer.documentId] === lastDay || !offer.contactEmail) continue;
    told[offer.documentId] = lastDay;
    try {
      await sendMail(strapi, composeExpiryMail(offer, DateTime.fromISO(lastDay).setLocale('pl').toFormat('d MMMM yyyy'), formSettings(strapi)));
      sent += 1;
    } catch (error) {
      strapi.log.error(`Volunteering: the expiry notice of offer ${offer.documentId} failed (${error instanceof Error ? error.name : 'error'}).`);
    }
  }
  // Offers no longer published drop out, so the store stays the size of the board.
  const live = new Set(offers.map((offer) => offer.documentId));
  await store.set({ value: Object.fromEntries(Object.entries(told).filter(([documentId]) => live.has(documentId))) });
  return sent;
}

export async function eraseApplications(strapi: Core.Strapi, now: Date, { eraseMonths }: Pick<VolunteeringSettings, 'eraseMonths'>): Promise<number> {
  const rows: unknown[] = await strapi.db.query(APPLICATION).findMany({ where: { erasedAt: { $null: true } } });
  if (rows.length === 0) return 0;
  const offers = new Map((await publishedOffers(strapi)).map((offer) => [offer.documentId, offer]));
  const today = todayInKrakow(now);
  const due = rows.map(asApplication).filter((application) => {
    const lastActivity = application.answeredAt ?? application.confirmedAt ?? application.createdAt;
    return erasureDay(offers.get(application.offerDocumentId) ?? null, lastActivity, eraseMonths) < today;
  });
  if (due.length === 0) return 0;
  const { count } = await strapi.db.query(APPLICATION).updateMany({ where: { id: { $in: due.map((a) => a.id) } }, data: { ...erased, erasedAt: now } });
  return count;
}

/** Sign-ups for offers nobody confirmed expire, and their address goes with them. */
export async function expireInterests(strapi: Core.Strapi, now: Date, { confirmHours }: Pick<VolunteeringSettings, 'confirmHours'>): Promise<number> {
  const { count } = await strapi.db.query(INTEREST).updateMany({
    where: { state: 'awaiting_confirmation', createdAt: { $lt: new Date(now.getTime() - confirmHours * 3_600_000) } },
    data: { state: 'expired', ...erasedInterest(now) },
  });
  return count;
}

/**
 * The weekly mail of new matching offers, to each active subscriber whose week is up and who has
 * anything new; the week restarts either way, so nobody gets a mail a day once offers appear.
 */
export async function sendDigests(strapi: Core.Strapi, now: Date): Promise<number> {
  const rows: unknown[] = await strapi.db.query(INTEREST).findMany({ where: { state: 'active' } });
  const due = rows.map(asInterest).filter((interest) => digestDue(interest, now));
  if (due.length === 0) return 0;
  const offers = await digestOffers(strapi, now);
  const settings = formSettings(strapi);
  let sent = 0;
  for (const interest of due) {
    const matches = newMatches(interest, offers);
    const shown = matches.slice(0, DIGEST_MAX_OFFERS);
    // Marked before sending (the job lease keeps other runs out): a failed mail is not retried every minute.
    const { count } = await strapi.db.query(INTEREST).updateMany({
      where: { id: interest.id, state: 'active' },
      data: { lastDigestAt: now, ...(shown.length > 0 ? { sentOffers: [...interest.sentOffers, ...matches.map((offer) => offer.documentId)], digestsSent: interest.digestsSent + 1 } : {}) },
    });
    if (count === 0 || shown.length === 0) continue;
    try {
      await sendMail(strapi, composeDigestMail(interest, shown, matches.length - shown.length, settings));
      sent += 1;
    } catch (error) {
      strapi.log.error(`Volunteering: the weekly offers mail of sign-up ${interest.id} failed (${error instanceof Error ? error.name : 'error'}).`);
    }
  }
  return sent;
}

export interface VolunteeringTimedReport {
  interestsExpired: number;
  digestsSent: number;
  applicationsExpired: number;
  organizationsReminded: number;
  offersNoticed: number;
  applicationsErased: number;
}

/** One run of everything above; the caller holds the job lease. */
export async function runVolunteeringTimedWork(strapi: Core.Strapi, now: Date): Promise<VolunteeringTimedReport> {
  const settings = volunteeringSettings(strapi);
  return {
    interestsExpired: await expireInterests(strapi, now, settings),
    digestsSent: await sendDigests(strapi, now),
    applicationsExpired: await expireApplications(strapi, now, settings),
    organizationsReminded: await remindOrganizations(strapi, now, settings),
    offersNoticed: await noticeExpiringOffers(strapi, now, settings),
    applicationsErased: await eraseApplications(strapi, now, settings),
  };
}
