import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatCalendarDay, formatDayRange, endOfCalendarDay } from '../../../site/src/lib/dates';
import { AGE_FILTERS, COMMITMENT_FILTERS, DISTRICTS, HOURS_PER, NO_POLISH_FILTER, REMOTE_FILTERS, VOLUNTEER_COMMITMENTS, VOLUNTEER_REMOTE, WHEN_FILLED, WHOLE_CITY } from '../../../site/src/lib/labels';
import { jobPostingJsonLd } from '../../../site/src/lib/structured-data';
import { paths } from '../../../site/src/lib/urls';
import {
  ageText,
  assertKnownCodes,
  areaName,
  boardPages,
  districtLabel,
  FILTER_KEYS,
  hoursText,
  languagesOf,
  matchesFilter,
  MAX_COMBINED_FILTERS,
  needsParentalConsent,
  NO_FILTER,
  offersOf,
  openOffers,
  periodText,
  provisionsOf,
  type BoardOffer,
  type VolunteerFilter,
} from '../../../site/src/lib/volunteering';

const schema = JSON.parse(readFileSync(new URL('../../../cms/src/api/volunteer-offer/content-types/volunteer-offer/schema.json', import.meta.url), 'utf8')) as {
  attributes: Record<string, { enum?: string[] }>;
};

let counter = 0;
/** An offer as the site's collection holds it; each one made later than the one before. */
function offer(slug: string, extra: Partial<BoardOffer> & Record<string, unknown> = {}): BoardOffer & Record<string, unknown> {
  counter += 1;
  const stamp = new Date(Date.UTC(2026, 10, 1, 10) + counter * 60_000).toISOString();
  return {
    slug,
    title: slug,
    areas: [],
    district: 'krowodrza',
    remote: 'none',
    commitment: 'regular',
    minimumAge: 18,
    noPolishNeeded: false,
    hoursPer: 'week',
    whenFilled: 'reserve',
    endsOn: null,
    applicationDeadline: '2026-12-31',
    publishedAt: stamp,
    createdAt: stamp,
    updatedAt: stamp,
    ...extra,
  };
}

const filter = (values: Partial<VolunteerFilter>): VolunteerFilter => ({ ...NO_FILTER, ...values });
const slugs = (offers: { slug: string }[]) => offers.map((o) => o.slug);

