/**
 * When a volunteering offer stops recruiting. Shared with site/ (lists, sitemap, the offer page's
 * "rekrutacja zakończona") and used by the CMS's expiry reminders, so both count the same day.
 */
import { DateTime } from 'luxon';

const TIME_ZONE = 'Europe/Warsaw';

/** An offer without an end or a deadline lapses this long after its last update (it goes stale unnoticed otherwise). */
export const OPEN_ENDED_MONTHS = 3;

/** Below this age a volunteer needs a parent's written consent (13 is the lowest Polish law allows). */
export const ADULT_AGE = 18;

export interface OfferDates {
  /** One-off help ends with its day when it has no end date of its own. */
  commitment?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  applicationDeadline?: string | null;
  /** The last update (ISO instant); only read for offers with neither an end nor a deadline. */
  updatedAt?: string | null;
}

const dateOnly = (value: string | null | undefined): string | null => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);

/**
 * The last day (YYYY-MM-DD, Kraków) anyone can apply: the deadline or the end (for one-off help
 * without an end, its day), whichever comes first; for an open-ended offer, three months after its
 * last update. Null when nothing is known.
 */
export function lastApplicationDay(offer: OfferDates): string | null {
  const end = dateOnly(offer.endsOn) ?? (offer.commitment === 'one_off' ? dateOnly(offer.startsOn) : null);
  const days = [dateOnly(offer.applicationDeadline), end].filter((day): day is string => day !== null).sort();
  if (days.length > 0) return days[0]!;
  if (!offer.updatedAt) return null;
  const updated = DateTime.fromISO(offer.updatedAt, { zone: TIME_ZONE });
  return updated.isValid ? updated.plus({ months: OPEN_ENDED_MONTHS }).toISODate() : null;
}

/** Whether recruitment has ended on `today` (YYYY-MM-DD in Kraków). */
export function recruitmentEnded(offer: OfferDates, today: string): boolean {
  const last = lastApplicationDay(offer);
  return last !== null && last < today;
}

/** An offer's place: the whole city or one of Kraków's 18 districts (the schema's enum, compared by a unit test). */
export const OFFER_DISTRICTS = [
  'whole_city',
  'stare_miasto', 'grzegorzki', 'pradnik_czerwony', 'pradnik_bialy', 'krowodrza', 'bronowice',
  'zwierzyniec', 'debniki', 'lagiewniki_borek_falecki', 'swoszowice', 'podgorze_duchackie',
  'biezanow_prokocim', 'podgorze', 'czyzyny', 'mistrzejowice', 'bienczyce', 'wzgorza_krzeslawickie', 'nowa_huta',
] as const;
export type OfferDistrict = (typeof OFFER_DISTRICTS)[number];
