import type { CollectionEntry } from 'astro:content';
import { collection, globalSettings, roomBookingWindow, volunteerOffers } from './collections';
import { AVAILABILITY_WEEKS, roomAvailability } from './availability';
import { bookableDays, EVENT_WITHOUT_END_MS } from './room-requests';
import { NOW } from './env';
import { byDay, calendarMonths, currentMonth, EVENT_LANGUAGE_FILTERS, eventLanguages, firstOccurrences, matchesFilter, occurrencesFrom, pastOccurrences, ROOM_SCHEDULE_DAYS, type ListedEvent } from './events';
import { dayKey } from './dates';
import { monthGrid, shiftMonth } from './month-grid';
import { guideLink, guideNavigation, guidesInTopic, topicSlugOf, topicsOf, type GuideLink, type Topic } from './guides';
import { AUDIENCES, EVENT_TYPES, type Audience, type EventType } from './labels';
import { DEFAULT_LANGUAGE, LANGUAGES, langParam, localizedPath, type Alternates, type Language } from './i18n';
import { textLanguage, type Localized, type Overlaid } from './localize';
import { withCacheKeys } from './page-keys';
import { expandOccurrences } from './recurrence';
import { RESULT_PAGES, signUpChoices, type ResultPage } from './signup';
import { SIGNUP_RESULTS_EN } from '../../../cms/src/shared/signup-results-en';
import { ROOM_REQUEST_RESULTS } from '../../../cms/src/shared/room-request-results';
import { ROOM_REQUEST_RESULTS_EN } from '../../../cms/src/shared/room-request-results-en';
import { ROOM_REQUEST_RESULTS_UK } from '../../../cms/src/shared/room-request-results-uk';
import { SIGNUP_RESULTS_UK } from '../../../cms/src/shared/signup-results-uk';
import { APPLICATION_RESULTS, INTEREST_RESULTS } from '../../../cms/src/shared/volunteer-application-results';
import { FEEDBACK_RESULT_PAGES } from '../../../cms/src/shared/guide-feedback';
import { FEEDBACK_RESULTS_EN, FEEDBACK_RESULTS_UK } from '../../../cms/src/shared/guide-feedback-translated';
import { APPLICATION_RESULTS_EN, INTEREST_RESULTS_EN } from '../../../cms/src/shared/volunteer-application-results-en';
import { APPLICATION_RESULTS_UK, INTEREST_RESULTS_UK } from '../../../cms/src/shared/volunteer-application-results-uk';
import { alternatesFor, localize, translatedEntries, translationOf } from './translations';
import { ARCHIVE_PER_PAGE, assertSlugAllowed, NEWS_PER_PAGE, NO_TOPIC, paginatedPaths, paths } from './urls';
import { newestFirst } from './news';
import { boardPages } from './volunteering';
import { directoryPages } from './organizations';
import { DISTRICTS } from './labels';

/**
 * getStaticPaths of the pages built in every language: each language builds the entries it has
 * (all in Polish, the translated ones in Ukrainian and English) from the same code, the Polish
 * page at its old address and the others under /uk/ and /en/ (src/pages/[lang]/ imports the
 * Polish page as its body). What a page shows of its entry and its versions goes into its props,
 * and so into its cache key (page-keys.ts).
 */

type Params = Record<string, string | undefined>;
interface Built<P> {
  params: Params;
  props: P & { alternates: Alternates };
}

/** A translated entry as its page gets it: the Polish entry with the language's words over it. */
export type LocalizedEntry<C extends 'pages' | 'guides' | 'events' | 'volunteerOffers' | 'rooms' | 'articles'> = { data: Overlaid<CollectionEntry<C>['data']> };

async function build<C extends 'pages' | 'guides' | 'events' | 'volunteerOffers' | 'rooms' | 'articles', P>(
  name: C,
  languages: readonly Language[],
  pathOf: (entry: CollectionEntry<C>['data']) => (slug: string) => string,
  page: (entry: LocalizedEntry<C>, polish: CollectionEntry<C>['data'], language: Language) => Promise<{ params: Params; props: P }> | { params: Params; props: P },
): Promise<Built<P>[]> {
  const built: Built<P>[] = [];
  for (const language of languages) {
    for (const { polish, entry } of await translatedEntries(name, language)) {
      const { params, props } = await page({ data: entry }, polish, language);
      const alternates = await alternatesFor(name, polish as { documentId: string; slug: string }, pathOf(polish));
      built.push({ params: { lang: langParam(language), ...params }, props: { ...props, alternates } });
    }
  }
  return withCacheKeys(built);
}

