import type { CollectionEntry } from 'astro:content';
import { buildCalendar, type CalendarEvent } from './calendar';
import { SITE_URL } from './env';
import { eventPlace } from './events';
import { plainText } from './markdown';
import { absoluteUrl, assertSlugAllowed, paths } from './urls';
import { collection, globalSettings } from './collections';
import { DEFAULT_LANGUAGE, INTL_LOCALES, labelsFor, langParam, localizedPath, uiFor, type Language } from './i18n';
import { matchesFilter } from './events';
import { AUDIENCES, EVENT_TYPES, type Audience, type EventType } from './labels';
import type { Localized } from './localize';
import { withCacheKeys } from './page-keys';
import { localize } from './translations';
import { eventIn } from './routes';

/** The Astro side of calendar.ts: site events as calendar entries and .ics responses. */

type EventData = CollectionEntry<'events'>['data'];

/** An event as a feed lists it; with `language` when a translated feed lists it (else Polish). */
export async function toCalendarEvent(event: EventData & { language?: Language }): Promise<CalendarEvent> {
  const global = (await globalSettings())!.data;
  const place = eventPlace(event, { name: global.siteName, address: global.address });
  const online = place.online && event.onlineUrl ? event.onlineUrl : null;
  return {
    documentId: event.documentId,
    title: event.title,
    description: plainText(event.description, 1000),
    url: absoluteUrl(localizedPath(paths.event(event.slug), event.language ?? DEFAULT_LANGUAGE), SITE_URL),
    startsAt: event.startsAt,
    endsAt: event.endsAt ?? null,
    allDay: event.allDay ?? false,
    location: [place.onSite ? place.text : null, online ?? (place.online && !place.onSite ? 'online' : null)].filter(Boolean).join(' / ') || null,
    status: event.eventStatus,
    updatedAt: event.updatedAt,
    recurrence: event.recurrence ?? null,
  };
}

/**
 * The three ways to subscribe to a feed: the file itself, `webcal://` (which calendar apps open as a
 * subscription that refreshes, where a download is a one-off import), and Google Calendar's "add by
 * URL", which takes the webcal address.
 */
export function subscriptionLinks(feedPath: string, site = SITE_URL): { file: string; webcal: string; google: string } {
  const file = absoluteUrl(feedPath, site);
  const webcal = file.replace(/^https?:/, 'webcal:');
  return { file, webcal, google: `https://calendar.google.com/calendar/r?${new URLSearchParams({ cid: webcal }).toString()}` };
}

export async function calendarResponse(events: CalendarEvent[], name: string, language: Language = DEFAULT_LANGUAGE): Promise<Response> {
  const global = (await globalSettings())!.data;
  const body = buildCalendar(events, { name: `${global.siteName} – ${name}`, domain: new URL(SITE_URL).host, cancelledMark: uiFor(language).cancelled.toLocaleUpperCase(INTL_LOCALES[language]) });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}

/** What a feed's page gets: its name (after the site's) and its events. */
export interface FeedProps {
  /** The feed's language: its name's and its marks'. */
  language: Language;
  name: string;
  events: (EventData & { language?: Language })[];
}

/**
 * The getStaticPaths of event feeds in every language: `feeds` lists one language's feeds from its
 * events (translated where they are, else Polish), which are then built under the language's prefix.
 */
export async function feedPaths<P extends Record<string, string>>(
  languages: readonly Language[],
  feeds: (events: Localized<EventData>[], language: Language) => { params: P; props: Omit<FeedProps, 'language'> }[],
) {
  const events = (await collection('events')).map((entry) => entry.data);
  const built = [];
  for (const language of languages) {
    const shown = await Promise.all(events.map((event) => eventIn(event, language)));
    for (const { params, props } of feeds(shown, language)) built.push({ params: { lang: langParam(language), ...params }, props: { ...props, language } });
  }
  return withCacheKeys(built);
}

/** The GET of every event feed. */
export const feedResponse = async ({ props }: { props: FeedProps }): Promise<Response> => calendarResponse(await Promise.all(props.events.map(toCalendarEvent)), props.name, props.language);