describe('the volunteering board', () => {
  it('lists the offers still recruiting today, newest first, and leaves out one whose last day has passed', () => {
    const old = offer('starsza', { applicationDeadline: '2026-11-30' });
    const ended = offer('zakonczona', { applicationDeadline: '2026-11-23' });
    const today = offer('ostatni-dzien-dzis', { applicationDeadline: '2026-11-24' });
    const newest = offer('najnowsza', { applicationDeadline: null, endsOn: '2027-01-10' });
    expect(slugs(openOffers([old, ended, today, newest], '2026-11-24'))).toEqual(['najnowsza', 'ostatni-dzien-dzis', 'starsza']);
  });

  it('orders by publication, so an offer created long ago but published today comes first', () => {
    const draftedEarly = offer('szkic-z-pazdziernika', { createdAt: '2026-10-01T10:00:00.000Z', publishedAt: '2026-11-20T10:00:00.000Z' });
    const publishedEarlier = offer('wczesniejsza', { publishedAt: '2026-11-19T10:00:00.000Z' });
    expect(slugs(openOffers([publishedEarlier, draftedEarly], '2026-11-19'))).toEqual(['szkic-z-pazdziernika', 'wczesniejsza']);
  });

  it('keeps an open-ended offer for three months after its last update, counted in Kraków', () => {
    const openEnded = offer('bez-konca', { applicationDeadline: null, endsOn: null, updatedAt: '2026-08-31T22:30:00.000Z' });
    // 00:30 on 1 September in Kraków: the last day is 1 December.
    expect(slugs(openOffers([openEnded], '2026-12-01'))).toEqual(['bez-konca']);
    expect(openOffers([openEnded], '2026-12-02')).toEqual([]);
  });

  it('shows an offer for the whole city under every district', () => {
    const everywhere = offer('caly-krakow', { district: WHOLE_CITY });
    const local = offer('nowa-huta', { district: 'nowa_huta' });
    expect(matchesFilter(everywhere, filter({ district: 'nowa_huta' }))).toBe(true);
    expect(matchesFilter(everywhere, filter({ district: 'debniki' }))).toBe(true);
    expect(matchesFilter(local, filter({ district: 'nowa_huta' }))).toBe(true);
    expect(matchesFilter(local, filter({ district: 'debniki' }))).toBe(false);
  });

  it('counts partly and fully remote help as "można zdalnie", and only fully remote as "w całości zdalnie"', () => {
    const [none, possible, full] = (['none', 'possible', 'full'] as const).map((remote) => offer(remote, { remote }));
    expect([none, possible, full].filter((o) => matchesFilter(o!, filter({ remote: 'possible' }))).map((o) => o!.slug)).toEqual(['possible', 'full']);
    expect([none, possible, full].filter((o) => matchesFilter(o!, filter({ remote: 'full' }))).map((o) => o!.slug)).toEqual(['full']);
  });

  it('shows 13–15-year-olds the offers from 13, and 16–17-year-olds those from 16 or younger', () => {
    const offers = [13, 14, 16, 17, 18].map((minimumAge) => offer(`od-${minimumAge}`, { minimumAge }));
    expect(slugs(offers.filter((o) => matchesFilter(o, filter({ age: '13-15' }))))).toEqual(['od-13']);
    expect(slugs(offers.filter((o) => matchesFilter(o, filter({ age: '16-17' }))))).toEqual(['od-13', 'od-14', 'od-16']);
  });

  it('filters by area, one-off or regular help and help without Polish, all at once', () => {
    const match = offer('pasuje', { areas: [{ slug: 'edukacja' }], commitment: 'one_off', noPolishNeeded: true });
    const both = filter({ area: 'edukacja', commitment: 'one_off', noPolish: true });
    expect(matchesFilter(match, both)).toBe(true);
    expect(matchesFilter({ ...match, noPolishNeeded: false }, both)).toBe(false);
    expect(matchesFilter({ ...match, commitment: 'regular' }, both)).toBe(false);
    expect(matchesFilter({ ...match, areas: [{ slug: 'kultura' }] }, both)).toBe(false);
  });
});

describe('areas in the reader\'s language', () => {
  const seniors = { slug: 'seniorzy', name: 'Seniorzy', nameUk: 'Люди старшого віку', nameEn: 'Older people' };
  const untranslated = { slug: 'sport-i-rekreacja', name: 'Sport i rekreacja', nameUk: null, nameEn: '' };

  it('name an area in the page\'s language, and in Polish (so said) where editors left the translation empty', () => {
    expect(areaName(seniors, 'uk')).toEqual({ name: 'Люди старшого віку', language: 'uk' });
    expect(areaName(seniors, 'pl')).toEqual({ name: 'Seniorzy', language: 'pl' });
    expect(areaName(untranslated, 'en')).toEqual({ name: 'Sport i rekreacja', language: 'pl' });
  });

  it('give the Ukrainian board translated area filters in Ukrainian order (Cyrillic first), an untranslated one marked Polish', () => {
    const board = boardPages(openOffers([offer('a', { areas: [seniors, untranslated] })], '2026-11-24'), 'uk');
    const areas = board[0]!.groups.find((group) => group.key === 'area')!.options.slice(1);
    expect(areas.map((option) => [option.label, option.language])).toEqual([['Люди старшого віку', undefined], ['Sport i rekreacja', 'pl']]);
    expect(board.find((page) => page.filter.area === 'seniorzy')!.labels).toEqual([{ label: 'Люди старшого віку' }]);
    expect(board.find((page) => page.filter.area === 'sport-i-rekreacja')!.labels).toEqual([{ label: 'Sport i rekreacja', language: 'pl' }]);
  });
});