/** /o-centrum/, /uk/pro-tsentr/, … */
export const pagePaths = (languages: readonly Language[]) =>
  build('pages', languages, () => paths.page, ({ data }, polish) => {
    assertSlugAllowed('pages', polish.slug);
    return { params: { slug: data.slug }, props: { entry: { data }, polishSlug: polish.slug } };
  });

/** A link to another guide, in the page's language when it is translated, else to the Polish guide. */
export interface LocalizedGuideLink extends GuideLink {
  language: Language;
  href: string;
}

async function linkIn(guide: CollectionEntry<'guides'>['data'], language: Language): Promise<LocalizedGuideLink> {
  const shown = await localize('guides', guide, language);
  const link = guideLink(shown);
  return { ...link, language: shown.language, href: localizedPath(paths.guide(link.category?.slug, link.slug), shown.language) };
}

/** A topic's name in `language`, or its Polish name (and so marked) where it is not translated. */
export async function topicNameIn(category: { documentId: string; name?: string; slug: string } | null | undefined, language: Language): Promise<{ name: string; language: Language } | null> {
  if (!category) return null;
  const translation = await translationOf('categories', language, category.documentId);
  return translation?.name ? { name: translation.name, language } : { name: category.name ?? category.slug, language: 'pl' };
}

/** /baza-wiedzy/<topic>/<guide>/; the topic segment is the Polish one in every language. */
export async function guidePaths(languages: readonly Language[]) {
  const all = (await collection('guides')).map((entry) => entry.data);
  const navigation = guideNavigation(all);
  return build('guides', languages, (polish) => (slug) => paths.guide(polish.category?.slug, slug), async ({ data }, polish, language) => {
    const { previous, next, related } = navigation.get(polish.documentId)!;
    return {
      params: { topic: topicSlugOf(polish), slug: data.slug },
      props: {
        entry: { data },
        previous: previous ? await linkIn(previous, language) : null,
        next: next ? await linkIn(next, language) : null,
        related: await Promise.all(related.map((guide) => linkIn(guide, language))),
        topicName: await topicNameIn(polish.category, language),
      },
    };
  });
}

// What an event page says depends on "now" (the next date, whether sign-up is still open): worked
// out here, so that it is part of the page's cache key.
export const eventPaths = (languages: readonly Language[]) =>
  build('events', languages, () => paths.event, async ({ data }, polish, language) => {
    assertSlugAllowed('events', polish.slug);
    const { room } = await eventIn(polish, language);
    const upcoming = expandOccurrences(polish).filter((o) => Date.parse(o.endsAt ?? o.startsAt) >= NOW.getTime());
    const deadline = polish.registrationDeadline ? new Date(polish.registrationDeadline) : null;
    const choices = polish.registrationMode === 'site' ? signUpChoices(polish, NOW, language) : [];
    // "Sign-ups open on …" is said only until then: part of the cache key, like the deadline.
    const opensAt = polish.registrationOpensAt && new Date(polish.registrationOpensAt) > NOW ? polish.registrationOpensAt : null;
    return { params: { slug: data.slug }, props: { entry: { data: { ...data, room } }, upcoming, deadlinePassed: deadline !== null && deadline < NOW, opensAt, choices } };
  });

// Whether recruitment has ended depends on the build's day: worked out here, so that the page's
// cache key changes with it.
export async function volunteerOfferPaths(languages: readonly Language[]) {
  const { open, recruitment, answerTime } = await volunteerOffers();
  const openSlugs = new Set(open.map((offer) => offer.slug));
  return build('volunteerOffers', languages, () => paths.volunteerOffer, ({ data }, polish) => {
    assertSlugAllowed('volunteerOffers', polish.slug);
    return { params: { slug: data.slug }, props: { offer: data, ended: !openSlugs.has(polish.slug), state: recruitment(polish), answerTime: answerTime(polish.organization?.documentId) } };
  });
}

