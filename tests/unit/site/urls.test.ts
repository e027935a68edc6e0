import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESERVED_SLUGS as CMS_RESERVED } from '../../../cms/src/validation/slug';
import { eventPageUrl } from '../../../cms/src/registrations/mail';
import { RESULT_PAGES, resultPath } from '../../../cms/src/shared/signup-results';
import { AUDIENCES, DISTRICTS, EVENT_TYPES, LEGAL_FORMS } from '../../../site/src/lib/labels';
import { absoluteUrl, assertSlugAllowed, paginatedPaths, paths, RESERVED_SLUGS } from '../../../site/src/lib/urls';

const schema = (api: string) => JSON.parse(readFileSync(new URL(`../../../cms/src/api/${api}/content-types/${api}/schema.json`, import.meta.url), 'utf8')) as {
  attributes: Record<string, { enum?: string[] }>;
};

describe('site paths', () => {
  it('are Polish, end with a slash and put filters in readable segments', () => {
    expect(paths.news(1)).toBe('/aktualnosci/');
    expect(paths.news(3)).toBe('/aktualnosci/strona/3/');
    expect(paths.guide(null, 'lista')).toBe('/baza-wiedzy/inne/lista/');
    expect(paths.month({ year: 2027, month: 1 })).toBe('/wydarzenia/2027/01/');
    expect(paths.eventFilter('working_group', 'informal_group')).toBe('/wydarzenia/rodzaj/grupy-robocze/dla/grupy-nieformalne/');
    expect(paths.eventFilter(null, null)).toBe('/wydarzenia/');
    expect(paths.organizationFilter('ekologia', 'lagiewniki_borek_falecki')).toBe('/organizacje/obszar/ekologia/dzielnica/lagiewniki-borek-falecki/');
    expect(paths.eventIcs('kino')).toBe('/wydarzenia/kino.ics');
    expect(absoluteUrl('/sale/', 'https://co.krakow.pl')).toBe('https://co.krakow.pl/sale/');
  });

  it('split a list into pages at …/strona/N/, with a first page even for no items', () => {
    const pages = paginatedPaths([1, 2, 3, 4, 5], 2);
    expect(pages.map((p) => [p.params.page, p.props.items])).toEqual([[undefined, [1, 2]], ['strona/2', [3, 4]], ['strona/3', [5]]]);
    expect(pages.every((p) => p.props.last === 3)).toBe(true);
    expect(paginatedPaths([], 10)).toEqual([{ params: { page: undefined }, props: { current: 1, last: 1, items: [] } }]);
  });

  it('refuse slugs that would hide one of the site’s own pages', () => {
    expect(() => assertSlugAllowed('events', 'archiwum')).toThrow(/"archiwum" is reserved.*Adres \(slug\)/);
    expect(() => assertSlugAllowed('events', 'warsztaty')).not.toThrow();
  });

  it('reserve the same slugs as the CMS validation', () => {
    const uids = { pages: 'api::page.page', events: 'api::event.event', organizations: 'api::organization.organization', categories: 'api::category.category', articles: 'api::article.article', volunteerOffers: 'api::volunteer-offer.volunteer-offer' } as const;
    for (const [collection, uid] of Object.entries(uids)) {
      expect([...RESERVED_SLUGS[collection as keyof typeof uids]], collection).toEqual([...CMS_RESERVED[uid]!]);
    }
  });
});

describe('links the CMS mails', () => {
  it('point at the event page where the site puts it', () => {
    expect(eventPageUrl('https://co.krakow.pl', 'szkolenie-x')).toBe(absoluteUrl(paths.event('szkolenie-x'), 'https://co.krakow.pl'));
  });

  it('land on result pages outside every CMS page slug', () => {
    for (const code of Object.keys(RESULT_PAGES) as (keyof typeof RESULT_PAGES)[]) expect(resultPath(code)).toMatch(/^\/zapisy\/[a-z0-9-]+\/$/);
    expect(RESERVED_SLUGS.pages).toContain('zapisy');
  });
});

describe('Polish labels', () => {
  it('cover every code the CMS can store', () => {
    expect(Object.keys(EVENT_TYPES).sort()).toEqual([...schema('event').attributes.type!.enum!].sort());
    expect(['everyone', ...Object.keys(AUDIENCES)].sort()).toEqual([...schema('event').attributes.audience!.enum!].sort());
    expect(Object.keys(DISTRICTS).sort()).toEqual([...schema('organization').attributes.district!.enum!].sort());
    expect(Object.keys(LEGAL_FORMS).sort()).toEqual([...schema('organization').attributes.legalForm!.enum!].sort());
  });

  it('give every filter value its own URL segment', () => {
    for (const values of [EVENT_TYPES, AUDIENCES, DISTRICTS]) {
      const segments = Object.values(values).map((v) => v.segment);
      expect(new Set(segments).size).toBe(segments.length);
      for (const segment of segments) expect(segment).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});
