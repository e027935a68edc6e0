/**
 * Polish names of the CMS's enumeration values, and the Polish URL segments of the ones the
 * site filters by. The CMS stores stable English codes; people only ever see these. Shared with
 * site/ (site/src/lib/labels.ts) like the result tables, since the organisations' panel shows them too.
 */

export type EventType = 'seminar' | 'training' | 'consulting' | 'working_group' | 'coaching' | 'mentoring' | 'meeting' | 'volunteering' | 'other';
export type Audience = 'everyone' | 'ngo' | 'informal_group' | 'residents';
export type EventFormat = 'on_site' | 'online' | 'hybrid';
export type LegalForm = 'foundation' | 'association' | 'ordinary_association' | 'informal_group' | 'social_cooperative' | 'other';

export const EVENT_TYPES: Record<EventType, { label: string; plural: string; segment: string }> = {
  seminar: { label: 'seminarium', plural: 'Seminaria', segment: 'seminaria' },
  training: { label: 'szkolenie', plural: 'Szkolenia', segment: 'szkolenia' },
  consulting: { label: 'doradztwo', plural: 'Doradztwo', segment: 'doradztwo' },
  working_group: { label: 'grupa robocza', plural: 'Grupy robocze', segment: 'grupy-robocze' },
  coaching: { label: 'coaching', plural: 'Coaching', segment: 'coaching' },
  mentoring: { label: 'mentoring', plural: 'Mentoring', segment: 'mentoring' },
  meeting: { label: 'spotkanie', plural: 'Spotkania', segment: 'spotkania' },
  volunteering: { label: 'wolontariat', plural: 'Wolontariat', segment: 'wolontariat' },
  other: { label: 'inne', plural: 'Inne', segment: 'inne' },
};

/** "everyone" is not a filter of its own: such events show under every audience. */
export const AUDIENCES: Record<Exclude<Audience, 'everyone'>, { label: string; segment: string }> = {
  ngo: { label: 'Organizacje pozarządowe', segment: 'organizacje' },
  informal_group: { label: 'Grupy nieformalne', segment: 'grupy-nieformalne' },
  residents: { label: 'Mieszkańcy', segment: 'mieszkancy' },
};

export const AUDIENCE_LABEL: Record<Audience, string> = {
  everyone: 'wszyscy',
  ngo: 'organizacje pozarządowe',
  informal_group: 'grupy nieformalne',
  residents: 'mieszkańcy',
};

export const EVENT_FORMATS: Record<EventFormat, string> = {
  on_site: 'stacjonarnie',
  online: 'online',
  hybrid: 'stacjonarnie i online',
};

export const LEGAL_FORMS: Record<LegalForm, string> = {
  foundation: 'fundacja',
  association: 'stowarzyszenie',
  ordinary_association: 'stowarzyszenie zwykłe',
  informal_group: 'grupa nieformalna',
  social_cooperative: 'spółdzielnia socjalna',
  other: 'inna forma',
};

/** Kraków's 18 districts, by the codes the CMS uses. */
export const DISTRICTS: Record<string, { label: string; segment: string }> = {
  stare_miasto: { label: 'I Stare Miasto', segment: 'stare-miasto' },
  grzegorzki: { label: 'II Grzegórzki', segment: 'grzegorzki' },
  pradnik_czerwony: { label: 'III Prądnik Czerwony', segment: 'pradnik-czerwony' },
  pradnik_bialy: { label: 'IV Prądnik Biały', segment: 'pradnik-bialy' },
  krowodrza: { label: 'V Krowodrza', segment: 'krowodrza' },
  bronowice: { label: 'VI Bronowice', segment: 'bronowice' },
  zwierzyniec: { label: 'VII Zwierzyniec', segment: 'zwierzyniec' },
  debniki: { label: 'VIII Dębniki', segment: 'debniki' },
  lagiewniki_borek_falecki: { label: 'IX Łagiewniki-Borek Fałęcki', segment: 'lagiewniki-borek-falecki' },
  swoszowice: { label: 'X Swoszowice', segment: 'swoszowice' },
  podgorze_duchackie: { label: 'XI Podgórze Duchackie', segment: 'podgorze-duchackie' },
  biezanow_prokocim: { label: 'XII Bieżanów-Prokocim', segment: 'biezanow-prokocim' },
  podgorze: { label: 'XIII Podgórze', segment: 'podgorze' },
  czyzyny: { label: 'XIV Czyżyny', segment: 'czyzyny' },
  mistrzejowice: { label: 'XV Mistrzejowice', segment: 'mistrzejowice' },
  bienczyce: { label: 'XVI Bieńczyce', segment: 'bienczyce' },
  wzgorza_krzeslawickie: { label: 'XVII Wzgórza Krzesławickie', segment: 'wzgorza-krzeslawickie' },
  nowa_huta: { label: 'XVIII Nowa Huta', segment: 'nowa-huta' },
};