/**
 * /sale/<slug>/ in every language the room is translated into. The schedule, the availability and
 * the bookable days depend on "now" (and the last on the CMS's booking window): worked out here,
 * so that they are part of the page's cache key. A room's accessibility facts are the Polish
 * entry's; its note, and its equipment, come in the page's language where translated (else Polish,
 * and so marked).
 */
export async function roomPaths(languages: readonly Language[]) {
  const until = new Date(NOW.getTime() + ROOM_SCHEDULE_DAYS * 864e5);
  const weekAgo = new Date(NOW.getTime() - 7 * 864e5);
  const availableUntil = new Date(NOW.getTime() + (AVAILABILITY_WEEKS + 1) * 7 * 864e5);
  const events = (await collection('events')).map((entry) => entry.data);
  const approved = (await collection('roomBusy')).map((entry) => entry.data);
  const bookable = bookableDays(NOW, await roomBookingWindow());
  const hours = (await globalSettings())!.data.openingHours;
  return build('rooms', languages, () => paths.room, async ({ data }, polish, language) => {
    // Cancelled and postponed events no longer hold their date, so they do not take up the room.
    const roomEvents = events.filter((event) => event.room?.documentId === polish.documentId && event.eventStatus === 'scheduled');
    const taken = [
      ...occurrencesFrom(roomEvents, weekAgo, availableUntil).map(({ occurrence }) => ({ startsAt: occurrence.startsAt, endsAt: occurrence.endsAt ?? new Date(Date.parse(occurrence.startsAt) + EVENT_WITHOUT_END_MS).toISOString() })),
      ...approved.filter((busy) => busy.room === polish.documentId),
    ];
    const translation = await translationOf('rooms', language, polish.documentId);
    const translatedNote = typeof translation?.accessibility === 'object' ? translation.accessibility?.notes : null;
    const notes = translatedNote || polish.accessibility?.notes || null;
    return {
      params: { slug: data.slug },
      props: {
        entry: { data: { ...data, accessibility: polish.accessibility ? { ...polish.accessibility, notes } : polish.accessibility } },
        equipmentLanguage: (translation?.equipment?.length ? language : 'pl') as Language,
        notesLanguage: (translatedNote ? language : 'pl') as Language,
        schedule: await listedIn(language, occurrencesFrom(roomEvents, NOW, until)),
        availability: roomAvailability(NOW, hours, taken, AVAILABILITY_WEEKS, language),
        bookable,
      },
    };
  });
}

/** The rooms in `language`: translated where they are, else Polish (and so marked), largest first. */
export async function roomsIn(language: Language) {
  const rooms = await Promise.all((await collection('rooms')).map(({ data }) => localize('rooms', data, language)));
  // The CMS has no order field for rooms; largest first keeps the list stable from build to build.
  const collator = new Intl.Collator(language);
  return rooms.sort((a, b) => b.capacity - a.capacity || collator.compare(a.name, b.name));
}

/** /aktualnosci/<slug>/ in every language the article is translated into. */
export const articlePaths = (languages: readonly Language[]) =>
  build('articles', languages, () => paths.article, ({ data }, polish) => {
    assertSlugAllowed('articles', polish.slug);
    return { params: { slug: data.slug }, props: { entry: { data } } };
  });

/** /aktualnosci/ and …/strona/N/ in every language, newest first: an article not translated into the page's language is listed in Polish. */
export async function newsPaths(languages: readonly Language[]) {
  const articles = newestFirst((await collection('articles')).map((entry) => entry.data));
  const pages = [];
  for (const language of languages) {
    const shown = await Promise.all(articles.map((article) => localize('articles', article, language)));
    for (const { params, props } of paginatedPaths(shown, NEWS_PER_PAGE)) {
      pages.push({ params: { lang: langParam(language), ...params }, props: { ...props, alternates: everyLanguage(paths.news(props.current)) } });
    }
  }
  return withCacheKeys(pages);
}

/** A list page exists in every language at the same path under its prefix. */
export const everyLanguage = (path: string): Alternates => Object.fromEntries(LANGUAGES.map((language) => [language, localizedPath(path, language)]));

type AudienceFilter = Exclude<Audience, 'everyone'>;