/** /wydarzenia.ics: every published event. */
export const allEventsFeed = (languages: readonly Language[]) =>
  feedPaths(languages, (events, language) => [{ params: {}, props: { name: uiFor(language).events, events } }]);

/** /wydarzenia/<slug>.ics: one event with all its dates, for "add to calendar", in the languages it is translated into. */
export const eventFeeds = (languages: readonly Language[]) =>
  feedPaths(languages, (events, language) =>
    events
      .filter((event) => event.language === language)
      .map((event) => {
        assertSlugAllowed('events', event.slug);
        return { params: { slug: event.slug }, props: { name: event.title, events: [event] } };
      }),
  );

/** /wydarzenia/rodzaj/<type>.ics: every event of one type (e.g. all trainings). */
export const typeFeeds = (languages: readonly Language[]) =>
  feedPaths(languages, (events, language) =>
    (Object.keys(EVENT_TYPES) as EventType[]).map((type) => ({
      params: { type: EVENT_TYPES[type].segment },
      props: { name: labelsFor(language).EVENT_TYPES[type].plural, events: events.filter((event) => matchesFilter(event, type, null)) },
    })),
  );

/** /wydarzenia/dla/<audience>.ics: the events for one audience, those open to everyone included, as its filter page lists them. */
export const audienceFeeds = (languages: readonly Language[]) =>
  feedPaths(languages, (events, language) =>
    (Object.keys(AUDIENCES) as Exclude<Audience, 'everyone'>[]).map((audience) => ({
      params: { audience: AUDIENCES[audience].segment },
      props: { name: uiFor(language).eventsFor(labelsFor(language).AUDIENCES[audience].label.toLowerCase()), events: events.filter((event) => matchesFilter(event, null, audience)) },
    })),
  );

interface Busy {
  startsAt: string;
  endsAt: string;
}

/** What a room's feed page gets. */
export interface RoomFeedProps extends FeedProps {
  slug: string;
  /** The Polish room's slug: busy times keep one UID in every language's feed. */
  polishSlug: string;
  busy: Busy[];
}

/** /sale/<slug>.ics in every language the room is translated into: its events (translated where they are) and the times approved requests hold it. */
export async function roomFeedPaths(languages: readonly Language[]) {
  const busy = (await collection('roomBusy')).map((entry) => entry.data);
  const built = [];
  for (const language of languages) {
    const events = await Promise.all((await collection('events')).map(({ data }) => eventIn(data, language)));
    for (const { data } of await collection('rooms')) {
      const room = await localize('rooms', data, language);
      if (room.language !== language) continue;
      built.push({
        params: { lang: langParam(language), slug: room.slug },
        props: {
          language,
          name: room.name,
          slug: room.slug,
          polishSlug: data.slug,
          events: events.filter((event) => event.room?.documentId === data.documentId),
          busy: busy.filter((entry) => entry.room === data.documentId).map(({ startsAt, endsAt }) => ({ startsAt, endsAt })),
        },
      });
    }
  }
  return withCacheKeys(built);
}

/** One approved meeting as a calendar entry ("busy", never who asked): its UID stays the same for the same room and start. */
const busyEntry = (props: RoomFeedProps, busy: Busy): CalendarEvent => ({
  documentId: `sala-${props.polishSlug}-${busy.startsAt.replace(/[^0-9]/g, '')}`,
  title: uiFor(props.language).roomBusyTitle(props.name),
  description: uiFor(props.language).roomBusyDescription,
  url: absoluteUrl(localizedPath(paths.room(props.slug), props.language), SITE_URL),
  startsAt: busy.startsAt,
  endsAt: busy.endsAt,
  allDay: false,
  location: props.name,
  status: 'scheduled',
  updatedAt: busy.startsAt,
  recurrence: null,
});

/** The GET of a room's feed. */
export const roomFeedResponse = async ({ props }: { props: RoomFeedProps }): Promise<Response> =>
  calendarResponse([...(await Promise.all(props.events.map(toCalendarEvent))), ...props.busy.map((busy) => busyEntry(props, busy))], props.name, props.language);
