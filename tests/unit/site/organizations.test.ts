import { describe, expect, it } from 'vitest';
import { directoryPages } from '../../../site/src/lib/organizations';
import { DISTRICTS } from '../../../site/src/lib/labels';
import { localizedPath } from '../../../site/src/lib/i18n';

const areas = [
  { slug: 'kultura', name: 'Kultura', nameUk: 'Культура', nameEn: 'Culture' },
  { slug: 'seniorzy', name: 'Seniorzy', nameUk: 'Люди старшого віку', nameEn: 'Older people' },
  { slug: 'zdrowie', name: 'Zdrowie', nameUk: null, nameEn: '' },
  { slug: 'sport', name: 'Sport', nameUk: 'Спорт', nameEn: 'Sport' },
];
const organizations = [
  { slug: 'scena', name: 'Stowarzyszenie Scena', district: 'bronowice', areas: [{ slug: 'kultura' }, { slug: 'seniorzy' }] },
  { slug: 'oddech', name: 'Fundacja Oddech', district: 'mistrzejowice', areas: [{ slug: 'zdrowie' }] },
  { slug: 'bank', name: 'Bank Czasu', district: 'bronowice', areas: [{ slug: 'seniorzy' }] },
];
const districts = Object.keys(DISTRICTS);

describe('the organisations\' directory', () => {
  it('keeps every Polish combination of area and district, empty ones included, so no old address disappears', () => {
    const pages = directoryPages(organizations, areas, districts, 'pl');
    expect(pages).toHaveLength((areas.length + 1) * (districts.length + 1));
    const empty = pages.find((page) => page.path === '/organizacje/obszar/sport/')!;
    expect(empty.shown).toEqual([]);
    expect(empty.translated).toBe(false);
    // Polish offers every area someone works in, whatever the other filter.
    expect(pages.find((page) => page.path === '/organizacje/dzielnica/mistrzejowice/')!.areaOptions.map((o) => o.slug)).toEqual(['kultura', 'seniorzy', 'zdrowie']);
  });

  it('builds in Ukrainian only the pages that list an organisation, and offers only links to them', () => {
    const pages = directoryPages(organizations, areas, districts, 'uk');
    const built = new Set(pages.map((page) => localizedPath(page.path, 'uk')));
    expect(pages.every((page) => page.shown.length > 0)).toBe(true);
    expect(built.has('/uk/organizacje/')).toBe(true);
    expect(built.has('/uk/organizacje/obszar/sport/')).toBe(false);
    for (const page of pages) {
      for (const option of [...page.areaOptions, ...page.districtOptions]) expect(built.has(option.href), `${page.path} → ${option.href}`).toBe(true);
    }
    // Every page it builds exists in Polish, which names it as its Ukrainian version.
    const polish = directoryPages(organizations, areas, districts, 'pl');
    expect(pages.map((page) => page.path).sort()).toEqual(polish.filter((page) => page.translated).map((page) => page.path).sort());
  });

  it('names areas and districts in the page\'s language, an untranslated area in Polish and marked so', () => {
    const home = directoryPages(organizations, areas, districts, 'uk').find((page) => page.path === '/organizacje/')!;
    expect(home.areaOptions.map((o) => [o.label, o.language])).toEqual([['Культура', undefined], ['Люди старшого віку', undefined], ['Zdrowie', 'pl']]);
    expect(home.districtOptions.map((o) => o.label)).toEqual(['VI Броновиці', 'XV Містшейовиці']);
    expect(home.shown.map((org) => org.slug)).toEqual(['bank', 'oddech', 'scena']);
    const seniorsInBronowice = directoryPages(organizations, areas, districts, 'en').find((page) => page.path === '/organizacje/obszar/seniorzy/dzielnica/bronowice/')!;
    expect(seniorsInBronowice.area).toEqual({ slug: 'seniorzy', label: 'Older people' });
    expect(seniorsInBronowice.shown.map((org) => org.slug)).toEqual(['bank', 'scena']);
    // With Bronowice chosen, only the areas someone in Bronowice works in are offered.
    expect(seniorsInBronowice.areaOptions.map((o) => o.slug)).toEqual(['kultura', 'seniorzy']);
  });
});
