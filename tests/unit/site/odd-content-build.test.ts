import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../../scripts/build-site.ts';
import { UI } from '../../../site/src/lib/ui';
import { paths } from '../../../site/src/lib/urls';
import { brokenLinks, readSite, report, type SiteOutput } from '../../support/site-output.ts';
import { minimalGlobal, stamp, startStandInCms } from '../../support/stand-in-cms.ts';

/**
 * Content a real CMS seldom holds, served by a stand-in for Strapi's REST API: a centre with no
 * entries at all, and one with entries missing everything optional. Both must build into a
 * sensible site with no broken link. (The full build against a real Strapi is in tests/cms.)
 */

type Entry = Record<string, unknown>;
const SITE_URL = 'https://co.krakow.pl';
const UPLOAD = Buffer.from('%PDF-1.4\n% regulamin\n');
const tempDir = mkdtempSync(path.join(tmpdir(), 'co-odd-site-'));

const global = minimalGlobal;

const oddContent: Record<string, Entry[]> = {
  guides: [{ documentId: 'g1', slug: 'poradnik-bez-tematu', title: 'Poradnik bez tematu', summary: 'Krótko.', body: 'Jedno zdanie, bez nagłówków, z [regulaminem](/uploads/regulamin_sali_1a2b.pdf).', audience: 'everyone', category: null, attachments: null, relatedGuides: [], ...stamp }],
  events: [{
    documentId: 'e1', slug: 'spotkanie-bez-konca', title: 'Spotkanie bez godziny zakończenia', description: 'Opis.', startsAt: '2030-03-05T17:00:00.000Z', endsAt: null,
    type: 'meeting', format: 'online', audience: 'residents', eventStatus: 'scheduled', room: null, venue: null, organizer: null, cover: null, accessibility: null, recurrence: null, ...stamp,
  }],
  organizations: [{ documentId: 'o1', slug: 'grupa-sasiedzka', name: 'Grupa sąsiedzka', legalForm: 'informal_group', description: 'Działamy na osiedlu.', logo: null, areas: [], district: null, address: null, socialLinks: [], ...stamp }],
  rooms: [{ documentId: 'r1', slug: 'sala-bez-zdjec', name: 'Sala bez zdjęć', description: 'Sala.', capacity: 10, howToBook: 'Napisz do nas.', photos: null, equipment: [], accessibility: null, ...stamp }],
  articles: [{ documentId: 'a1', slug: 'wiadomosc-bez-okladki', title: 'Wiadomość bez okładki', excerpt: 'Krótko.', body: 'Treść.', cover: null, publicationDate: null, ...stamp }],
  categories: [],
  areas: [],
  pages: [],
  // Fully remote, so no address; its organisation not published (null), so no public contact either.
  'volunteer-offers': [{
    documentId: 'v1', slug: 'pomoc-zdalna', title: 'Pomoc zdalna bez organizacji', organization: null, summary: 'Krótko.', description: 'Opis.', areas: [], district: 'whole_city', remote: 'full', address: null,
    commitment: 'regular', schedule: null, hours: null, hoursPer: null, startsOn: null, endsOn: null, applicationDeadline: null, volunteersWanted: 1, whenFilled: 'reserve', minimumAge: 18, usesPolish: true, seo: null, ...stamp,
  }],
};

async function buildFrom(collections: Record<string, Entry[]>, name: string): Promise<SiteOutput> {
  const cms = await startStandInCms({ global, collections, files: { '/uploads/regulamin_sali_1a2b.pdf': { type: 'application/pdf', body: UPLOAD } } });
  try {
    const outDir = path.join(tempDir, name);
    await buildSite(outDir, {
      STRAPI_URL: cms.url,
      STRAPI_TOKEN: '',
      SITE_URL,
      SITE_NOW: '2026-11-24T12:00:00Z',
      // Its own cache, so this build cannot race the integration build over Astro's content store.
      SITE_CACHE_DIR: path.join(tempDir, `${name}-cache`),
    }, { capture: true });
    return readSite(outDir);
  } finally {
    await cms.close();
  }
}

let empty: SiteOutput;
let odd: SiteOutput;

beforeAll(async () => {
  empty = await buildFrom(Object.fromEntries(Object.keys(oddContent).map((name) => [name, []])), 'empty');
  odd = await buildFrom(oddContent, 'odd');
}, 240_000);

afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

const html = (site: SiteOutput, urlPath: string): string => {
  const page = site.pages.get(urlPath);
  if (!page) throw new Error(`no page at ${urlPath}`);
  return page.html;
};

