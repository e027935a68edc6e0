import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build-site.ts';
import { filesUnder } from '../../scripts/lib/files.ts';
import { freePort } from '../../scripts/lib/cms.ts';
import { bookableDays, type BookingWindow } from '../../cms/src/room-requests/rules';
import { DEFAULT_BOOKING_WINDOW } from '../../cms/src/shared/room-request-results';
import { dayKey, endOfCalendarDay, formatDate, formatMonth } from '../../site/src/lib/dates';
import { attachmentPath, type MediaFile } from '../../site/src/lib/media';
import { AUDIENCES, EVENT_TYPES, type Audience, type EventType } from '../../site/src/lib/labels';
import { paths } from '../../site/src/lib/urls';
import { lastApplicationDay, NO_FILTER, recruitmentEnded } from '../../site/src/lib/volunteering';
import { call, cms, listAll, type StrapiErrorBody } from './client.ts';
import {
  allFiles,
  brokenLinks,
  calendarProblems,
  calendarUidEvents,
  eventJsonLdProblems,
  fileForPath,
  hasClass,
  hasType,
  imageProblems,
  isNoindex,
  isWithin,
  jsonLd,
  jsonLdNodes,
  jsonLdPageProblems,
  languageProblems,
  readSite,
  unmarkedPolish,
  report,
  scriptProblems,
  searchIndex,
  sitemapProblems,
  type Page,
  type SiteOutput,
} from '../support/site-output.ts';

type Doc = { documentId: string; title: string; startsAt: string };
type Sluggish = { documentId: string; slug: string; category?: { slug: string } | null };

const SITE_URL = 'https://co.krakow.pl';
/** Where visitors' browsers reach the CMS (sign-up forms); the build itself reads it at another, internal address. */
const PUBLIC_CMS_URL = 'https://cms.co.krakow.pl';

const tempDir = mkdtempSync(path.join(tmpdir(), 'co-site-test-'));
const outDir = path.join(tempDir, 'dist');
let html = '';
let site: SiteOutput;
/** The build's "now" (SITE_NOW), which the room forms' first and last days count from. */
const builtAt = new Date();

/**
 * The seed content is harmless, so one guide carries the classic ways of smuggling script into
 * a page; the whole output must still be free of it. Only vectors the CMS accepts on save are
 * used (it refuses javascript:/data: links outright, see checkMarkdownLinks).
 */
const XSS_VECTORS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC=x OnError=alert(1)>',
  '<a href="#" onclick="alert(1)">klik</a>',
  '<a href="https://example.com/" onmouseover="alert(1)">najedź</a>',
  '<a href=" &#14;javascript:alert(1)">zakodowany odnośnik</a>',
  '[zakodowany markdown](jav&#x61;script:alert(1))',
  '<iframe src="https://example.com"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="https://example.com/x.swf"></object>',
  '<embed src="https://example.com/x.swf">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<details open ontoggle=alert(1)><summary>szczegóły</summary></details>',
  '<form action="https://evil.example/"><button formaction="https://evil.example/">Wyślij</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<div style="background:url(https://evil.example/x.png)" onclick="alert(1)">div</div>',
  '<body onload=alert(1)>',
  // Mutation XSS: harmless to a sanitizer's parser, script after the browser re-parses it. Last,
  // because it may swallow what follows.
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
];
const XSS_CONTROL = 'Akapit kontrolny poradnika z wstawkami HTML.';
const XSS_TITLE = 'Poradnik testowy </script><script>alert("tytuł")</script>';
const XSS_SUMMARY = 'Opis z </script><script>alert("opis")</script> w środku & „cudzysłowem".';
let xssGuide: { documentId: string; path: string } | null = null;
const refusedVectors: string[] = [];

async function createGuide(data: Record<string, unknown>) {
  return call<{ data: Sluggish } | StrapiErrorBody>('POST', '/api/guides', { auth: 'full', body: { data } });
}

/** Creates and publishes the guide with every vector the CMS accepts; notes the refused ones. */
async function createXssGuide(): Promise<void> {
  const [category] = await listAll<{ slug: string; documentId: string }>('categories');
  const base = { summary: XSS_SUMMARY, category: category!.documentId, audience: 'everyone', slug: 'poradnik-z-wstawkami-html' };
  const body = (vectors: string[]) => [XSS_CONTROL, ...vectors].join('\n\n');
  let title = XSS_TITLE;
  let accepted = XSS_VECTORS;
  let response = await createGuide({ ...base, title, body: body(accepted) });
  if (response.status === 400) {
    // Find out what the CMS refuses, one field and one vector at a time.
    if ((await createGuide({ ...base, slug: 'proba-tytulu', title, body: XSS_CONTROL })).status === 400) {
      refusedVectors.push(`title: ${XSS_TITLE}`);
      title = 'Poradnik testowy z wstawkami HTML';
    } else {
      await cleanupBySlug('proba-tytulu');
    }
    accepted = [];
    for (const [i, vector] of XSS_VECTORS.entries()) {
      const probe = await createGuide({ ...base, slug: `proba-wektora-${i}`, title: 'Próba', body: body([vector]) });
      if (probe.status === 201) {
        accepted.push(vector);
        await call('DELETE', `/api/guides/${(probe.body as { data: Sluggish }).data.documentId}`, { auth: 'full' });
      } else refusedVectors.push(vector);
    }
    response = await createGuide({ ...base, title, body: body(accepted) });
  }
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  const guide = (response.body as { data: Sluggish }).data;
  xssGuide = { documentId: guide.documentId, path: paths.guide(category!.slug, guide.slug) };
  // Created through the REST API means published: the anonymous API shows it.
  expect((await call('GET', `/api/guides/${guide.documentId}`)).status).toBe(200);
  if (refusedVectors.length > 0) console.warn(`The CMS refused these vectors, left out of the XSS guide:\n  ${refusedVectors.join('\n  ')}`);
}

async function cleanupBySlug(slug: string) {
  for (const doc of await listAll<Sluggish>('guides', `filters[slug][$eq]=${slug}&status=draft`, 'full')) {
    await call('DELETE', `/api/guides/${doc.documentId}`, { auth: 'full' });
  }
}

/**
 * A translator who left optional texts empty: the Ukrainian room has no summary or floor, the
 * Ukrainian offer no requirements, so their pages show the Polish texts, which must be marked Polish.
 */
const PARTIAL = { room: 'sala-kameralna', offer: 'bajki-po-ukrainsku-scena-bronowicka' };
const partialPolish: { summary: string; floor: string; requirements: string; roomSlug: string; offerSlug: string } = { summary: '', floor: '', requirements: '', roomSlug: '', offerSlug: '' };

async function leaveTranslationsPartial(): Promise<void> {
  const [room] = await listAll<{ documentId: string; summary: string; floor: string }>('rooms', `filters[slug][$eq]=${PARTIAL.room}`);
  const [offer] = await listAll<{ documentId: string; requirements: string }>('volunteer-offers', `filters[slug][$eq]=${PARTIAL.offer}`);
  const roomUpdate = await call<{ data: { slug: string } }>('PUT', `/api/rooms/${room!.documentId}?locale=uk`, { auth: 'full', body: { data: { summary: null, floor: null } } });
  expect(roomUpdate.status, JSON.stringify(roomUpdate.body)).toBe(200);
  const offerUpdate = await call<{ data: { slug: string } }>('PUT', `/api/volunteer-offers/${offer!.documentId}?locale=uk`, { auth: 'full', body: { data: { requirements: null } } });
  expect(offerUpdate.status, JSON.stringify(offerUpdate.body)).toBe(200);
  Object.assign(partialPolish, { summary: room!.summary, floor: room!.floor, requirements: offer!.requirements, roomSlug: roomUpdate.body.data.slug, offerSlug: offerUpdate.body.data.slug });
}

