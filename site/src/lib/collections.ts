import { getCollection, getEntry, type CollectionEntry, type CollectionKey } from 'astro:content';
import { dayKey } from './dates';
import { NOW } from './env';
import { assertKnownCodes, openOffers } from './volunteering';

/**
 * The one way pages read content. Every page of a build reads the same collections, and Astro
 * deep-copies them on each getCollection call (two seconds of a 1,400-page build), so a build reads
 * each collection once. `astro dev`, where content can change while it runs, reads afresh each time.
 * The lists are frozen so that no page can reorder what the others see: sort a copy.
 */
const cache = new Map<CollectionKey, Promise<readonly unknown[]>>();

export function collection<C extends CollectionKey>(name: C): Promise<readonly CollectionEntry<C>[]> {
  if (import.meta.env.DEV) return getCollection(name);
  let entries = cache.get(name);
  if (!entries) {
    entries = getCollection(name).then((list) => Object.freeze(list));
    cache.set(name, entries);
  }
  return entries as Promise<readonly CollectionEntry<C>[]>;
}

let globalCache: Promise<CollectionEntry<'global'> | undefined> | undefined;

/** The site-wide settings entry (contacts, hours, defaults), read once per build like the rest. */
export function globalSettings(): Promise<CollectionEntry<'global'> | undefined> {
  if (import.meta.env.DEV) return getEntry('global', 'global');
  globalCache ??= getEntry('global', 'global');
  return globalCache;
}

let bookingWindowCache: Promise<CollectionEntry<'roomBookingWindow'>['data']> | undefined;

/**
 * The booking window the CMS enforces on room requests, as it published it. Never a default: a
 * form that offered other dates than the CMS accepts would send visitors to a refusal.
 */
export function roomBookingWindow(): Promise<CollectionEntry<'roomBookingWindow'>['data']> {
  const read = async () => {
    const entry = await getEntry('roomBookingWindow', 'bookingWindow');
    if (!entry) throw new Error('roomBookingWindow: the CMS published no booking window (meta.bookingWindow of /api/room-requests/busy, or roomBookingWindow.json under SITE_CONTENT_DIR); the room request form cannot show its dates.');
    return entry.data;
  };
  if (import.meta.env.DEV) return read();
  bookingWindowCache ??= read();
  return bookingWindowCache;
}

export type RecruitmentState = CollectionEntry<'volunteerRecruitment'>['data']['state'];

/**
 * Every volunteering offer and those still recruiting on the build's day in Kraków (newest first),
 * which is all any list, feed or profile shows; an offer the CMS reports closed (full, and its
 * organisation chose to close) is not recruiting either. Also each offer's recruitment state and
 * each organisation's usual answer time. An offer with a code the site has no label for stops the
 * build here, naming it.
 */
export async function volunteerOffers(): Promise<{
  all: CollectionEntry<'volunteerOffers'>['data'][];
  open: CollectionEntry<'volunteerOffers'>['data'][];
  today: string;
  recruitment: (offer: { documentId: string }) => RecruitmentState;
  /** The organisation's median answer time in hours (the page words it in its language), when it has one. */
  answerTime: (organizationDocumentId: string | null | undefined) => number | null;
}> {
  const all = (await collection('volunteerOffers')).map((entry) => entry.data);
  all.forEach(assertKnownCodes);
  const today = dayKey(NOW);
  const states = new Map((await collection('volunteerRecruitment')).map((entry) => [entry.data.offer, entry.data.state]));
  const times = (await getEntry('volunteerAnswerTimes', 'answerTimes'))?.data ?? {};
  // The CMS lists every published offer; one it does not know yet (published during the build) is open.
  const recruitment = (offer: { documentId: string }): RecruitmentState => states.get(offer.documentId) ?? 'open';
  return {
    all,
    open: openOffers(all, today).filter((offer) => recruitment(offer) !== 'closed'),
    today,
    recruitment,
    answerTime: (organization) => (organization ? (times[organization]?.medianHours ?? null) : null),
  };
}
