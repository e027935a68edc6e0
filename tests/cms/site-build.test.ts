import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build-site.ts';
import { filesUnder } from '../../scripts/lib/files.ts';
import { freePort } from '../../scripts/lib/cms.ts';
import { bookableDays, type BookingWindow } from '../../cms/src/room-requests/rules';
import { DEFAULT_BOOKING_WINDOW } from '../../cms/src/shared/room-request-results';
import { formatDate } from '../../site/src/lib/dates';
import { attachmentPath, type MediaFile } from '../../site/src/lib/media';
import { AUDIENCES, EVENT_TYPES, type Audience, type EventType } from '../../site/src/lib/labels';
import { paths } from '../../site/src/lib/urls';
import { call, cms, listAll, type StrapiErrorBody } from './client.ts';
import {
  allFiles,
  brokenLinks,
  calendarProblems,
  calendarUidEvents,
  eventJsonLdProblems,
  fileForPath,
  hasClass,
  imageProblems,
  isWithin,
  jsonLdPageProblems,
  readSite,
  report,
  scriptProblems,
  searchIndex,
  sitemapProblems,
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

beforeAll(async () => {
  await createXssGuide();
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
    const searchable = [...site.pages.values()].filter((page) => page.elements.some((e) => 'data-pagefind-body' in e.attribs));
    const guides = await listAll<Sluggish>('guides');
    expect(searchable.length).toBeGreaterThanOrEqual(guides.length);
    expect(searchable.map((page) => page.urlPath)).not.toContain(paths.events);
    expect(index.languages).toEqual(['pl']);
    expect(index.pages).toBe(searchable.length);
    // Each section with entries has a shard of its own; the static pages are in the primary.
    expect(index.shards).toEqual(expect.arrayContaining(['aktualnosci-0', 'baza-wiedzy-0', 'organizacje-0', 'wydarzenia-0']));
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
      ['dyzur-doradcy-ds-ksiegowosci-ngo', 'dyzur-prawny-dla-organizacji', 'mentoring-pierwsze-kroki-w-zarzadzie', 'warsztat-porozumienie-bez-przemocy-w-zespole'].map((slug) => `/wydarzenia/${slug}/`),
    );
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