beforeAll(async () => {
  await createXssGuide();
  await leaveTranslationsPartial();
  await buildSite(outDir, { STRAPI_URL: cms().url, STRAPI_TOKEN: cms().readToken, SITE_URL, PUBLIC_CMS_URL, SITE_NOW: builtAt.toISOString(), SITE_CACHE_DIR: path.join(tempDir, 'cache') }, { capture: true });
  html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  site = readSite(outDir);
}, 240_000);

afterAll(async () => {
  if (xssGuide) await call('DELETE', `/api/guides/${xssGuide.documentId}`, { auth: 'full' });
  rmSync(tempDir, { recursive: true, force: true });
});

/** Published documents, and documents that exist only as drafts (never published). */
async function publishedAndDraftOnly<T extends { documentId: string }>(plural: string, query = ''): Promise<{ published: T[]; draftOnly: T[] }> {
  const published = await listAll<T>(plural, query);
  const ids = new Set(published.map((d) => d.documentId));
  const drafts = await listAll<T>(plural, `status=draft${query ? `&${query}` : ''}`, 'full');
  return { published, draftOnly: drafts.filter((d) => !ids.has(d.documentId)) };
}

describe('static site build from the CMS', () => {
  it('builds a Polish home page with upcoming events, news and topics from the CMS', async () => {
    expect(html).toContain('<html lang="pl"');
    expect(html).toContain('<h1>Centrum Obywatelskie</h1>');
    const topics = await listAll<{ name: string }>('categories');
    for (const topic of topics) expect(html).toContain(topic.name.replace('&', '&amp;'));
    expect(html.match(/<time\b[^>]*\bdatetime="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+0[12]:00"/g)?.length).toBeGreaterThan(0);
  });

  it('carries its own copy of every guide attachment, byte for byte', async () => {
    const guides = await listAll<{ attachments: MediaFile[] | null }>('guides', 'populate=attachments');
    const files = guides.flatMap((g) => g.attachments ?? []);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const copy = readFileSync(path.join(outDir, attachmentPath(file)));
      const original = Buffer.from(await (await fetch(`${cms().url}${file.url}`)).arrayBuffer());
      expect(copy.equals(original), file.name).toBe(true);
    }
  });

  it('contains no drafts, although the build token could read them', async () => {
    const drafts = await listAll<Doc>('events', 'status=draft', 'full');
    const published = new Set((await listAll<Doc>('events', 'status=published', 'full')).map((e) => e.documentId));
    const draftOnly = drafts.filter((d) => !published.has(d.documentId));
    expect(draftOnly.length).toBeGreaterThan(0);
    const output = allFiles(outDir).map((file) => readFileSync(file, 'utf8')).join('\n');
    for (const draft of draftOnly) expect(output).not.toContain(draft.title);
  });

  it('has a page for every published entry and none for entries that are only drafts', async () => {
    const collections: { plural: string; query?: string; paths: (doc: Sluggish) => string[] }[] = [
      { plural: 'articles', paths: (d) => [paths.article(d.slug)] },
      { plural: 'guides', query: 'populate=category', paths: (d) => [paths.guide(d.category?.slug ?? null, d.slug)] },
      { plural: 'events', paths: (d) => [paths.event(d.slug), paths.eventIcs(d.slug)] },
      { plural: 'organizations', paths: (d) => [paths.organization(d.slug)] },
      { plural: 'rooms', paths: (d) => [paths.room(d.slug)] },
      { plural: 'pages', paths: (d) => [paths.page(d.slug)] },
      { plural: 'categories', paths: (d) => [paths.topic(d.slug)] },
      { plural: 'volunteer-offers', paths: (d) => [paths.volunteerOffer(d.slug)] },
    ];
    const missing: string[] = [];
    const leaked: string[] = [];
    let draftCount = 0;
    for (const collection of collections) {
      const { published, draftOnly } = await publishedAndDraftOnly<Sluggish>(collection.plural, collection.query);
      expect(published.length, `${collection.plural}: the seed publishes some`).toBeGreaterThan(0);
      draftCount += draftOnly.length;
      for (const doc of published) for (const p of collection.paths(doc)) if (!fileForPath(outDir, p)) missing.push(`${collection.plural} ${doc.slug} → ${p}`);
      for (const doc of draftOnly) for (const p of collection.paths(doc)) if (fileForPath(outDir, p)) leaked.push(`${collection.plural} ${doc.slug} → ${p}`);
      // A draft guide must not turn up under any topic either.
      if (collection.plural === 'guides') {
        for (const doc of draftOnly) {
          for (const file of site.files) if (file.startsWith('baza-wiedzy/') && file.endsWith(`/${doc.slug}/index.html`)) leaked.push(`guides ${doc.slug} → /${file}`);
        }
      }
    }
    expect(draftCount, 'the seed keeps some entries as drafts').toBeGreaterThan(0);
    expect.soft(missing, report('Published entries without a page', missing)).toEqual([]);
    expect.soft(leaked, report('Draft-only entries with a page', leaked)).toEqual([]);
  });

  it('copies unchanged pages into the next build and renders every page a change reaches, exactly as a build from scratch', async () => {
    // Changes that show far from their own page: an organizer's name (on its events' pages), a
    // guide's title (on its neighbours' and related guides' pages), an event's title (lists, months, room).
    const event = (await call<{ data: { documentId: string; slug: string; title: string; organizer: { documentId: string; name: string } | null }[] }>('GET', '/api/events?filters[organizer][$notNull]=true&populate[organizer][fields][0]=name&pagination[pageSize]=1', { auth: 'full' })).body.data[0]!;
    const organizer = event.organizer!;
    const guides = await listAll<Sluggish & { title: string }>('guides', 'populate[category][fields][0]=slug');
    const guide = guides.find((g) => guides.some((other) => other !== g && other.category?.slug === g.category?.slug))!;
    const edits: [string, string, Record<string, string>, Record<string, string>][] = [
      ['events', event.documentId, { title: `${event.title} (zmienione)` }, { title: event.title }],
      ['organizations', organizer.documentId, { name: `${organizer.name} (zmienione)` }, { name: organizer.name }],
      ['guides', guide.documentId, { title: `${guide.title} (zmienione)` }, { title: guide.title }],
    ];
    const edit = async (values: 2 | 3) => {
      for (const change of edits) {
        const response = await call('PUT', `/api/${change[0]}/${change[1]}`, { auth: 'full', body: { data: change[values] } });
        expect(response.status, JSON.stringify(response.body)).toBe(200);
      }
    };
    const env = { STRAPI_URL: cms().url, STRAPI_TOKEN: cms().readToken, SITE_URL, PUBLIC_CMS_URL, SITE_NOW: new Date().toISOString() };
    const incremental = path.join(tempDir, 'incremental');
    const fromScratch = path.join(tempDir, 'from-scratch');
    let output: string;
    try {
      await edit(2);
      // The cache folder of the build in beforeAll: this build may copy what it rendered.
      output = await buildSite(incremental, { ...env, SITE_CACHE_DIR: path.join(tempDir, 'cache') }, { capture: true });
      await buildSite(fromScratch, { ...env, SITE_CACHE_DIR: path.join(tempDir, 'cache-from-scratch') }, { capture: true });
    } finally {
      await edit(3);
    }
    // Astro lists every page and file it writes; a copied one is marked so. (With CI set it colours its output.)
    const lines = stripVTControlCharacters(output).split('\n');
    const written = lines.filter((line) => /[├└]─ \//.test(line));
    const copied = written.filter((line) => /\((restored|cached)\)/.test(line)).length;
    const said = lines.filter((line) => !/[├└]─|▶/.test(line)).join('\n');
    expect(copied, `most pages are copied from the last build; Astro said:\n${said}`).toBeGreaterThan(site.pages.size / 2);
    expect(written.length - copied, 'what the changes reach is rendered again').toBeGreaterThanOrEqual(10);
    const files = filesUnder(fromScratch);
    expect(filesUnder(incremental).sort()).toEqual([...files].sort());
    const differing = files.filter((file) => !readFileSync(path.join(incremental, file)).equals(readFileSync(path.join(fromScratch, file))));
    expect(differing, report('Files that differ from a build from scratch', differing)).toEqual([]);
    // And the changes are there, far from their own pages too.
    expect(files.filter((file) => file.endsWith('.html') && readFileSync(path.join(incremental, file), 'utf8').includes(`${guide.title} (zmienione)`)).length, 'the renamed guide on its own and its neighbours\' pages').toBeGreaterThan(1);
    const eventPage = readFileSync(path.join(incremental, 'wydarzenia', event.slug, 'index.html'), 'utf8');
    expect(eventPage).toContain(`${event.title} (zmienione)`);
    expect(eventPage, 'the organizer\'s new name on its event\'s page').toContain(`${organizer.name} (zmienione)`);
  }, 240_000);

  it('resolves every internal link, image, script and anchor to a file in the output', () => {
    const { broken, checked } = brokenLinks(site, SITE_URL);
    expect(site.pages.size).toBeGreaterThan(1);
    expect(checked, 'same-site references checked').toBeGreaterThan(site.pages.size);
    expect(broken, report('Broken internal links', broken)).toEqual([]);
  });

  it('indexes every entry page for search, and no list page', async () => {
    const index = searchIndex(outDir);
    // The Polish pages; /uk/ and /en/ have indexes of their own (the next test).
    const searchable = [...site.pages.values()].filter((page) => !/^\/(uk|en)\//.test(page.urlPath) && page.elements.some((e) => 'data-pagefind-body' in e.attribs));
    const guides = await listAll<Sluggish>('guides');
    expect(searchable.length).toBeGreaterThanOrEqual(guides.length);
    expect(searchable.map((page) => page.urlPath)).not.toContain(paths.events);
    expect(index.languages).toEqual(['pl']);
    expect(index.pages).toBe(searchable.length);
    // Each section with entries has a shard of its own; the static pages are in the primary.
    expect(index.shards).toEqual(expect.arrayContaining(['aktualnosci-0', 'baza-wiedzy-0', 'organizacje-0', 'wydarzenia-0', 'wolontariat-0']));
  });

  it('gives every page the language of its address, reciprocal hreflang sets, and marks every link into another language', () => {
    const { problems, withAlternates, crossLinks } = languageProblems(site, SITE_URL);
    expect(problems, report('Language problems', problems)).toEqual([]);
    // The seed translates pages, guides, events and offers, and lists exist in every language.
    expect(withAlternates).toBeGreaterThan(50);
    expect(crossLinks, 'links from translated pages to Polish-only ones, each marked').toBeGreaterThan(0);
  });

  it('marks every Polish word on the Ukrainian pages lang="pl", proper names aside (WCAG 3.1.2)', async () => {
    const organizations = await listAll<{ name: string }>('organizations', 'fields[0]=name');
    const authors = [...(await listAll<{ author: string | null }>('guides', 'fields[0]=author')), ...(await listAll<{ author: string | null }>('articles', 'fields[0]=author'))];
    const global = (await call<{ data: { address: { street: string; postalCode: string; city: string } } }>('GET', '/api/global?populate=address', { auth: 'read' })).body.data;
    const properNames = [...organizations.map((o) => o.name), ...authors.flatMap((g) => (g.author ? [g.author] : [])), global.address.street, `${global.address.postalCode} ${global.address.city}`, global.address.city];
    const { problems, checked } = unmarkedPolish(site, properNames);
    expect(checked, 'Ukrainian pages').toBeGreaterThan(100);
    expect(problems, report('Polish outside lang="pl"', problems)).toEqual([]);
  });

  it('marks Polish the texts a translator left empty, on the translated page and in its list', () => {
    // The text as Astro writes it (entities for & < > " '), inside an element marked Polish.
    const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    const markedPolish = (page: Page | undefined, text: string) => {
      expect(text, 'the Polish text to look for').not.toBe('');
      const pattern = new RegExp(`<(p|dd|span)\\b[^>]*\\blang="pl"[^>]*>${escaped(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</`);
      return pattern.test(page?.html ?? '');
    };
    const room = site.pages.get(`/uk${paths.room(partialPolish.roomSlug)}`);
    expect(markedPolish(room, partialPolish.summary), 'the room\'s summary').toBe(true);
    expect(markedPolish(room, partialPolish.floor), 'the room\'s floor').toBe(true);
    const list = site.pages.get(`/uk${paths.rooms}`);
    expect(markedPolish(list, partialPolish.summary), 'the summary in the list of rooms').toBe(true);
    expect(markedPolish(list, partialPolish.floor), 'the floor in the list of rooms').toBe(true);
    const offer = site.pages.get(`/uk${paths.volunteerOffer(partialPolish.offerSlug)}`);
    expect(markedPolish(offer, partialPolish.requirements), 'the offer\'s requirements').toBe(true);
    // What is translated is not marked.
    expect(offer?.elements.some((e) => hasClass(e, 'lead') && e.attribs.lang === undefined)).toBe(true);
  });

  it('builds the seed\'s translations under /uk/ and /en/, and lists an untranslated event there in Polish, marked so', async () => {
    const ukHome = site.pages.get('/uk/')!;
    expect(ukHome.html).toContain('<html lang="uk"');
    expect(site.pages.get('/en/')!.html).toContain('<html lang="en"');
    // Polish addresses stay as they were.
    for (const path of ['/o-centrum/', '/kontakt/', '/baza-wiedzy/', '/wydarzenia/', '/wolontariat/']) expect(site.pages.has(path), path).toBe(true);
    const ukEvents = await listAll<{ documentId: string; slug: string; title: string }>('events', 'locale=uk');
    const plEvents = await listAll<{ documentId: string; slug: string; title: string; startsAt: string }>('events');
    expect(ukEvents.length).toBeGreaterThanOrEqual(4);
    for (const event of ukEvents) expect(site.pages.has(`/uk/wydarzenia/${event.slug}/`), event.slug).toBe(true);
    const translated = new Set(ukEvents.map((event) => event.documentId));
    const untranslated = plEvents.filter((event) => !translated.has(event.documentId) && Date.parse(event.startsAt) > builtAt.getTime()).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    expect(untranslated.length).toBeGreaterThan(0);
    // No page of its own in Ukrainian…
    for (const event of untranslated) expect(site.pages.has(`/uk/wydarzenia/${event.slug}/`), event.slug).toBe(false);
    // …but listed on the Ukrainian list, in Polish, linking to the Polish page.
    const list = site.pages.get('/uk/wydarzenia/')!;
    const links = list.elements.filter((e) => e.name === 'a' && e.attribs.href === paths.event(untranslated[0]!.slug));
    expect(links.length, `/uk/wydarzenia/ lists ${untranslated[0]!.slug}`).toBeGreaterThan(0);
    expect(links[0]!.attribs).toMatchObject({ lang: 'pl', hreflang: 'pl' });
    expect(list.html).toContain('(польською)');
    // Events held in Ukrainian have a filter of their own, in every language; the seed's consultation day is one.
    for (const prefix of ['', '/uk', '/en']) {
      const filter = site.pages.get(`${prefix}/wydarzenia/jezyk/ukrainski/`);
      expect(filter, `${prefix}/wydarzenia/jezyk/ukrainski/`).toBeDefined();
      expect(filter!.html).toMatch(/dzien-konsultacji-zakladamy-stowarzyszenie-zwykle|den-konsultatsii-zasnovuiemo-zvychaine-tovarystvo|consultation-day-setting-up-an-ordinary-association/);
    }
  });

  it('builds the month calendar, the archive and the calendar and volunteering feeds in Ukrainian and English, translated where the entries are', async () => {
    const ukEvents = await listAll<{ documentId: string; slug: string; title: string }>('events', 'locale=uk');
    const ukTitle = new Map(ukEvents.map((event) => [event.documentId, event]));
    const plEvents = await listAll<{ documentId: string; slug: string; title: string }>('events');
    const [year, monthNumber] = dayKey(builtAt).split('-').map(Number) as [number, number];
    const month = paths.month({ year, month: monthNumber });
    for (const prefix of ['/uk', '/en']) {
      for (const path of [month, paths.archive]) {
        expect(site.pages.has(`${prefix}${path}`), `${prefix}${path}`).toBe(true);
        // The list links to them in its own language, not to the Polish ones.
        expect(site.pages.get(`${prefix}/wydarzenia/`)!.elements.some((e) => e.name === 'a' && e.attribs.href === `${prefix}${path}`), `${prefix}/wydarzenia/ → ${prefix}${path}`).toBe(true);
      }
    }
    // The Ukrainian month: a translated event by its Ukrainian title and page, the others in Polish and marked.
    const grid = site.pages.get(`/uk${month}`)!;
    const links = grid.elements.filter((e) => e.name === 'a' && /^\/(uk\/)?wydarzenia\/[^/]+\/$/.test(e.attribs.href ?? '') && isWithin(e, (a) => a.name === 'table'));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      if (link.attribs.href!.startsWith('/uk/')) expect(link.attribs.lang, link.attribs.href).toBeUndefined();
      else expect(link.attribs, link.attribs.href).toMatchObject({ lang: 'pl', hreflang: 'pl' });
    }
    const monthName = formatMonth(year, monthNumber, 'uk');
    expect(grid.html).toContain(`<caption>${monthName.charAt(0).toUpperCase()}${monthName.slice(1)}</caption>`);

    // The calendar feed in Ukrainian: every event once, its title and address in Ukrainian where it is translated.
    const feed = new ICAL.Component(ICAL.parse(readFileSync(path.join(outDir, 'uk', paths.calendarFeed), 'utf8')));
    const entries = feed.getAllSubcomponents('vevent').map((vevent) => ({ uid: String(vevent.getFirstPropertyValue('uid')), summary: String(vevent.getFirstPropertyValue('summary')), url: String(vevent.getFirstPropertyValue('url')) }));
    expect(new Set(calendarUidEvents(site, `/uk${paths.calendarFeed}`))).toEqual(new Set(calendarUidEvents(site, paths.calendarFeed)));
    for (const event of plEvents) {
      const entry = entries.find((e) => e.uid.startsWith(event.documentId));
      if (!entry) continue;
      const translation = ukTitle.get(event.documentId);
      // A cancelled date says so in Ukrainian.
      expect({ ...entry, summary: entry.summary.replace(/^СКАСОВАНО: /, '') }, event.slug).toMatchObject(translation ? { summary: translation.title, url: `${SITE_URL}/uk/wydarzenia/${translation.slug}/` } : { summary: event.title, url: `${SITE_URL}${paths.event(event.slug)}` });
    }
    expect(entries.some((entry) => entry.url.includes('/uk/wydarzenia/')), 'the translated events').toBe(true);
    expect(entries.some((entry) => entry.summary.startsWith('СКАСОВАНО: ')), 'the seed\'s cancelled event').toBe(true);
    // A translated event's own file, linked from its page.
    const translated = ukEvents[0]!;
    expect(existsSync(path.join(outDir, 'uk', paths.eventIcs(translated.slug))), translated.slug).toBe(true);
    expect(site.pages.get(`/uk/wydarzenia/${translated.slug}/`)!.elements.some((e) => e.name === 'a' && e.attribs.href === `/uk${paths.eventIcs(translated.slug)}`)).toBe(true);
    // The type and audience feeds exist in every language.
    for (const prefix of ['uk', 'en']) {
      expect(existsSync(path.join(outDir, prefix, paths.typeFeed('training'))), `${prefix}${paths.typeFeed('training')}`).toBe(true);
      expect(existsSync(path.join(outDir, prefix, paths.audienceFeed('ngo'))), `${prefix}${paths.audienceFeed('ngo')}`).toBe(true);
    }

    // The volunteering feed in English: the channel and the translated offers in English.
    const rss = readFileSync(path.join(outDir, 'en', paths.volunteerFeed), 'utf8');
    expect(rss).toContain('<language>en</language>');
    const enOffers = await listAll<{ slug: string; title: string }>('volunteer-offers', 'locale=en');
    expect(enOffers.length).toBeGreaterThan(0);
    expect(rss).toContain(`${SITE_URL}/en/wolontariat/${enOffers[0]!.slug}/`);
    expect(site.pages.get('/en/wolontariat/')!.elements.some((e) => e.name === 'link' && e.attribs.type === 'application/rss+xml' && e.attribs.href === `/en${paths.volunteerFeed}`)).toBe(true);
  });

  it('builds the rooms in Ukrainian and English: the list, each translated room with its request form in the language, its feed and the answer pages', async () => {
    const plRooms = await listAll<{ documentId: string; slug: string }>('rooms');
    // Only translations of rooms the site has (another test file may leave its own behind in a shared CMS).
    const ukRooms = (await listAll<{ documentId: string; slug: string; name: string }>('rooms', 'locale=uk')).filter((room) => plRooms.some((pl) => pl.documentId === room.documentId));
    expect(ukRooms.length, 'the seed translates every published room').toBe(plRooms.length);
    const list = site.pages.get(`/uk${paths.rooms}`)!;
    for (const room of ukRooms) {
      expect(list.elements.some((e) => e.name === 'a' && e.attribs.href === `/uk${paths.room(room.slug)}`), room.slug).toBe(true);
      const page = site.pages.get(`/uk${paths.room(room.slug)}`)!;
      expect(page, room.slug).toBeDefined();
      expect(page.html).toContain(`<h1>${room.name}</h1>`);
      // The form sends its language, so the answer and the mails come in Ukrainian.
      expect(page.elements.some((e) => e.name === 'input' && e.attribs.name === 'language' && e.attribs.value === 'uk'), room.slug).toBe(true);
      expect(existsSync(path.join(outDir, 'uk', paths.roomFeed(room.slug))), `/uk${paths.roomFeed(room.slug)}`).toBe(true);
    }
    // The menu leads to the Ukrainian rooms, and an event in a translated room links to its Ukrainian page.
    expect(site.pages.get('/uk/')!.elements.some((e) => e.name === 'a' && e.attribs.href === `/uk${paths.rooms}` && isWithin(e, (a) => hasClass(a, 'main-nav')))).toBe(true);
    const roomLinks = [...site.pages.values()].filter((p) => p.urlPath.startsWith('/uk/wydarzenia/')).flatMap((p) => p.elements.filter((e) => e.name === 'a' && /^\/(uk\/)?sale\/[^/]+\/$/.test(e.attribs.href ?? '')));
    expect(roomLinks.length).toBeGreaterThan(0);
    expect(roomLinks.every((e) => e.attribs.href!.startsWith('/uk/sale/')), 'every room is translated, so every link is Ukrainian').toBe(true);
    for (const slug of ['sprawdz-poczte', 'wniosek-przyjety', 'popraw-e-mail']) expect(site.pages.get(`/uk/rezerwacje/${slug}/`)?.html, slug).toContain('<html lang="uk"');
  });

  it('builds the news in Ukrainian and English: translated articles with their own pages, the others listed in Polish, and a feed per language', async () => {
    const ukArticles = await listAll<{ documentId: string; slug: string; title: string }>('articles', 'locale=uk');
    const plArticles = await listAll<{ documentId: string; slug: string; title: string }>('articles');
    expect(ukArticles.length).toBeGreaterThanOrEqual(4);
    for (const article of ukArticles) expect(site.pages.get(`/uk${paths.article(article.slug)}`)?.html, article.slug).toContain(`<h1>${article.title}</h1>`);
    const translated = new Set(ukArticles.map((article) => article.documentId));
    const untranslated = plArticles.filter((article) => !translated.has(article.documentId));
    expect(untranslated.length).toBeGreaterThan(0);
    for (const article of untranslated) expect(site.pages.has(`/uk${paths.article(article.slug)}`), article.slug).toBe(false);
    // Every article is on the Ukrainian list pages: translated ones by their Ukrainian page, the others by the Polish one, marked.
    const listed = [...site.pages.values()].filter((p) => /^\/uk\/aktualnosci\/(strona\/\d+\/)?$/.test(p.urlPath)).flatMap((p) => p.elements.filter((e) => e.name === 'a' && e.parent?.name === 'h2'));
    expect(listed.length).toBe(plArticles.length);
    for (const link of listed) {
      if (link.attribs.href!.startsWith('/uk/')) expect(link.attribs.lang, link.attribs.href).toBeUndefined();
      else expect(link.attribs, link.attribs.href).toMatchObject({ lang: 'pl', hreflang: 'pl' });
    }
    const rss = readFileSync(path.join(outDir, 'uk', 'rss.xml'), 'utf8');
    expect(rss).toContain('<language>uk</language>');
    expect(rss).toContain(`${SITE_URL}/uk${paths.article(ukArticles[0]!.slug)}`);
    // RSS has no language per item: an untranslated article says after its title that it is Polish.
    expect(plArticles.length, 'the feed holds the 30 latest').toBeLessThanOrEqual(30);
    expect((rss.match(/ \(польською\)<\/title>/g) ?? []).length).toBe(untranslated.length);
    expect(site.pages.get('/uk/')!.elements.some((e) => e.name === 'link' && e.attribs.type === 'application/rss+xml' && e.attribs.href === '/uk/rss.xml')).toBe(true);
  });

  it('builds the organisations\' directory in Ukrainian with its filters, linking the Polish profiles marked Polish', async () => {
    const organizations = await listAll<{ slug: string; name: string }>('organizations', 'fields[0]=slug&fields[1]=name');
    const directory = site.pages.get(`/uk${paths.organizations}`)!;
    expect(directory.html).toContain('<html lang="uk"');
    expect(site.pages.get('/uk/')!.elements.some((e) => e.name === 'a' && e.attribs.href === `/uk${paths.organizations}` && isWithin(e, (a) => hasClass(a, 'main-nav')))).toBe(true);
    const profiles = directory.elements.filter((e) => e.name === 'a' && e.parent?.name === 'h2');
    expect(profiles.map((a) => a.attribs.href).sort()).toEqual(organizations.map((o) => paths.organization(o.slug)).sort());
    expect(profiles.every((a) => a.attribs.hreflang === 'pl')).toBe(true);
    // Filter pages exist only where they list someone, and every filter link leads to one.
    const ukFilterPages = [...site.pages.values()].filter((p) => p.urlPath.startsWith('/uk/organizacje/'));
    expect(ukFilterPages.length).toBeGreaterThan(10);
    for (const page of ukFilterPages) {
      expect(page.elements.some((e) => hasClass(e, 'card')), page.urlPath).toBe(true);
      for (const link of page.elements.filter((e) => e.name === 'a' && isWithin(e, (a) => hasClass(a, 'filters')))) expect(site.pages.has(link.attribs.href!), `${page.urlPath} → ${link.attribs.href}`).toBe(true);
    }
    // A Polish filter page that lists nobody has no Ukrainian version, and does not claim one.
    const emptyPolish = [...site.pages.values()].find((p) => /^\/organizacje\/(obszar|dzielnica)\//.test(p.urlPath) && !p.elements.some((e) => hasClass(e, 'card')))!;
    expect(emptyPolish, 'the seed leaves some combination empty').toBeDefined();
    expect(site.pages.has(`/uk${emptyPolish.urlPath}`)).toBe(false);
    expect(emptyPolish.elements.some((e) => e.name === 'link' && e.attribs.hreflang === 'uk')).toBe(false);
    expect(site.pages.get(paths.organizations)!.elements.some((e) => e.name === 'link' && e.attribs.hreflang === 'uk' && e.attribs.href === `${SITE_URL}/uk${paths.organizations}`)).toBe(true);
  });

  it('builds "Zgłoś gotowość" in Ukrainian: a form that sends its language, with the areas\' Ukrainian names, and its answer pages', async () => {
    const form = site.pages.get(`/uk${paths.volunteerInterest}`)!;
    expect(form, `/uk${paths.volunteerInterest}`).toBeDefined();
    expect(form.elements.some((e) => e.name === 'input' && e.attribs.type === 'hidden' && e.attribs.name === 'language' && e.attribs.value === 'uk')).toBe(true);
    expect(form.html).toContain('Люди старшого віку');
    expect(form.html).not.toContain('>Seniorzy<');
    // The seed's consent translation is of the Polish text of now, so the form shows it in Ukrainian.
    const consent = form.elements.find((e) => e.name === 'span' && isWithin(e, (a) => a.name === 'label' && a.attribs.for === 'gotowosc-zgoda'));
    expect(consent, 'the consent text of the form').toBeDefined();
    expect(consent!.attribs.lang, 'the consent text is not shown in Polish').toBeUndefined();
    const ukSettings = (await call<{ data: { volunteerInterestConsentText: string } }>('GET', '/api/global?locale=uk', { auth: 'read' })).body.data;
    expect(form.html).toContain(ukSettings.volunteerInterestConsentText.slice(0, 40));
    // The board leads to it in Ukrainian.
    expect(site.pages.get('/uk/wolontariat/')!.elements.some((e) => e.name === 'a' && e.attribs.href === `/uk${paths.volunteerInterest}`)).toBe(true);
    for (const slug of ['sprawdz-poczte', 'zapisano', 'wypisano', 'popraw-e-mail']) expect(site.pages.get(`/uk${paths.volunteerInterest}${slug}/`)?.html, slug).toContain('<html lang="uk"');
  });

  it('indexes each language for its own search', () => {
    expect(searchIndex(outDir).languages).toEqual(['pl']);
    for (const language of ['uk', 'en']) {
      const index = searchIndex(outDir, `${language}/pagefind`);
      expect(index.languages, language).toEqual([language]);
      expect(index.pages, language).toBeGreaterThanOrEqual(10);
    }
  });

  it('lists every indexable page in the sitemap, and only pages that exist', () => {
    const { problems, listed } = sitemapProblems(site, SITE_URL);
    expect(problems, report('Sitemap problems', problems)).toEqual([]);
    expect(listed.size).toBeGreaterThan(1);
  });

  it('writes calendar files that a real iCalendar parser reads, with Warsaw times and unique UIDs', async () => {
    const cancelled = await listAll<Sluggish>('events', 'filters[eventStatus][$eq]=cancelled');
    expect(cancelled.length, 'the seed publishes a cancelled event').toBeGreaterThan(0);
    const { problems, files } = calendarProblems(site, cancelled, paths.eventIcs, paths.calendarFeed);
    expect(files).toContain(paths.calendarFeed.slice(1));
    expect(files.filter((f) => f.startsWith('wydarzenia/')).length).toBeGreaterThan(0);
    expect(problems, report('Calendar file problems', problems)).toEqual([]);
  });

  it('offers a calendar feed per event type, per audience and per room, each holding exactly its events (and a room\'s, its approved requests as busy)', async () => {
    type Listed = { documentId: string; type: EventType; audience: Audience; room: { documentId: string } | null };
    const events = await listAll<Listed>('events', 'fields[0]=type&fields[1]=audience&populate[room][fields][0]=documentId');
    const rooms = await listAll<{ documentId: string; slug: string }>('rooms');
    const ids = (keep: (event: Listed) => boolean) => events.filter(keep).map((event) => event.documentId).sort();
    // A room's feed also holds the times approved requests take it, under UIDs made of the room and the start.
    const busy = ((await (await fetch(`${cms().url}/api/room-requests/busy`)).json()) as { data: { room: string; startsAt: string }[] }).data;
    const busyIds = (room: { documentId: string; slug: string }) => busy.filter((entry) => entry.room === room.documentId).map((entry) => `sala-${room.slug}-${entry.startsAt.replace(/[^0-9]/g, '')}`);
    expect(busy.length, 'the seed has approved room requests').toBeGreaterThan(0);
    const feeds = [
      ...(Object.keys(EVENT_TYPES) as EventType[]).map((type) => ({ path: paths.typeFeed(type), expected: ids((event) => event.type === type) })),
      ...(Object.keys(AUDIENCES) as Exclude<Audience, 'everyone'>[]).map((audience) => ({ path: paths.audienceFeed(audience), expected: ids((event) => event.audience === audience || event.audience === 'everyone') })),
      ...rooms.map((room) => ({ path: paths.roomFeed(room.slug), expected: [...ids((event) => event.room?.documentId === room.documentId), ...busyIds(room)].sort() })),
    ];
    expect(feeds.filter((feed) => feed.expected.length > 0).length, 'the seed fills most feeds').toBeGreaterThan(10);
    for (const feed of feeds) expect(calendarUidEvents(site, feed.path), feed.path).toEqual(feed.expected);
    // The filter and room pages link to their feeds: as a subscription, in Google Calendar and as a file.
    const training = site.pages.get(paths.eventFilter('training', null))!;
    const links = training.elements.filter((e) => e.name === 'a').map((e) => e.attribs.href);
    expect(links).toContain(`webcal://co.krakow.pl${paths.typeFeed('training')}`);
    expect(links).toContain(`https://calendar.google.com/calendar/r?cid=${encodeURIComponent(`webcal://co.krakow.pl${paths.typeFeed('training')}`)}`);
    expect(links).toContain(paths.typeFeed('training'));
    const room = site.pages.get(paths.room(rooms[0]!.slug))!;
    expect(room.elements.filter((e) => e.name === 'a').map((e) => e.attribs.href)).toContain(`webcal://co.krakow.pl${paths.roomFeed(rooms[0]!.slug)}`);
  });

  it('offers on every room form the days of the booking window the CMS publishes, here not the default one', async () => {
    const { meta } = (await (await fetch(`${cms().url}/api/room-requests/busy`)).json()) as { meta: { bookingWindow: BookingWindow } };
    expect(meta.bookingWindow, 'the suite\'s CMS runs with a window of its own (global-setup.ts)').not.toEqual(DEFAULT_BOOKING_WINDOW);
    const { first, last } = bookableDays(builtAt, meta.bookingWindow);
    const rooms = await listAll<{ slug: string }>('rooms');
    expect(rooms.length).toBeGreaterThan(0);
    for (const room of rooms) {
      const page = site.pages.get(paths.room(room.slug))!;
      const input = (id: string) => page.elements.find((e) => e.name === 'input' && e.attribs.id === id)?.attribs;
      expect(input('wniosek-data'), room.slug).toMatchObject({ type: 'date', min: first, max: last });
      expect(input('wniosek-powtarzaj'), room.slug).toMatchObject({ type: 'date', min: first, max: last });
      expect(page.html, room.slug).toContain(`Od ${formatDate(first)} do ${formatDate(last)}`);
    }
  });

  it('gives every event page the JSON-LD fields Google requires, and breadcrumbs that end at the page', async () => {
    const events = await listAll<Sluggish & { eventStatus: string }>('events');
    expect(events.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const event of events) {
      const page = site.pages.get(paths.event(event.slug));
      if (page) problems.push(...eventJsonLdProblems(page, event));
      else problems.push(`${paths.event(event.slug)}: no event page`);
    }
    const pages = jsonLdPageProblems(site, SITE_URL);
    expect(pages.withCrumbs, 'pages with breadcrumbs').toBeGreaterThan(0);
    problems.push(...pages.problems);
    expect(problems, report('Structured data problems', problems)).toEqual([]);
  });

  it('runs no script from the content: only the JSON-LD, its own bundles and the layout scripts', () => {
    const problems = scriptProblems(site, SITE_URL);
    expect(problems, report('Script from content in the output', problems)).toEqual([]);
  });

  it('renders the guide full of XSS vectors as a clean page', () => {
    expect(xssGuide).not.toBeNull();
    const page = site.pages.get(xssGuide!.path);
    expect(page, `${xssGuide!.path}: the XSS test guide has no page (vectors the CMS refused: ${refusedVectors.join(' | ') || 'none'})`).toBeDefined();
    // The body was rendered (so the vectors were there to be defused), inside the prose block.
    const prose = page!.elements.filter((e) => isWithin(e, (a) => hasClass(a, 'prose')));
    expect(page!.html).toContain(XSS_CONTROL);
    expect(prose.length, 'elements inside .prose').toBeGreaterThan(0);
    const DANGEROUS = ['script', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'input', 'button', 'details', 'style', 'body', 'div', 'link', 'meta', 'base'];
    expect(prose.filter((e) => DANGEROUS.includes(e.name)).map((e) => `<${e.name} ${JSON.stringify(e.attribs)}>`), 'tags the sanitizer should have removed').toEqual([]);
    expect(prose.filter((e) => Object.keys(e.attribs).some((a) => a.startsWith('on') || a === 'style' || a === 'srcdoc' || a === 'formaction')).map((e) => `<${e.name} ${JSON.stringify(e.attribs)}>`)).toEqual([]);
    // The title and summary are text everywhere: escaped in HTML, \u003c-escaped in JSON-LD, so
    // the only script mentioning alert( is JSON-LD data without a literal "<".
    const unsafe = page!.elements.filter(
      (e) => e.name === 'script' && /alert\(/.test(e.text) && !(e.attribs.type === 'application/ld+json' && !e.text.includes('<')),
    );
    expect(unsafe.map((s) => `<script ${JSON.stringify(s.attribs)}>${s.text.slice(0, 200)}`)).toEqual([]);
  });

  it('serves every image from the site itself, and never points at the CMS it was built from', () => {
    const { problems, count } = imageProblems(site, SITE_URL);
    expect(count, 'images in the output').toBeGreaterThan(0);
    // The CMS may be switched off once the site is built: nothing may load from it. Only the
    // sign-up forms talk to the CMS, at its public address.
    const cmsHost = new URL(cms().url).host;
    for (const page of site.pages.values()) if (page.html.includes(cmsHost)) problems.push(`${page.urlPath}: mentions the CMS address ${cmsHost}`);
    expect(problems, report('Images not served by the site', problems)).toEqual([]);
    const forms = [...site.pages.values()].filter((page) => page.html.includes(`action="${PUBLIC_CMS_URL}/api/signups"`));
    expect(forms.map((page) => page.urlPath).sort()).toEqual(
      [
        // The seed translates one of the events that take sign-ups on the site.
        '/en/wydarzenia/workshop-nonviolent-communication-in-your-team/',
        '/uk/wydarzenia/vorkshop-nenasylnytske-spilkuvannia-v-komandi/',
        ...['dyzur-doradcy-ds-ksiegowosci-ngo', 'dyzur-prawny-dla-organizacji', 'mentoring-pierwsze-kroki-w-zarzadzie', 'warsztat-porozumienie-bez-przemocy-w-zespole'].map((slug) => `/wydarzenia/${slug}/`),
      ],
    );
    // Each sends the page's language, so the answer and the mails come in it.
    for (const page of forms) expect(page.html, page.urlPath).toContain(`<input type="hidden" name="language" value="${page.urlPath.split('/')[1] === 'uk' ? 'uk' : page.urlPath.split('/')[1] === 'en' ? 'en' : 'pl'}">`);
  });

  it('fails loudly when the CMS is unreachable and keeps the previous output', async () => {
    const before = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    const closedPort = await freePort();
    const failure = await buildSite(outDir, { STRAPI_URL: `http://127.0.0.1:${closedPort}` }, { capture: true }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(new RegExp(`127\\.0\\.0\\.1:${closedPort}/api/.*Is Strapi running`));
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe(before);
  }, 120_000);
});

type Offer = {
  documentId: string;
  slug: string;
  title: string;
  district: string;
  remote: string;
  commitment: string;
  minimumAge: number;
  endsOn: string | null;
  applicationDeadline: string | null;
  updatedAt: string;
  publishedAt: string;
  organization: { documentId: string; slug: string; name: string } | null;
};

describe('the volunteering board', () => {
  let offers: Offer[] = [];
  let open: Offer[] = [];
  let ended: Offer[] = [];
  const page = (urlPath: string): Page => {
    const found = site.pages.get(urlPath);
    if (!found) throw new Error(`no page at ${urlPath}`);
    return found;
  };
  /** The offers a page lists, as their paths, in order. */
  const listed = (p: Page) =>
    p.elements.filter((e) => e.name === 'a' && e.parent && /^h[23]$/.test(e.parent.name) && e.parent.parent && hasClass(e.parent.parent, 'offer-item')).map((e) => e.attribs.href!);
  const jobPostings = (p: Page) => jsonLdNodes(jsonLd(p)).filter((node) => hasType(node, 'JobPosting'));

  beforeAll(async () => {
    offers = await listAll<Offer>('volunteer-offers', 'populate[organization][fields][0]=slug&populate[organization][fields][1]=name');
    // "Today" for the build is its day in Kraków, as the site counts it.
    const today = dayKey(builtAt);
    const newestFirst = (a: Offer, b: Offer) => b.publishedAt.localeCompare(a.publishedAt);
    open = offers.filter((offer) => !recruitmentEnded(offer, today)).sort(newestFirst);
    ended = offers.filter((offer) => recruitmentEnded(offer, today));
  });

  it('lists the offers still recruiting, newest first, and links its RSS feed', () => {
    expect(offers.length, 'the seed publishes nine offers').toBe(9);
    expect(ended.map((offer) => offer.slug), 'the seed\'s one offer whose recruitment has ended').toEqual(['zbiorka-zywnosci-podgorze']);
    const board = page(paths.volunteering);
    expect(listed(board)).toEqual(open.map((offer) => paths.volunteerOffer(offer.slug)));
    expect(isNoindex(board)).toBe(false);
    expect(board.elements.some((e) => e.name === 'link' && e.attribs.rel === 'alternate' && e.attribs.type === 'application/rss+xml' && e.attribs.href === paths.volunteerFeed)).toBe(true);
    // Each with its organisation, district, form, minimum age and last day to apply.
    expect(board.html).toContain('Polski nie jest potrzebny');
    expect(board.html).toContain('cały Kraków');
    for (const offer of open) {
      expect(board.html, offer.slug).toContain(offer.organization!.name.replace(/&/g, '&amp;'));
      expect(board.html, offer.slug).toContain(`datetime="${lastApplicationDay(offer)}"`);
    }
    // The main menu and the home page lead to it.
    expect(page('/').elements.some((e) => e.name === 'a' && e.attribs.href === paths.volunteering && isWithin(e, (a) => hasClass(a, 'main-nav')))).toBe(true);
    expect(listed(page('/'))).toEqual(open.slice(0, 3).map((offer) => paths.volunteerOffer(offer.slug)));
  });

  it('builds filter pages that list exactly what their options promised, marked noindex and out of the sitemap', () => {
    const filterPages = [...site.pages.values()].filter((p) => p.urlPath.startsWith('/wolontariat/filtr/'));
    expect(filterPages.length, 'the seed\'s filter pages (see tests/unit/site/volunteering.test.ts)').toBe(225);
    const problems: string[] = [];
    for (const p of [page(paths.volunteering), ...filterPages]) {
      if (p !== page(paths.volunteering) && !isNoindex(p)) problems.push(`${p.urlPath}: not noindex`);
      if (listed(p).length === 0) problems.push(`${p.urlPath}: lists no offer`);
      for (const [, href, count] of p.html.matchAll(/<a href="([^"]+)"(?: aria-current="page")?>[^<]*<span class="filters__count">\((\d+)\)<\/span><\/a>/g)) {
        const target = site.pages.get(href!);
        if (!target) problems.push(`${p.urlPath} → ${href}: no such page`);
        else if (listed(target).length !== Number(count)) problems.push(`${p.urlPath} → ${href}: says ${count}, lists ${listed(target).length}`);
      }
    }
    expect(problems, report('Filter page problems', problems)).toEqual([]);
    // A whole-city offer is in every district; the district's own offers too.
    const podgorze = page(paths.volunteerFilter({ ...NO_FILTER, district: 'podgorze' }));
    expect(listed(podgorze).sort()).toEqual(open.filter((o) => o.district === 'podgorze' || o.district === 'whole_city').map((o) => paths.volunteerOffer(o.slug)).sort());
    expect(podgorze.html).toMatch(/<a href="\/wolontariat\/filtr\/dzielnica\/podgorze\/" aria-current="page">XIII Podgórze/);
    expect(podgorze.html).toContain(`<a href="${paths.volunteering}">Wyczyść filtry</a>`);
    // 13-year-olds, one-off help: the forest clean-up.
    const young = page(paths.volunteerFilter({ ...NO_FILTER, commitment: 'one_off', age: '13-15' }));
    expect(listed(young)).toEqual(open.filter((o) => o.commitment === 'one_off' && o.minimumAge <= 13).map((o) => paths.volunteerOffer(o.slug)));
    expect(listed(young).length).toBeGreaterThan(0);
  });

  it('gives every open offer a page with a JobPosting for volunteers, its organisation, place and last day', () => {
    const problems: string[] = [];
    for (const offer of open) {
      const p = page(paths.volunteerOffer(offer.slug));
      const [posting, ...more] = jobPostings(p);
      if (!posting || more.length > 0) {
        problems.push(`${p.urlPath}: ${more.length + (posting ? 1 : 0)} JobPosting nodes`);
        continue;
      }
      const expected = {
        title: offer.title,
        employmentType: 'VOLUNTEER',
        datePosted: dayKey(offer.publishedAt),
        validThrough: endOfCalendarDay(lastApplicationDay(offer)!),
        directApply: true,
        hiringOrganization: expect.objectContaining({ '@type': 'Organization', name: offer.organization!.name, url: `${SITE_URL}${paths.organization(offer.organization!.slug)}` }),
        ...(offer.remote === 'full'
          ? { jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: expect.objectContaining({ '@type': 'Country' }) }
          : { jobLocation: expect.objectContaining({ address: expect.objectContaining({ addressLocality: 'Kraków', addressCountry: 'PL' }) }) }),
      };
      try {
        expect(posting).toMatchObject(expected);
      } catch {
        problems.push(`${p.urlPath}: ${JSON.stringify(posting)}`);
      }
      if (!p.elements.some((e) => e.name === 'main' && 'data-pagefind-body' in e.attribs)) problems.push(`${p.urlPath}: not indexed for search`);
      if (!p.ids.has('zglos-sie')) problems.push(`${p.urlPath}: no #zglos-sie section`);
      if (p.html.includes('Rekrutacja zakończona')) problems.push(`${p.urlPath}: says recruitment has ended`);
      if (offer.minimumAge < 18 && !p.html.includes('pisemną zgodą rodzica lub opiekuna prawnego')) problems.push(`${p.urlPath}: no word of the parent's consent for a minimum age of ${offer.minimumAge}`);
    }
    expect(problems, report('Offer page problems', problems)).toEqual([]);
    expect(open.some((offer) => offer.remote === 'full'), 'the seed has a fully remote offer').toBe(true);
    // Applications go through the form on the page, posted to the CMS; the offer's contact address is nowhere.
    for (const offer of open) {
      const p = page(paths.volunteerOffer(offer.slug));
      const forms = p.elements.filter((e) => e.name === 'form' && e.attribs.action === `${PUBLIC_CMS_URL}/api/volunteer-applications`);
      expect(forms, offer.slug).toHaveLength(1);
      expect(p.elements.some((e) => e.name === 'input' && e.attribs.name === 'offer' && e.attribs.value === offer.documentId), offer.slug).toBe(true);
      expect(p.elements.filter((e) => e.name === 'input' && e.attribs.name === 'age').length, offer.slug).toBe(offer.minimumAge < 18 ? 2 : 1);
    }
  });

  it('keeps the page of an offer whose recruitment has ended, saying so, but lists, indexes and posts it nowhere', () => {
    const { problems, listed: inSitemap } = sitemapProblems(site, SITE_URL);
    expect(problems).toEqual([]);
    for (const offer of ended) {
      const own = paths.volunteerOffer(offer.slug);
      const p = page(own);
      expect(p.html).toContain('Rekrutacja zakończona');
      expect(p.elements.some((e) => e.name === 'a' && e.attribs.href === paths.volunteering && isWithin(e, (a) => hasClass(a, 'alert')))).toBe(true);
      expect(jobPostings(p)).toEqual([]);
      expect(isNoindex(p)).toBe(true);
      expect(p.ids.has('zglos-sie')).toBe(false);
      expect(p.elements.some((e) => 'data-pagefind-body' in e.attribs)).toBe(false);
      expect(inSitemap.has(`${SITE_URL}${own}`)).toBe(false);
      const linking = [...site.pages.values()].filter((other) => other.urlPath !== own && other.elements.some((e) => e.name === 'a' && e.attribs.href === own));
      expect(linking.map((other) => other.urlPath)).toEqual([]);
      expect(readFileSync(path.join(outDir, paths.volunteerFeed), 'utf8')).not.toContain(own);
    }
    for (const offer of open) expect(inSitemap.has(`${SITE_URL}${paths.volunteerOffer(offer.slug)}`), offer.slug).toBe(true);
  });

  it('lists an organisation\'s open offers on its profile, and says nothing there when it has none', async () => {
    const organizations = await listAll<{ documentId: string; slug: string }>('organizations');
    const withOffers = new Set(open.map((offer) => offer.organization!.documentId));
    expect(withOffers.size).toBeGreaterThan(1);
    for (const org of organizations) {
      const p = page(paths.organization(org.slug));
      expect(listed(p), org.slug).toEqual(open.filter((offer) => offer.organization?.documentId === org.documentId).map((offer) => paths.volunteerOffer(offer.slug)));
      expect(p.ids.has('org-oferty'), org.slug).toBe(withOffers.has(org.documentId));
    }
    // The food collection's organisation still recruits for something else.
    const bank = page(paths.organization('krakowski-bank-czasu'));
    expect(listed(bank)).toContain(paths.volunteerOffer('sasiedzka-pomoc-seniorom-podgorze'));
    expect(listed(bank)).not.toContain(paths.volunteerOffer('zbiorka-zywnosci-podgorze'));
  });

  it('publishes the open offers as an RSS feed, newest first', () => {
    const feed = readFileSync(path.join(outDir, paths.volunteerFeed), 'utf8');
    expect(feed).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><rss version="2\.0"/);
    expect(feed).toContain('<language>pl</language>');
    const links = [...feed.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]);
    expect(links).toEqual(open.map((offer) => `${SITE_URL}${paths.volunteerOffer(offer.slug)}`));
  });
});