describe('the board\'s filter pages', () => {
  const edukacja = { slug: 'edukacja', name: 'Edukacja' };
  const kultura = { slug: 'kultura', name: 'Kultura' };
  const offers = openOffers([
    offer('korepetycje', { areas: [edukacja], district: 'nowa_huta', minimumAge: 16 }),
    offer('teatr', { areas: [kultura, edukacja], district: WHOLE_CITY, remote: 'possible', commitment: 'one_off', noPolishNeeded: true }),
  ], '2026-11-24');
  const pages = boardPages(offers);
  const page = (f: Partial<VolunteerFilter>) => pages.find((p) => p.path === paths.volunteerFilter(filter(f)));

  it('put every combination under /wolontariat/filtr/ in one fixed order of segments', () => {
    expect(paths.volunteerFilter(NO_FILTER)).toBe('/wolontariat/');
    expect(paths.volunteerFilter({ area: 'edukacja', district: 'lagiewniki_borek_falecki', remote: 'full', commitment: 'one_off', age: '13-15', noPolish: true })).toBe(
      '/wolontariat/filtr/obszar/edukacja/dzielnica/lagiewniki-borek-falecki/w-calosci-zdalnie/jednorazowo/wiek-13-15/bez-polskiego/',
    );
    expect(paths.volunteerFilter(filter({ noPolish: true, district: 'podgorze' }))).toBe('/wolontariat/filtr/dzielnica/podgorze/bez-polskiego/');
  });

  it('build the unfiltered board first and only combinations that list at least one offer', () => {
    expect(pages[0]!.path).toBe('/wolontariat/');
    expect(pages[0]!.offers).toEqual(offers);
    expect(pages.every((p) => p.offers.length > 0)).toBe(true);
    expect(new Set(pages.map((p) => p.path)).size).toBe(pages.length);
    // A whole-city offer is under each of the 18 districts; the one in Nowa Huta only there.
    expect(pages.filter((p) => p.filter.district !== null && p.labels.length === 1).map((p) => p.filter.district).sort()).toEqual(Object.keys(DISTRICTS).sort());
    expect(slugs(page({ district: 'nowa_huta' })!.offers)).toEqual(['teatr', 'korepetycje']);
    expect(slugs(page({ district: 'debniki' })!.offers)).toEqual(['teatr']);
    expect(page({ district: 'debniki', area: 'kultura', commitment: 'regular' })).toBeUndefined();
  });

  it('give each option its count, keep the other choices in its link and leave out options that would list nothing', () => {
    const debniki = page({ district: 'debniki' })!;
    const areas = debniki.groups.find((g) => g.key === 'area')!;
    expect(areas.options.map((o) => [o.label, o.count, o.href, o.current])).toEqual([
      ['Wszystkie', 1, '/wolontariat/filtr/dzielnica/debniki/', true],
      ['Edukacja', 1, '/wolontariat/filtr/obszar/edukacja/dzielnica/debniki/', false],
      ['Kultura', 1, '/wolontariat/filtr/obszar/kultura/dzielnica/debniki/', false],
    ]);
    const commitment = debniki.groups.find((g) => g.key === 'commitment')!;
    expect(commitment.options.map((o) => o.label)).toEqual(['Wszystkie', 'Jednorazowo']);
    const districts = page({})!.groups.find((g) => g.key === 'district')!;
    expect(districts.options.find((o) => o.code === 'nowa_huta')!.count).toBe(2);
    expect(districts.options.find((o) => o.code === 'debniki')!.count).toBe(1);
  });

  it('link every option to a page that is built', () => {
    const built = new Set(pages.map((p) => p.path));
    const links = pages.flatMap((p) => p.groups.flatMap((g) => g.options.map((o) => o.href)));
    expect(links.filter((href) => !built.has(href))).toEqual([]);
    // And each option lists as many offers as its count says.
    for (const p of pages) for (const g of p.groups) for (const o of g.options) expect(pages.find((q) => q.path === o.href)!.offers.length, `${p.path} → ${o.href}`).toBe(o.count);
  });

  it('mark the chosen option of each filter as current and name the choices for the title', () => {
    const chosen = page({ remote: 'possible', noPolish: true })!;
    expect(chosen.labels.map(({ label }) => label)).toEqual(['Można zdalnie', 'Bez znajomości polskiego']);
    for (const group of chosen.groups) expect(group.options.filter((o) => o.current), group.key).toHaveLength(1);
    expect(chosen.groups.find((g) => g.key === 'noPolish')!.options.find((o) => o.current)!.code).toBe('yes');
  });

  it(`combine at most ${MAX_COMBINED_FILTERS} filters, offering only to change those once they are chosen`, () => {
    expect(page({ area: 'edukacja', remote: 'possible', noPolish: true })).toBeUndefined();
    const two = page({ remote: 'possible', noPolish: true })!;
    expect(two.groups.map((g) => g.key).sort()).toEqual(['noPolish', 'remote']);
    expect(pages.every((p) => FILTER_KEYS.filter((key) => key === 'noPolish' ? p.filter.noPolish : p.filter[key] !== null).length <= MAX_COMBINED_FILTERS)).toBe(true);
  });

  it('offer no choice where every offer is alike, and build only the board when nothing recruits', () => {
    const alike = boardPages([offer('jedna', { district: 'krowodrza' })]);
    expect(alike[0]!.groups.map((g) => g.key)).toEqual(['district', 'commitment']);
    expect(boardPages([])).toEqual([{ filter: NO_FILTER, path: '/wolontariat/', labels: [], offers: [], groups: [] }]);
  });
});

