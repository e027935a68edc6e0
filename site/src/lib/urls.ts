import { AGE_FILTERS, AUDIENCES, COMMITMENT_FILTERS, DISTRICTS, EVENT_TYPES, NO_POLISH_FILTER, REMOTE_FILTERS, type Audience, type EventType } from './labels';
import { monthPath, type YearMonth } from './month-grid';
import type { VolunteerFilter } from './volunteering';
import { guidePath, NO_TOPIC } from '../../../cms/src/shared/guide-feedback';

// Guides without a topic are listed under NO_TOPIC; the CMS sends feedback back to a guide's path too.
export { NO_TOPIC };

/**
 * Every public path of the site, built in one place so pages, feeds, the sitemap and JSON-LD
 * link to the same addresses. All paths end with a slash (the site's trailingSlash setting).
 */

export const NEWS_PER_PAGE = 10;
export const ARCHIVE_PER_PAGE = 40;
export const paths = {
  home: '/',
  news: (page = 1) => (page <= 1 ? '/aktualnosci/' : `/aktualnosci/strona/${page}/`),
  article: (slug: string) => `/aktualnosci/${slug}/`,
  knowledgeBase: '/baza-wiedzy/',
  topic: (topicSlug: string | null | undefined) => `/baza-wiedzy/${topicSlug ?? NO_TOPIC.slug}/`,
  guide: guidePath,
  events: '/wydarzenia/',
  eventFilter: (type: EventType | null, audience: Exclude<Audience, 'everyone'> | null) =>
    `/wydarzenia/${type ? `rodzaj/${EVENT_TYPES[type].segment}/` : ''}${audience ? `dla/${AUDIENCES[audience].segment}/` : ''}`,
  /** Events held in Ukrainian or English; not combined with the other filters. */
  eventLanguageFilter: (language: 'uk' | 'en') => `/wydarzenia/jezyk/${language === 'uk' ? 'ukrainski' : 'angielski'}/`,
  month: (month: YearMonth) => `/wydarzenia/${monthPath(month)}/`,
  archive: '/wydarzenia/archiwum/',
  archivePage: (page: number) => (page <= 1 ? '/wydarzenia/archiwum/' : `/wydarzenia/archiwum/strona/${page}/`),
  event: (slug: string) => `/wydarzenia/${slug}/`,
  eventIcs: (slug: string) => `/wydarzenia/${slug}.ics`,
  calendarFeed: '/wydarzenia.ics',
  typeFeed: (type: EventType) => `/wydarzenia/rodzaj/${EVENT_TYPES[type].segment}.ics`,
  audienceFeed: (audience: Exclude<Audience, 'everyone'>) => `/wydarzenia/dla/${AUDIENCES[audience].segment}.ics`,
  roomFeed: (slug: string) => `/sale/${slug}.ics`,
  organizations: '/organizacje/',
  organizationFilter: (areaSlug: string | null, district: string | null) =>
    `/organizacje/${areaSlug ? `obszar/${areaSlug}/` : ''}${district ? `dzielnica/${districtSegment(district)}/` : ''}`,
  organization: (slug: string) => `/organizacje/${slug}/`,
  rooms: '/sale/',
  room: (slug: string) => `/sale/${slug}/`,
  volunteering: '/wolontariat/',
  volunteerFilter,
  volunteerOffer: (slug: string) => `/wolontariat/${slug}/`,
  volunteerFeed: '/wolontariat/rss.xml',
  volunteerInterest: '/wolontariat/gotowosc/',
  page: (slug: string) => `/${slug}/`,
  search: '/szukaj/',
  rss: '/rss.xml',
} as const;

/**
 * A combination of the volunteering board's filters: /wolontariat/filtr/ and one segment (or
 * pair) per chosen filter, always in this order, so each combination has exactly one address.
 */
function volunteerFilter(filter: VolunteerFilter): string {
  const segments = [
    filter.area && `obszar/${filter.area}`,
    filter.district && `dzielnica/${districtSegment(filter.district)}`,
    filter.remote && REMOTE_FILTERS[filter.remote].segment,
    filter.commitment && COMMITMENT_FILTERS[filter.commitment].segment,
    filter.age && AGE_FILTERS[filter.age].segment,
    filter.noPolish && NO_POLISH_FILTER.segment,
  ].filter(Boolean);
  return segments.length > 0 ? `/wolontariat/filtr/${segments.join('/')}/` : '/wolontariat/';
}

export function districtSegment(code: string): string {
  const district = DISTRICTS[code];
  if (!district) throw new Error(`Unknown district code "${code}"; add it to DISTRICTS in site/src/lib/labels.ts.`);
  return district.segment;
}

/**
 * Slugs that would land on one of the site's own paths. The CMS rejects them on save; the build
 * checks again so an entry saved before the rule existed cannot silently hide a page.
 */
export const RESERVED_SLUGS = {
  pages: ['aktualnosci', 'baza-wiedzy', 'wydarzenia', 'organizacje', 'sale', 'szukaj', 'pliki', '_astro', 'pagefind', '404', 'rss.xml', 'robots.txt', 'zapisy', 'opinia', 'rezerwacje', 'wolontariat', 'zgloszenia', 'dla-organizacji', 'uk', 'en'],
  events: ['archiwum', 'rodzaj', 'dla', 'jezyk'],
  organizations: ['obszar', 'dzielnica'],
  categories: [NO_TOPIC.slug],
  articles: ['strona'],
  volunteerOffers: ['filtr', 'strona', 'gotowosc', 'rss.xml'],
} as const;

export function assertSlugAllowed(collection: keyof typeof RESERVED_SLUGS, slug: string): void {
  if ((RESERVED_SLUGS[collection] as readonly string[]).includes(slug)) {
    throw new Error(`${collection}: the slug "${slug}" is reserved for the site's own pages; change "Adres (slug)" of that entry in the CMS.`);
  }
}

/** Absolute URL of a site path, for canonical links, feeds and JSON-LD. */
export const absoluteUrl = (path: string, site: string): string => new URL(path, site.endsWith('/') ? site : `${site}/`).href;

/**
 * getStaticPaths entries for a paginated list: the first page at the list's own path, the
 * others at …/strona/N/ (a [...page] route). An empty list still gets its first page.
 */
export function paginatedPaths<T>(items: T[], perPage: number) {
  const last = Math.max(1, Math.ceil(items.length / perPage));
  return Array.from({ length: last }, (_, i) => ({
    params: { page: i === 0 ? undefined : `strona/${i + 1}` },
    props: { current: i + 1, last, items: items.slice(i * perPage, (i + 1) * perPage) },
  }));
}
