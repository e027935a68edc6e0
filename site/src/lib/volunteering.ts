/**
 * The volunteering board (/wolontariat/): which offers still recruit on the build's day and in
 * what order, how an offer is described, and the board's filter pages — one per combination of
 * filters that lists at least one offer, each option with the number of offers it would list, so
 * no filter link is ever empty or broken. Plain values in and out, for the pages, the feed and the
 * unit tests alike.
 */
import { ADULT_AGE, lastApplicationDay, recruitmentEnded } from '../../../cms/src/shared/volunteer-offers';
import { formatCalendarDay, formatDayRange } from './dates';
import {
  AGE_FILTERS,
  COMMITMENT_FILTERS,
  DISTRICTS,
  HOURS_PER,
  NO_POLISH_FILTER,
  REMOTE_FILTERS,
  VOLUNTEER_COMMITMENTS,
  VOLUNTEER_LANGUAGES,
  VOLUNTEER_PROVISIONS,
  VOLUNTEER_REMOTE,
  WHEN_FILLED,
  WHOLE_CITY,
  WHOLE_CITY_LABEL,
  type AgeFilter,
  type RemoteFilter,
  type VolunteerCommitment,
} from './labels';
import { labelsFor, localizedPath, uiFor, type Language } from './i18n';
import { plural } from './ui';
import { paths } from './urls';

// The CMS counts the last day the same way (its reminders), so the two never disagree.
export { ADULT_AGE, lastApplicationDay, recruitmentEnded };

export interface OfferArea {
  slug: string;
  name?: string | null;
  nameUk?: string | null;
  nameEn?: string | null;
}

/** An area's name in `language`, or its Polish name (and so said) where editors left the translation empty. */
export function areaName(area: OfferArea, language: Language): { name: string; language: Language } {
  const translated = language === 'uk' ? area.nameUk : language === 'en' ? area.nameEn : null;
  return translated ? { name: translated, language } : { name: area.name ?? area.slug, language: 'pl' };
}

/** What the board needs of an offer; the collection's entries carry more. */
export interface BoardOffer {
  slug: string;
  title: string;
  areas?: OfferArea[] | null;
  district: string;
  remote: string;
  commitment: string;
  minimumAge: number;
  noPolishNeeded?: boolean | null;
  hoursPer?: string | null;
  whenFilled?: string | null;
  endsOn?: string | null;
  applicationDeadline?: string | null;
  publishedAt: string;
  createdAt: string;
  updatedAt: string;
}

/** A combination of the board's filters; null (false) = not filtered by it. */
export interface VolunteerFilter {
  /** An area's slug. */
  area: string | null;
  /** One of the 18 districts' codes; offers for the whole city match every district. */
  district: string | null;
  /** "possible" = partly or fully remote, "full" = fully remote only. */
  remote: RemoteFilter | null;
  commitment: VolunteerCommitment | null;
  /** The volunteer's age group: offers they are old enough for. */
  age: AgeFilter | null;
  /** Only offers for which Polish is not needed. */
  noPolish: boolean;
}

export const NO_FILTER: VolunteerFilter = Object.freeze({ area: null, district: null, remote: null, commitment: null, age: null, noPolish: false });