export const SOCIAL_PLATFORMS: Record<string, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  x: 'X (Twitter)',
  tiktok: 'TikTok',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  other: 'Strona w serwisie społecznościowym',
};

const WEEKDAY_NAMES: Record<string, string> = {
  monday: 'poniedziałek',
  tuesday: 'wtorek',
  wednesday: 'środa',
  thursday: 'czwartek',
  friday: 'piątek',
  saturday: 'sobota',
  sunday: 'niedziela',
};

/** "poniedziałek–piątek" from the opening-hours component's day codes (or already Polish text). */
export const dayRange = (from: string, to?: string | null): string => {
  const name = (day: string) => WEEKDAY_NAMES[day] ?? day;
  return to && to !== from ? `${name(from)}–${name(to)}` : name(from);
};

// Volunteering offers (the board at /wolontariat/).

export type VolunteerRemote = 'none' | 'possible' | 'full';
export type VolunteerCommitment = 'one_off' | 'regular';
export type HoursPer = 'week' | 'month';
export type WhenFilled = 'reserve' | 'close';

/** An offer's district: one of the 18, or the whole city (which every district filter shows). */
export const WHOLE_CITY = 'whole_city';
export const WHOLE_CITY_LABEL = 'cały Kraków';

export const VOLUNTEER_REMOTE: Record<VolunteerRemote, string> = {
  none: 'na miejscu',
  possible: 'częściowo zdalnie',
  full: 'w całości zdalnie',
};

export const VOLUNTEER_COMMITMENTS: Record<VolunteerCommitment, string> = {
  one_off: 'jednorazowo',
  regular: 'regularnie',
};

export const HOURS_PER: Record<HoursPer, string> = {
  week: 'w tygodniu',
  month: 'w miesiącu',
};

export const WHEN_FILLED: Record<WhenFilled, string> = {
  reserve: 'Gdy zgłosi się tyle osób, ilu potrzeba, kolejne zgłoszenia trafią na listę rezerwową.',
  close: 'Gdy zgłosi się tyle osób, ilu potrzeba, rekrutacja się zakończy – nawet przed terminem zgłoszeń.',
};

/** The board's filters other than area and district: the option's name and its URL segment. */
export type RemoteFilter = 'possible' | 'full';
export type AgeFilter = '13-15' | '16-17';

/** "Można zdalnie" shows offers that are partly or fully remote; "w całości zdalnie" only the latter. */
export const REMOTE_FILTERS: Record<RemoteFilter, { label: string; segment: string }> = {
  possible: { label: 'Można zdalnie', segment: 'zdalnie' },
  full: { label: 'W całości zdalnie', segment: 'w-calosci-zdalnie' },
};

export const COMMITMENT_FILTERS: Record<VolunteerCommitment, { label: string; segment: string }> = {
  one_off: { label: 'Jednorazowo', segment: 'jednorazowo' },
  regular: { label: 'Regularnie', segment: 'regularnie' },
};

/** A volunteer of this age sees the offers whose minimum age is at most `oldestMinimum`. */
export const AGE_FILTERS: Record<AgeFilter, { label: string; segment: string; oldestMinimum: number }> = {
  '13-15': { label: 'Mam 13–15 lat', segment: 'wiek-13-15', oldestMinimum: 13 },
  '16-17': { label: 'Mam 16–17 lat', segment: 'wiek-16-17', oldestMinimum: 16 },
};

export const NO_POLISH_FILTER = { label: 'Bez znajomości polskiego', segment: 'bez-polskiego' } as const;

/** What the organisation provides, by the offer's field. */
export const VOLUNTEER_PROVISIONS = {
  offersTraining: 'szkolenie przed rozpoczęciem',
  offersCertificate: 'zaświadczenie o wolontariacie',
  offersInsurance: 'ubezpieczenie od następstw nieszczęśliwych wypadków (NNW)',
  offersCostRefund: 'zwrot kosztów, np. dojazdów',
  offersAgreement: 'porozumienie o wolontariacie na piśmie',
} as const;

export const VOLUNTEER_LANGUAGES = {
  usesPolish: 'polski',
  usesUkrainian: 'ukraiński',
  usesEnglish: 'angielski',
} as const;