/**
 * /wydarzenia/ and one page per type, audience and combination: filters that work without
 * JavaScript, in every language. Each page's list is worked out here from the build's "now", so its
 * cache key covers what it lists; an event not translated into the page's language is listed in Polish.
 */
export async function eventListPaths(languages: readonly Language[]) {
  const types: (EventType | null)[] = [null, ...(Object.keys(EVENT_TYPES) as EventType[])];
  const audiences: (AudienceFilter | null)[] = [null, ...(Object.keys(AUDIENCES) as AudienceFilter[])];
  const upcoming = occurrencesFrom((await collection('events')).map((entry) => entry.data), NOW);
  // Months far ahead have no calendar page (see calendarMonths); the list then just ends there.
  const months = calendarMonths(upcoming.map(({ occurrence }) => occurrence.startsAt), NOW);
  const thisMonth = currentMonth(NOW);
  const allTypesInUse = (Object.keys(EVENT_TYPES) as EventType[]).filter((t) => upcoming.some(({ event }) => event.type === t));
  const languagesInUse = EVENT_LANGUAGE_FILTERS.filter((code) => upcoming.some(({ event }) => eventLanguages(event).includes(code)));
  const built = [];
  for (const language of languages) {
    for (const type of types) {
      for (const audience of audiences) {
        const matching = upcoming.filter(({ event }) => matchesFilter(event, type, audience));
        const { shown, nextMonth } = firstOccurrences(matching);
        const laterMonth = nextMonth && months.some((m) => m.year === nextMonth.year && m.month === nextMonth.month) ? nextMonth : null;
        const typesInUse = (Object.keys(EVENT_TYPES) as EventType[]).filter((t) => t === type || upcoming.some(({ event }) => event.type === t));
        const path = paths.eventFilter(type, audience);
        built.push({
          params: { lang: langParam(language), filter: path.replace(/^\/wydarzenia\/|\/$/g, '') || undefined },
          props: {
            type,
            audience,
            eventLanguage: null,
            shown: await Promise.all(shown.map(async (item) => ({ ...item, event: await eventIn(item.event, language) }))),
            matchingCount: matching.length,
            more: nextMonth !== null,
            laterMonth,
            typesInUse,
            languagesInUse,
            thisMonth,
            alternates: everyLanguage(path),
          },
        });
      }
    }
    // Events held in Ukrainian or English: a page each, for the languages some upcoming event is held in.
    for (const eventLanguage of languagesInUse) {
      const matching = upcoming.filter(({ event }) => eventLanguages(event).includes(eventLanguage));
      const { shown, nextMonth } = firstOccurrences(matching);
      const path = paths.eventLanguageFilter(eventLanguage);
      built.push({
        params: { lang: langParam(language), filter: path.replace(/^\/wydarzenia\/|\/$/g, '') },
        props: {
          type: null,
          audience: null,
          eventLanguage,
          shown: await Promise.all(shown.map(async (item) => ({ ...item, event: await eventIn(item.event, language) }))),
          matchingCount: matching.length,
          more: nextMonth !== null,
          laterMonth: null,
          typesInUse: allTypesInUse,
          languagesInUse,
          thisMonth,
          alternates: everyLanguage(path),
        },
      });
    }
  }
  return withCacheKeys(built);
}



type EventData = CollectionEntry<'events'>['data'];

/** An event in `language`: its words, and its room's name and page where the room is translated (else Polish, the room's `language` says so). */
export async function eventIn(event: EventData, language: Language): Promise<Localized<EventData>> {
  const shown = await localize('events', event, language);
  if (!event.room || language === DEFAULT_LANGUAGE) return shown;
  const room = await translationOf('rooms', language, event.room.documentId);
  return { ...shown, room: { ...event.room, ...(room?.name ? { name: room.name, slug: room.slug } : {}), language: room?.name ? language : DEFAULT_LANGUAGE } as typeof event.room };
}

/** Listed events in `language`: each event's translated title and address, or its Polish ones (and so marked). */
async function listedIn(language: Language, items: ListedEvent<EventData>[]): Promise<ListedEvent<Localized<EventData>>[]> {
  const shown = new Map<string, Promise<Localized<EventData>>>();
  const localized = (event: EventData) => {
    if (!shown.has(event.documentId)) shown.set(event.documentId, eventIn(event, language));
    return shown.get(event.documentId)!;
  };
  return Promise.all(items.map(async (item) => ({ ...item, event: await localized(item.event) })));
}