describe('the seed\'s board', () => {
  type SeedOffer = { slug: string; title: string; areas: string[]; district: string; remote: string; commitment: string; minimumAge: number; noPolishNeeded?: boolean; startsInDays?: number; endsInDays?: number; deadlineInDays?: number };
  const seed = JSON.parse(readFileSync(new URL('../../../cms/seed/volunteer-offers.json', import.meta.url), 'utf8')) as SeedOffer[];
  const areaNames = new Map((JSON.parse(readFileSync(new URL('../../../cms/seed/areas.json', import.meta.url), 'utf8')) as { slug: string; name: string }[]).map((a) => [a.slug, a.name]));
  const today = DateTime.fromISO('2026-11-24', { zone: 'Europe/Warsaw' });
  const day = (days: number | undefined) => (days === undefined ? null : today.plus({ days }).toISODate());
  // Seeded one after another, as the seed script publishes them.
  const offers = seed.map((o, i) => {
    const stamp = today.plus({ seconds: i }).toUTC().toISO()!;
    return { ...o, areas: o.areas.map((slug) => ({ slug, name: areaNames.get(slug)! })), endsOn: day(o.endsInDays), applicationDeadline: day(o.deadlineInDays), publishedAt: stamp, createdAt: stamp, updatedAt: stamp };
  });
  const open = openOffers(offers, today.toISODate()!);

  it('has eight offers on the board and the food collection, whose deadline has passed, off it', () => {
    expect(seed).toHaveLength(9);
    expect(open).toHaveLength(8);
    expect(slugs(open)).not.toContain('zbiorka-zywnosci-podgorze');
    expect(open[0]!.slug).toBe(seed.at(-2)!.slug);
  });

  it('builds this many filter pages from it, all listing something', () => {
    const pages = boardPages(open);
    expect(pages.every((p) => p.offers.length > 0)).toBe(true);
    expect(pages.filter((p) => p.path !== paths.volunteering)).toHaveLength(SEED_FILTER_PAGES);
  });
});