describe('a centre with no content yet', () => {
  it('still builds every section, each saying it is empty', () => {
    expect(html(empty, '/')).toContain(UI.noUpcomingEvents);
    expect(html(empty, paths.events)).toContain(UI.noUpcomingEvents);
    expect(html(empty, paths.archive)).toContain(UI.archiveEmpty);
    expect(html(empty, paths.knowledgeBase)).toContain(UI.noGuides);
    expect(html(empty, paths.news())).toContain(UI.noNews);
    expect(html(empty, paths.rooms)).toContain(UI.noRooms);
    expect(html(empty, paths.organizations)).toContain(UI.noOrganizations);
    expect(html(empty, paths.volunteering)).toContain(UI.noOffers);
    expect(html(empty, '/')).toContain(UI.noOffersShort);
    expect(empty.files).toContain('404.html');
    expect(empty.files).toContain('pagefind/pagefind-ui.js');
  });

  it('links to nothing that is missing — not even the CMS pages in the menu', () => {
    const { broken } = brokenLinks(empty, SITE_URL);
    expect(broken, report('broken links', broken)).toEqual([]);
    expect(html(empty, '/')).not.toContain(paths.page('kontakt'));
  });

  it('publishes a valid calendar feed without events', () => {
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(path.join(empty.dir, 'wydarzenia.ics'), 'utf8')));
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
  });
});

describe('entries missing everything optional', () => {
  it('get sensible pages: a guide without a topic, an event without an end, no images', () => {
    expect(html(odd, paths.guide(null, 'poradnik-bez-tematu'))).toContain('Poradnik bez tematu');
    expect(html(odd, paths.topic(null))).toContain('Poradnik bez tematu');
    expect(html(odd, paths.event('spotkanie-bez-konca'))).toMatch(/wtorek, 5 marca 2030, od 18:00/);
    expect(html(odd, paths.organization('grupa-sasiedzka'))).toContain('Grupa sąsiedzka');
    expect(html(odd, paths.room('sala-bez-zdjec'))).toContain('Sala bez zdjęć');
    expect(html(odd, paths.article('wiadomosc-bez-okladki'))).toContain('Wiadomość bez okładki');
    expect(odd.files.filter((file) => /\.(webp|jpe?g|png)$/.test(file))).toEqual([]);
  });

  it('give an offer without an organisation or an address a page with the application form, without a JobPosting', () => {
    const page = html(odd, paths.volunteerOffer('pomoc-zdalna'));
    expect(page).toContain(UI.onlyRemote);
    expect(page).toMatch(/<form method="post" action="[^"]+\/api\/volunteer-applications"/);
    expect(page).not.toContain('JobPosting');
    expect(html(odd, paths.volunteering)).toContain(paths.volunteerOffer('pomoc-zdalna'));
  });

  it('carry their own copy of a CMS file that a text links to', () => {
    const guide = html(odd, paths.guide(null, 'poradnik-bez-tematu'));
    const href = /<a href="(\/pliki\/[^"]+)">regulaminem<\/a>/.exec(guide)?.[1];
    expect(href).toMatch(/^\/pliki\/[0-9a-f]{8}\/regulamin-sali-1a2b\.pdf$/);
    expect(readFileSync(path.join(odd.dir, href!)).equals(UPLOAD)).toBe(true);
  });

  it('leave no broken link behind', () => {
    const { broken, checked } = brokenLinks(odd, SITE_URL);
    expect(checked).toBeGreaterThan(100);
    expect(broken, report('broken links', broken)).toEqual([]);
  });
});

describe('a volunteering offer with a code the site does not know', () => {
  it('fails the build, naming the offer and the code', async () => {
    const [offer] = oddContent['volunteer-offers']!;
    const cms = await startStandInCms({ global, collections: { ...oddContent, 'volunteer-offers': [{ ...offer, district: 'kazimierz' }] } });
    try {
      const outDir = path.join(tempDir, 'unknown-district');
      const failure = await buildSite(outDir, { STRAPI_URL: cms.url, STRAPI_TOKEN: '', SITE_URL, SITE_NOW: '2026-11-24T12:00:00Z', SITE_CACHE_DIR: path.join(tempDir, 'unknown-district-cache') }, { capture: true }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(/Volunteering offer "Pomoc zdalna bez organizacji" \(pomoc-zdalna\) has the unknown district code "kazimierz"/);
    } finally {
      await cms.close();
    }
  }, 120_000);
});

describe('a CMS that publishes no booking window', () => {
  it('fails the build, naming what is missing, instead of offering dates the CMS may refuse', async () => {
    const cms = await startStandInCms({ global, collections: oddContent, bookingWindow: null });
    try {
      const outDir = path.join(tempDir, 'no-window');
      const failure = await buildSite(outDir, { STRAPI_URL: cms.url, STRAPI_TOKEN: '', SITE_URL, SITE_NOW: '2026-11-24T12:00:00Z', SITE_CACHE_DIR: path.join(tempDir, 'no-window-cache') }, { capture: true }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(/roomBookingWindow: \/api\/room-requests\/busy answered without "meta\.bookingWindow"/);
    } finally {
      await cms.close();
    }
  }, 120_000);
});