/**
 * The month calendar in every language: a page per month that has events, plus a year back and a
 * year ahead (see calendarMonths). The grid's dates (with a day's margin for time zones) and today's
 * mark are worked out here, so a page's cache key changes only when what it shows does.
 */
export async function monthPaths(languages: readonly Language[]) {
  const events = (await collection('events')).map((entry) => entry.data);
  const months = calendarMonths(events.flatMap((event) => expandOccurrences(event).map((o) => o.startsAt)), NOW);
  const built = new Set(months.map((m) => paths.month(m)));
  const today = dayKey(NOW);
  const pages = [];
  for (const language of languages) {
    for (const month of months) {
      const weeks = monthGrid(month);
      const from = new Date(`${weeks[0]![0]!.date}T00:00:00Z`);
      const to = new Date(Date.parse(`${weeks.at(-1)!.at(-1)!.date}T00:00:00Z`) + 2 * 86_400_000);
      const listed = await listedIn(language, occurrencesFrom(events, new Date(from.getTime() - 86_400_000), to));
      pages.push({
        params: { lang: langParam(language), year: String(month.year), month: String(month.month).padStart(2, '0') },
        props: {
          month,
          previous: built.has(paths.month(shiftMonth(month, -1))) ? shiftMonth(month, -1) : null,
          next: built.has(paths.month(shiftMonth(month, 1))) ? shiftMonth(month, 1) : null,
          days: [...byDay(listed)],
          today: weeks.some((week) => week.some((cell) => cell.date === today)) ? today : null,
          alternates: everyLanguage(paths.month(month)),
        },
      });
    }
  }
  return withCacheKeys(pages);
}

/** Past dates, latest first, in every language: /wydarzenia/archiwum/ and …/strona/N/. */
export async function archivePaths(languages: readonly Language[]) {
  const past = pastOccurrences((await collection('events')).map((entry) => entry.data), NOW);
  const pages = [];
  for (const language of languages) {
    const listed = await listedIn(language, past);
    for (const { params, props } of paginatedPaths(listed, ARCHIVE_PER_PAGE)) {
      pages.push({ params: { lang: langParam(language), ...params }, props: { ...props, alternates: everyLanguage(paths.archivePage(props.current)) } });
    }
  }
  return withCacheKeys(pages);
}

/**
 * A topic as a page in `language` shows it: its translated name and description, or the Polish ones
 * (and so marked); `descriptionLanguage` marks a description the translator left Polish.
 */
export type LocalizedTopic = Topic & { language: Language; descriptionLanguage?: Language };

/** The knowledge base's topics and guides in `language`: translated where they are, else Polish and marked. */
export async function knowledgeBaseIn(language: Language, noTopicName: string) {
  const categories = await Promise.all((await collection('categories')).map(async ({ data }) => {
    assertSlugAllowed('categories', data.slug);
    const shown = await localize('categories', data, language);
    // The address segment stays the Polish topic's.
    return { ...shown, slug: data.slug };
  }));
  const guides = await Promise.all((await collection('guides')).map(async ({ data }) => localize('guides', data, language)));
  const bySlug = new Map(categories.map((category) => [category.slug, category]));
  const topics: LocalizedTopic[] = topicsOf(categories, guides).map((topic) => {
    if (topic.slug === NO_TOPIC.slug) return { ...topic, name: noTopicName, language };
    const category = bySlug.get(topic.slug);
    return { ...topic, language: category?.language ?? 'pl', descriptionLanguage: category ? textLanguage(category, 'description', language) : undefined };
  });
  return { topics, guides };
}

/** A page per topic (and "Inne" when some guide has none), in every language. */
export async function topicPaths(languages: readonly Language[], noTopicName: (language: Language) => string) {
  const built = [];
  for (const language of languages) {
    const { topics, guides } = await knowledgeBaseIn(language, noTopicName(language));
    for (const topic of topics) built.push({ params: { lang: langParam(language), topic: topic.slug }, props: { topic, guides: guidesInTopic(guides, topic.slug), alternates: everyLanguage(paths.topic(topic.slug)) } });
  }
  return withCacheKeys(built);
}