/** How many /wolontariat/filtr/… pages the seed gives; a change to the seed or the filters shows here. */
const SEED_FILTER_PAGES = 225;

describe('an offer described in Polish', () => {
  it('names districts, the whole city, hours, ages and the parental consent under 18', () => {
    expect(districtLabel('nowa_huta')).toBe('XVIII Nowa Huta');
    expect(districtLabel(WHOLE_CITY)).toBe('cały Kraków');
    expect(hoursText(4, 'week')).toBe('4 godziny w tygodniu');
    expect(hoursText(12, 'month')).toBe('12 godzin w miesiącu');
    expect(hoursText(1, 'week')).toBe('1 godzina w tygodniu');
    expect(hoursText(null, 'week')).toBeNull();
    expect(ageText(13)).toBe('od 13 lat');
    expect([13, 16, 17, 18, 21].map(needsParentalConsent)).toEqual([true, true, true, false, false]);
  });

  it('says when the help happens: one day with its weekday, a range, or one known end', () => {
    expect(periodText('one_off', '2026-12-12', null)).toBe('sobota, 12 grudnia 2026');
    expect(periodText('one_off', '2026-12-12', '2026-12-13')).toBe('12–13 grudnia 2026');
    expect(periodText('regular', '2026-11-30', '2027-01-15')).toBe('30 listopada 2026 – 15 stycznia 2027');
    expect(periodText('regular', '2026-12-01', null)).toBe('od 1 grudnia 2026');
    expect(periodText('regular', null, '2027-06-30')).toBe('do 30 czerwca 2027');
    expect(periodText('regular', null, null)).toBeNull();
  });

  it('lists the languages and what the organisation provides', () => {
    expect(languagesOf({ usesPolish: false, usesUkrainian: true, usesEnglish: true })).toEqual(['ukraiński', 'angielski']);
    expect(provisionsOf({ offersTraining: true, offersInsurance: true, offersAgreement: null })).toEqual(['szkolenie przed rozpoczęciem', 'ubezpieczenie od następstw nieszczęśliwych wypadków (NNW)']);
  });

  it('lists an organisation\'s own open offers only', () => {
    const mine = { slug: 'moja', organization: { documentId: 'o1' } };
    expect(offersOf([mine, { slug: 'cudza', organization: { documentId: 'o2' } }, { slug: 'bez', organization: null }], 'o1')).toEqual([mine]);
  });

  it('stops the build on a code the site has no label for, naming the offer and the field', () => {
    expect(() => assertKnownCodes(offer('ok', { district: WHOLE_CITY, hoursPer: null, whenFilled: null }))).not.toThrow();
    expect(() => assertKnownCodes(offer('zla-dzielnica', { title: 'Pomoc w lekcjach', district: 'kazimierz' }))).toThrow(/Volunteering offer "Pomoc w lekcjach" \(zla-dzielnica\) has the unknown district code "kazimierz".*DISTRICTS/);
    expect(() => assertKnownCodes(offer('zdalnie', { remote: 'sometimes' }))).toThrow(/unknown remote code "sometimes"/);
    expect(() => assertKnownCodes(offer('zaangazowanie', { commitment: 'weekly' }))).toThrow(/unknown commitment code "weekly"/);
    expect(() => assertKnownCodes(offer('godziny', { hoursPer: 'day' }))).toThrow(/unknown hoursPer code "day"/);
  });
});