/** The filters in the order of their URL segments and on the page. */
export const FILTER_KEYS = ['area', 'district', 'remote', 'commitment', 'age', 'noPolish'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * An unknown code would silently drop an offer from every filter or print "undefined" on its page,
 * so the build stops and names the offer and the field instead.
 */
export function assertKnownCodes(offer: BoardOffer): void {
  const problems: string[] = [];
  const check = (field: string, value: string | null | undefined, known: object, where: string, optional = false) => {
    if ((value === null || value === undefined) && optional) return;
    if (typeof value !== 'string' || !Object.hasOwn(known, value)) problems.push(`the unknown ${field} code "${String(value)}" (known: ${Object.keys(known).join(', ')}; see ${where})`);
  };
  check('district', offer.district === WHOLE_CITY ? null : offer.district, DISTRICTS, 'DISTRICTS', offer.district === WHOLE_CITY);
  check('remote', offer.remote, VOLUNTEER_REMOTE, 'VOLUNTEER_REMOTE');
  check('commitment', offer.commitment, VOLUNTEER_COMMITMENTS, 'VOLUNTEER_COMMITMENTS');
  check('hoursPer', offer.hoursPer, HOURS_PER, 'HOURS_PER', true);
  check('whenFilled', offer.whenFilled, WHEN_FILLED, 'WHEN_FILLED', true);
  if (problems.length > 0) {
    throw new Error(`Volunteering offer "${offer.title}" (${offer.slug}) has ${problems.join(' and ')}; fix it in the CMS or add the code to site/src/lib/labels.ts.`);
  }
}

/** When an offer went up on the board: its publication, else its creation. */
export const postedAt = (offer: Pick<BoardOffer, 'publishedAt' | 'createdAt'>): string => offer.publishedAt || offer.createdAt;

const newestFirst = (a: BoardOffer, b: BoardOffer): number =>
  postedAt(b).localeCompare(postedAt(a)) || b.createdAt.localeCompare(a.createdAt) || a.slug.localeCompare(b.slug);

/** The offers still recruiting on `today` (YYYY-MM-DD in Kraków), newest first. */
export function openOffers<O extends BoardOffer>(offers: readonly O[], today: string): O[] {
  return offers.filter((offer) => !recruitmentEnded(offer, today)).sort(newestFirst);
}

// --- Filters -------------------------------------------------------------------------------------

/** The filter codes an offer matches, per filter (noPolish: "yes"). */
type Matches = Record<FilterKey, ReadonlySet<string>>;

const ALL_DISTRICTS = Object.keys(DISTRICTS);

function matchesOf(offer: BoardOffer): Matches {
  return {
    area: new Set((offer.areas ?? []).map((area) => area.slug)),
    district: new Set(offer.district === WHOLE_CITY ? ALL_DISTRICTS : [offer.district]),
    remote: new Set(offer.remote === 'full' ? ['possible', 'full'] : offer.remote === 'possible' ? ['possible'] : []),
    commitment: new Set([offer.commitment]),
    age: new Set((Object.keys(AGE_FILTERS) as AgeFilter[]).filter((age) => offer.minimumAge <= AGE_FILTERS[age].oldestMinimum)),
    noPolish: new Set(offer.noPolishNeeded ? ['yes'] : []),
  };
}

type Codes = Record<FilterKey, string | null>;

const codesOf = (filter: VolunteerFilter): Codes => ({ ...filter, noPolish: filter.noPolish ? 'yes' : null });

const filterOf = (codes: Codes): VolunteerFilter => ({
  area: codes.area,
  district: codes.district,
  remote: codes.remote as RemoteFilter | null,
  commitment: codes.commitment as VolunteerCommitment | null,
  age: codes.age as AgeFilter | null,
  noPolish: codes.noPolish !== null,
});

const fits = (matches: Matches, codes: Codes, except?: FilterKey): boolean =>
  FILTER_KEYS.every((key) => key === except || codes[key] === null || matches[key].has(codes[key]!));

/** Whether the filter shows the offer. */
export const matchesFilter = (offer: BoardOffer, filter: VolunteerFilter): boolean => fits(matchesOf(offer), codesOf(filter));

export interface FilterOption {
  /** The filter's code; null for "all". */
  code: string | null;
  label: string;
  /** The label's language where it is not the page's (an area nobody translated). */
  language?: Language;
  href: string;
  /** Offers listed after choosing it (the other filters kept). */
  count: number;
  current: boolean;
}

export interface FilterGroup {
  key: FilterKey;
  heading: string;
  options: FilterOption[];
}

export interface BoardPage<O> {
  filter: VolunteerFilter;
  path: string;
  /** The chosen filters in words, for the title; `language` where a label is not in the page's (an untranslated area's). */
  labels: { label: string; language?: Language }[];
  offers: O[];
  /** Groups that offer a choice; the others are left out. */
  groups: FilterGroup[];
}

const headings = (language: Language): Record<FilterKey, string> => {
  const UI = uiFor(language);
  return { area: UI.filterByArea, district: UI.filterByDistrict, remote: UI.filterByRemote, commitment: UI.filterByCommitment, age: UI.filterByAge, noPolish: UI.filterByLanguage };
};

/** A choice of a filter; `language` when its label is not in the page's (an untranslated area's). */
interface Choice {
  code: string;
  label: string;
  language?: Language;
}

/** Every code a filter can take on this board, in the order shown, with its label in `language` (an area without a translation in Polish). */
function choices(offers: readonly BoardOffer[], language: Language): Record<FilterKey, Choice[]> {
  const { DISTRICTS, REMOTE_FILTERS, COMMITMENT_FILTERS, AGE_FILTERS, NO_POLISH_FILTER } = labelsFor(language);
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  const areas = new Map<string, Choice>();
  for (const offer of offers) {
    for (const area of offer.areas ?? []) {
      if (areas.has(area.slug)) continue;
      const shown = areaName(area, language);
      areas.set(area.slug, { code: area.slug, label: shown.name, ...(shown.language !== language ? { language: shown.language } : {}) });
    }
  }
  return {
    area: [...areas.values()].sort((a, b) => collator.compare(a.label, b.label)),
    district: ALL_DISTRICTS.map((code) => ({ code, label: DISTRICTS[code]!.label })),
    remote: (Object.keys(REMOTE_FILTERS) as RemoteFilter[]).map((code) => ({ code, label: REMOTE_FILTERS[code].label })),
    commitment: (Object.keys(COMMITMENT_FILTERS) as VolunteerCommitment[]).map((code) => ({ code, label: COMMITMENT_FILTERS[code].label })),
    age: (Object.keys(AGE_FILTERS) as AgeFilter[]).map((code) => ({ code, label: AGE_FILTERS[code].label })),
    noPolish: [{ code: 'yes', label: NO_POLISH_FILTER.label }],
  };
}

/**
 * At most this many filters at once. Every further one multiplies the pages to build (with all six,
 * the seed's 8 offers made 844 pages, city-wide offers counting in all 18 districts), while two —
 * e.g. a district and an age — already narrow a board of dozens of offers to a handful.
 */
export const MAX_COMBINED_FILTERS = 2;

const activeCount = (codes: Codes): number => FILTER_KEYS.filter((key) => codes[key] !== null).length;

/**
 * The board's pages: the unfiltered one (also when nothing recruits) and every combination of
 * filters that lists at least one of `offers` (open ones, in the order to list them). Each page
 * lists its offers and, per filter, "all" and the options that would list something, with their
 * counts and links that keep the other choices.
 */
export function boardPages<O extends BoardOffer>(offers: readonly O[], language: Language = 'pl'): BoardPage<O>[] {
  const UI = uiFor(language);
  const HEADINGS = headings(language);
  const matches = offers.map(matchesOf);
  const available = choices(offers, language);
  const choiceOf = new Map(FILTER_KEYS.map((key) => [key, new Map(available[key].map((choice) => [choice.code, choice]))]));
  // Every combination an offer appears under: per filter, "not filtered" or a code it matches.
  const combinations = new Map<string, Codes>();
  const add = (codes: Codes) => combinations.set(FILTER_KEYS.map((key) => codes[key] ?? '').join('\u0000'), codes);
  add(codesOf(NO_FILTER));
  for (const match of matches) {
    let partial: Codes[] = [codesOf(NO_FILTER)];
    for (const key of FILTER_KEYS) {
      partial = partial.flatMap((codes) => (activeCount(codes) >= MAX_COMBINED_FILTERS ? [codes] : [codes, ...[...match[key]].map((code) => ({ ...codes, [key]: code }))]));
    }
    partial.forEach(add);
  }
  const pages = [...combinations.values()].map((codes): BoardPage<O> => {
    const filter = filterOf(codes);
    const groups = FILTER_KEYS.map((key): FilterGroup => {
      // What the page would list with this filter changed and the others kept.
      const base = matches.filter((match) => fits(match, codes, key));
      const option = (code: string | null, label: string, labelLanguage?: Language): FilterOption => ({
        code,
        label,
        ...(labelLanguage ? { language: labelLanguage } : {}),
        href: localizedPath(paths.volunteerFilter(filterOf({ ...codes, [key]: code })), language),
        count: code === null ? base.length : base.filter((match) => match[key].has(code)).length,
        current: codes[key] === code,
      });
      // A third filter would need a page that is not built: only the chosen filters can be changed then.
      const full = codes[key] === null && activeCount(codes) >= MAX_COMBINED_FILTERS;
      const options = [option(null, UI.all), ...(full ? [] : available[key].map((choice) => option(choice.code, choice.label, choice.language)))];
      return { key, heading: HEADINGS[key], options: options.filter((o) => o.count > 0 || o.current) };
    });
    return {
      filter,
      path: paths.volunteerFilter(filter),
      labels: FILTER_KEYS.flatMap((key) => {
        if (codes[key] === null) return [];
        const choice = choiceOf.get(key)!.get(codes[key]!);
        return [choice ? { label: choice.label, ...(choice.language ? { language: choice.language } : {}) } : { label: codes[key]! }];
      }),
      offers: offers.filter((_, i) => fits(matches[i]!, codes)),
      groups: groups.filter((group) => group.options.length > 1),
    };
  });
  return pages.sort((a, b) => (a.path === paths.volunteering ? -1 : b.path === paths.volunteering ? 1 : a.path.localeCompare(b.path)));
}

// --- How an offer is described -------------------------------------------------------------------

/** "XVIII Nowa Huta", or "cały Kraków". */
export function districtLabel(code: string, language: Language = 'pl'): string {
  const { DISTRICTS, WHOLE_CITY_LABEL } = labelsFor(language);
  if (code === WHOLE_CITY) return WHOLE_CITY_LABEL;
  const district = DISTRICTS[code];
  if (!district) throw new Error(`Unknown district code "${code}"; add it to DISTRICTS in site/src/lib/labels.ts.`);
  return district.label;
}

/** "od 16 lat" (the genitive plural fits every age from 13 to 99), "від 16 років" / "від 21 року", "from age 16". */
export function ageText(minimumAge: number, language: Language = 'pl'): string {
  if (language === 'uk') return `від ${minimumAge} ${minimumAge % 10 === 1 && minimumAge % 100 !== 11 ? 'року' : 'років'}`;
  if (language === 'en') return `from age ${minimumAge}`;
  return `od ${minimumAge} lat`;
}

/** Under 18 a volunteer needs a parent's or guardian's written consent. */
export const needsParentalConsent = (minimumAge: number): boolean => minimumAge < ADULT_AGE;

/** "4 godziny w tygodniu", or null when the offer does not say. */
export function hoursText(hours: number | null | undefined, per: string | null | undefined, language: Language = 'pl'): string | null {
  if (!hours) return null;
  const { HOURS_PER } = labelsFor(language);
  const unit = per && Object.hasOwn(HOURS_PER, per) ? ` ${HOURS_PER[per as keyof typeof HOURS_PER]}` : '';
  return `${HOURS_WORDS[language](hours)}${unit}`;
}

const ukrainianPlural = new Intl.PluralRules('uk');
const HOURS_WORDS: Record<Language, (hours: number) => string> = {
  pl: (hours) => plural(hours, 'godzina', 'godziny', 'godzin'),
  // "4 години на тиждень": the accusative after a count.
  uk: (hours) => `${hours} ${({ one: 'годину', few: 'години', many: 'годин' } as Record<string, string>)[ukrainianPlural.select(hours)] ?? 'години'}`,
  en: (hours) => `${hours} ${hours === 1 ? 'hour' : 'hours'}`,
};
const PERIOD_WORDS: Record<Language, { from: string; until: string }> = { pl: { from: 'od', until: 'do' }, uk: { from: 'з', until: 'до' }, en: { from: 'from', until: 'until' } };

/**
 * The days of the help: one day with its weekday ("sobota, 12 grudnia 2026", one-off help or an
 * offer that starts and ends the same day), a range ("12–13 grudnia 2026"), "od 1 grudnia 2026"
 * or "do 30 czerwca 2027" for regular help with one known end; null when neither end is known.
 */
export function periodText(commitment: string, startsOn: string | null | undefined, endsOn: string | null | undefined, language: Language = 'pl'): string | null {
  const starts = startsOn?.slice(0, 10) || null;
  const ends = endsOn?.slice(0, 10) || null;
  const words = PERIOD_WORDS[language];
  if (starts && ends && ends !== starts) return formatDayRange(starts, ends, language);
  if (starts && (ends === starts || commitment === 'one_off')) return formatCalendarDay(starts, true, language);
  if (starts) return `${words.from} ${formatCalendarDay(starts, false, language)}`;
  if (ends) return `${words.until} ${formatCalendarDay(ends, false, language)}`;
  return null;
}

type Flags = Partial<Record<keyof typeof VOLUNTEER_LANGUAGES | keyof typeof VOLUNTEER_PROVISIONS, boolean | null>>;

/** The languages a volunteer may use ("polski", "ukraiński"…, in `language`). */
export const languagesOf = (offer: Flags, language: Language = 'pl'): string[] =>
  (Object.keys(VOLUNTEER_LANGUAGES) as (keyof typeof VOLUNTEER_LANGUAGES)[]).filter((field) => offer[field] === true).map((field) => labelsFor(language).VOLUNTEER_LANGUAGES[field]);

/** What the organisation provides, in `language`. */
export const provisionsOf = (offer: Flags, language: Language = 'pl'): string[] =>
  (Object.keys(VOLUNTEER_PROVISIONS) as (keyof typeof VOLUNTEER_PROVISIONS)[]).filter((field) => offer[field] === true).map((field) => labelsFor(language).VOLUNTEER_PROVISIONS[field]);

/** The open offers of one organisation (by documentId), in the board's order. */
export const offersOf = <O extends { organization?: { documentId: string } | null }>(open: readonly O[], organizationId: string): O[] =>
  open.filter((offer) => offer.organization?.documentId === organizationId);