/**
 * /wolontariat/ and /wolontariat/filtr/…/ in every language: the offers still recruiting, with
 * filters that work without JavaScript (see boardPages); offers not translated are listed in Polish.
 */
export async function volunteerBoardPaths(languages: readonly Language[]) {
  const { open } = await volunteerOffers();
  const built = [];
  for (const language of languages) {
    const shown = await Promise.all(open.map((offer) => localize('volunteerOffers', offer, language)));
    for (const page of boardPages(shown, language)) {
      built.push({
        params: { lang: langParam(language), filter: page.path.replace(/^\/wolontariat\/|\/$/g, '') || undefined },
        props: { labels: page.labels, offers: page.offers, groups: page.groups, alternates: everyLanguage(page.path) },
      });
    }
  }
  return withCacheKeys(built);
}

/**
 * A form's answer pages in each language: the Polish page's address and status with the language's
 * words (the tables of cms/src/shared/*-results-uk.ts and -en.ts).
 */
function resultPaths<C extends string, P extends ResultPage>(pages: Record<C, P>, texts: Record<Exclude<Language, 'pl'>, Record<C, Partial<P>>>, languages: readonly Language[]) {
  return withCacheKeys(
    languages.flatMap((language) =>
      (Object.entries(pages) as [C, P][]).map(([code, page]) => ({
        params: { lang: langParam(language), result: page.slug },
        props: { page: language === 'pl' ? page : { ...page, ...texts[language][code] } },
      })),
    ),
  );
}

/** The sign-up answers' pages in each language. */
export const signupResultPaths = (languages: readonly Language[]) => resultPaths(RESULT_PAGES, { uk: SIGNUP_RESULTS_UK, en: SIGNUP_RESULTS_EN }, languages);

/** The volunteering application's answer pages in each language. */
export const applicationResultPaths = (languages: readonly Language[]) => resultPaths(APPLICATION_RESULTS, { uk: APPLICATION_RESULTS_UK, en: APPLICATION_RESULTS_EN }, languages);

/** The guide feedback's answer pages in each language. */
export const feedbackResultPaths = (languages: readonly Language[]) => resultPaths(FEEDBACK_RESULT_PAGES, { uk: FEEDBACK_RESULTS_UK, en: FEEDBACK_RESULTS_EN }, languages);

/** The answers of "Zgłoś gotowość" (new offers by mail) in each language. */
export const interestResultPaths = (languages: readonly Language[]) => resultPaths(INTEREST_RESULTS, { uk: INTEREST_RESULTS_UK, en: INTEREST_RESULTS_EN }, languages);

/** The room request's answer pages in each language. */
export const roomRequestResultPaths = (languages: readonly Language[]) => resultPaths(ROOM_REQUEST_RESULTS, { uk: ROOM_REQUEST_RESULTS_UK, en: ROOM_REQUEST_RESULTS_EN }, languages);

/**
 * /organizacje/ and its filter pages: every combination in Polish (its addresses stay), and in
 * Ukrainian and English the ones that list an organisation (see directoryPages). The profiles stay
 * Polish; a Polish page names its other languages only where they exist.
 */
export async function organizationDirectoryPaths(languages: readonly Language[]) {
  const organizations = (await collection('organizations')).map((entry) => entry.data);
  // An unknown code would silently drop the organization from every district filter.
  for (const org of organizations) {
    if (org.district && !Object.hasOwn(DISTRICTS, org.district)) {
      throw new Error(`Organization "${org.name}" has the unknown district code "${org.district}"; fix it in the CMS or add it to DISTRICTS in site/src/lib/labels.ts.`);
    }
  }
  const areas = (await collection('areas')).map((entry) => entry.data);
  const built = [];
  for (const language of languages) {
    for (const page of directoryPages(organizations, areas, Object.keys(DISTRICTS), language)) {
      const { path, translated, ...props } = page;
      built.push({
        params: { lang: langParam(language), filter: path.replace(/^\/organizacje\/|\/$/g, '') || undefined },
        props: { ...props, alternates: translated ? everyLanguage(path) : { [DEFAULT_LANGUAGE]: path } },
      });
    }
  }
  return withCacheKeys(built);
}