describe('Polish labels of the volunteering offers', () => {
  it('cover every code the CMS can store', () => {
    expect([WHOLE_CITY, ...Object.keys(DISTRICTS)].sort()).toEqual([...schema.attributes.district!.enum!].sort());
    expect(Object.keys(VOLUNTEER_REMOTE).sort()).toEqual([...schema.attributes.remote!.enum!].sort());
    expect(Object.keys(VOLUNTEER_COMMITMENTS).sort()).toEqual([...schema.attributes.commitment!.enum!].sort());
    expect(Object.keys(HOURS_PER).sort()).toEqual([...schema.attributes.hoursPer!.enum!].sort());
    expect(Object.keys(WHEN_FILLED).sort()).toEqual([...schema.attributes.whenFilled!.enum!].sort());
  });

  it('give every filter option its own URL segment', () => {
    const segments = [...Object.values(REMOTE_FILTERS), ...Object.values(COMMITMENT_FILTERS), ...Object.values(AGE_FILTERS), NO_POLISH_FILTER].map((f) => f.segment);
    expect(new Set(segments).size).toBe(segments.length);
    for (const segment of segments) expect(segment).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(segments).not.toContain('obszar');
    expect(segments).not.toContain('dzielnica');
  });
});

describe('Kraków calendar days', () => {
  it('are written in Polish, as ranges and as the end of the day with its offset', () => {
    expect(formatCalendarDay('2026-12-12')).toBe('12 grudnia 2026');
    expect(formatCalendarDay('2026-12-12', true)).toBe('sobota, 12 grudnia 2026');
    expect(formatDayRange('2026-12-30', '2027-01-02')).toBe('30 grudnia 2026 – 2 stycznia 2027');
    expect(formatDayRange('2026-11-30', '2026-12-02')).toBe('30 listopada – 2 grudnia 2026');
    expect(endOfCalendarDay('2026-12-12')).toBe('2026-12-12T23:59:59+01:00');
    expect(endOfCalendarDay('2026-07-01')).toBe('2026-07-01T23:59:59+02:00');
  });
});

describe('JobPosting JSON-LD of an offer', () => {
  const input = {
    title: 'Pomoc w lekcjach',
    description: 'Dwa popołudnia w tygodniu.',
    url: 'https://co.krakow.pl/wolontariat/pomoc-w-lekcjach/',
    postedAt: '2026-11-23T23:30:00.000Z',
    lastApplicationDay: '2026-12-31',
    organization: { name: 'Fundacja Szeroka Ławka', url: 'https://co.krakow.pl/organizacje/fundacja-szeroka-lawka/', website: 'https://szerokalawka.example.pl' },
    address: { street: 'os. Szkolne 25', postalCode: '31-977', city: 'Kraków' },
    fullyRemote: false,
    startsOn: '2026-12-01',
    openings: 6,
    workHours: 'wtorki i czwartki 15:30–17:30, 4 godziny w tygodniu',
    benefits: ['szkolenie przed rozpoczęciem'],
    qualifications: null,
    directApply: false,
  };

  it('is a volunteer posting with its organisation, place, posting day in Kraków and last day to apply', () => {
    expect(jobPostingJsonLd(input)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Pomoc w lekcjach',
      description: 'Dwa popołudnia w tygodniu.',
      url: input.url,
      datePosted: '2026-11-24',
      validThrough: '2026-12-31T23:59:59+01:00',
      employmentType: 'VOLUNTEER',
      hiringOrganization: { '@type': 'Organization', name: 'Fundacja Szeroka Ławka', url: input.organization.url, sameAs: 'https://szerokalawka.example.pl' },
      jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', streetAddress: 'os. Szkolne 25', postalCode: '31-977', addressLocality: 'Kraków', addressCountry: 'PL' } },
      jobStartDate: '2026-12-01',
      totalJobOpenings: 6,
      workHours: input.workHours,
      jobBenefits: 'szkolenie przed rozpoczęciem',
      directApply: false,
    });
  });

  it('marks fully remote help as telecommuting from Poland', () => {
    const remote = jobPostingJsonLd({ ...input, address: null, fullyRemote: true });
    expect(remote).toMatchObject({ jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: { '@type': 'Country', name: 'Polska' } });
    expect(remote).not.toHaveProperty('jobLocation');
  });
});
