import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { Parser } from 'htmlparser2';

/**
 * Reading a built site the way a browser and a crawler would: every file, every HTML page parsed
 * into its elements, and the mapping between site paths and files (directory format:
 * /a/b/ → a/b/index.html).
 */

export interface Element {
  name: string;
  attribs: Record<string, string>;
  /** Raw text of <script> and <style> elements (not entity-decoded, as a browser reads it). */
  text: string;
  /** The enclosing element, as the parser nests them; null at the top. */
  parent: Element | null;
}

/** Whether an element lies inside one that matches. */
export const isWithin = (element: Element, match: (ancestor: Element) => boolean): boolean => {
  for (let e = element.parent; e; e = e.parent) if (match(e)) return true;
  return false;
};

export const hasClass = (element: Element, name: string): boolean => (element.attribs.class ?? '').split(/\s+/).includes(name);

export interface Page {
  /** Path relative to the output folder, with forward slashes, e.g. "wydarzenia/index.html". */
  file: string;
  /** The site path the file is served at, e.g. "/wydarzenia/". */
  urlPath: string;
  html: string;
  elements: Element[];
  /** Every fragment target: id attributes, and name of <a>. */
  ids: Set<string>;
}

export interface SiteOutput {
  dir: string;
  /** Every file, relative to `dir`, forward slashes. */
  files: string[];
  /** HTML pages by their site path. */
  pages: Map<string, Page>;
}

export function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** Parses HTML independently of how it was produced, the way a browser tokenizes tags. */
export function parseHtml(html: string): Element[] {
  const found: Element[] = [];
  const open: Element[] = [];
  const parser = new Parser(
    {
      onopentag: (name, attribs) => {
        const element: Element = { name, attribs, text: '', parent: open.at(-1) ?? null };
        found.push(element);
        open.push(element);
      },
      ontext: (text) => {
        const current = open.at(-1);
        if (current && (current.name === 'script' || current.name === 'style')) current.text += text;
      },
      onclosetag: () => {
        open.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** "a/b/index.html" → "/a/b/"; "404.html" → "/404.html". */
export function urlPathOf(relativeFile: string): string {
  const file = relativeFile.split(path.sep).join('/');
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/**
 * The file a site path is served from, relative to the output folder, or null when there is
 * none. Paths ending in "/" are folders with an index.html; anything else must be a file as is
 * (trailingSlash is "always", so "/wydarzenia" without the slash is not a page).
 */
export function fileForPath(dir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = decoded.endsWith('/') ? `${decoded.slice(1)}index.html` : decoded.slice(1);
  const full = path.join(dir, relative);
  if (!full.startsWith(dir) || !existsSync(full) || !statSync(full).isFile()) return null;
  return relative;
}

/** Whether a folder without the trailing slash was meant (for clearer messages). */
export function isFolder(dir: string, urlPath: string): boolean {
  try {
    const full = path.join(dir, decodeURIComponent(urlPath));
    return existsSync(full) && statSync(full).isDirectory();
  } catch {
    return false;
  }
}

export function readSite(dir: string): SiteOutput {
  const files = allFiles(dir).map((file) => path.relative(dir, file).split(path.sep).join('/')).sort();
  const pages = new Map<string, Page>();
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(path.join(dir, file), 'utf8');
    const elements = parseHtml(html);
    const ids = new Set<string>();
    for (const element of elements) {
      if (element.attribs.id !== undefined) ids.add(element.attribs.id);
      if (element.name === 'a' && element.attribs.name !== undefined) ids.add(element.attribs.name);
    }
    pages.set(urlPathOf(file), { file, urlPath: urlPathOf(file), html, elements, ids });
  }
  return { dir, files, pages };
}

/** The URLs of a srcset value (HTML's candidate-string parsing, without the descriptors). */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let rest = value;
  for (;;) {
    rest = rest.replace(/^[\s,]+/, '');
    if (!rest) return urls;
    const url = rest.match(/^\S+/)![0];
    rest = rest.slice(url.length);
    if (url.endsWith(',')) {
      urls.push(url.replace(/,+$/, ''));
      continue;
    }
    urls.push(url);
    // Skip the descriptors up to the next comma that is not inside parentheses.
    let depth = 0;
    let i = 0;
    for (; i < rest.length; i += 1) {
      const c = rest[i];
      if (c === '(') depth += 1;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (c === ',' && depth === 0) break;
    }
    rest = rest.slice(i);
  }
}

export interface Reference {
  element: string;
  attribute: string;
  url: string;
}

/** Every URL a page points at: links, stylesheets, images, scripts, forms. */
export function references(elements: Element[]): Reference[] {
  const found: Reference[] = [];
  const add = (element: Element, attribute: string) => {
    const value = element.attribs[attribute];
    if (value === undefined) return;
    if (attribute === 'srcset') for (const url of srcsetUrls(value)) found.push({ element: element.name, attribute, url });
    else found.push({ element: element.name, attribute, url: value.trim() });
  };
  for (const element of elements) {
    switch (element.name) {
      case 'a':
      case 'area':
      case 'link':
        add(element, 'href');
        break;
      case 'img':
      case 'source':
        add(element, 'src');
        add(element, 'srcset');
        break;
      case 'script':
      case 'iframe':
      case 'embed':
      case 'video':
      case 'audio':
      case 'track':
        add(element, 'src');
        break;
      case 'form':
        add(element, 'action');
        break;
      case 'use':
        add(element, 'href');
        add(element, 'xlink:href');
        break;
    }
  }
  return found;
}

/** The URL of a site path on the canonical host, e.g. "https://co.krakow.pl/wydarzenia/". */
export const pageUrl = (site: string, urlPath: string): URL => new URL(urlPath, `${site}/`);

/** Every <script type="application/ld+json"> of a page, parsed; throws with the page named. */
export function jsonLd(page: Page): unknown[] {
  return page.elements
    .filter((e) => e.name === 'script' && e.attribs.type?.trim().toLowerCase() === 'application/ld+json')
    .map((e) => {
      try {
        return JSON.parse(e.text) as unknown;
      } catch (error) {
        throw new Error(`${page.urlPath}: JSON-LD does not parse (${(error as Error).message}): ${e.text.slice(0, 200)}`);
      }
    });
}

type Thing = Record<string, unknown>;

/** Every node of JSON-LD blocks: top level, arrays and @graph members. */
export function jsonLdNodes(blocks: unknown[]): Thing[] {
  const nodes: Thing[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      nodes.push(value as Thing);
      if (Array.isArray((value as Thing)['@graph'])) ((value as Thing)['@graph'] as unknown[]).forEach(visit);
    }
  };
  blocks.forEach(visit);
  return nodes;
}

export const hasType = (node: Thing, type: string | RegExp): boolean =>
  [node['@type']].flat().some((t) => typeof t === 'string' && (typeof type === 'string' ? t === type : type.test(t)));

/** Lists problems as "page → detail" lines for an assertion message. */
export const report = (title: string, problems: string[], limit = 200): string =>
  `${title} (${problems.length}):\n  ${problems.slice(0, limit).join('\n  ')}${problems.length > limit ? `\n  … and ${problems.length - limit} more` : ''}`;

/* ------------------------------------------------------------------------------------------------
 * Checks over a whole output folder. Each returns its problems as "page → detail" lines, so a
 * test can list them all in one assertion message (and they can be tried on a tampered copy).
 */

/** A URL on this site (relative, root-relative or absolute on the canonical host), else null. */
export function sameSite(url: string, base: URL): URL | null {
  if (/^(mailto|tel|sms):/i.test(url)) return null;
  let resolved: URL;
  try {
    // A calendar subscription (webcal://) is the site's own feed fetched over HTTP(S): check it as such.
    resolved = new URL(url.replace(/^webcal:/i, base.protocol), base);
  } catch {
    return null;
  }
  return resolved.origin === base.origin ? resolved : null;
}

/** Every same-site href/src/srcset/action must name a file of the output, and every #fragment an id on it. */
export function brokenLinks(site: SiteOutput, siteUrl: string): { broken: string[]; checked: number } {
  const broken: string[] = [];
  let checked = 0;
  for (const page of site.pages.values()) {
    const base = pageUrl(siteUrl, page.urlPath);
    for (const ref of references(page.elements)) {
      const tag = `<${ref.element} ${ref.attribute}="${ref.url}">`;
      if (ref.url === '' && ref.attribute !== 'href') {
        broken.push(`${page.urlPath} → ${tag}: empty`);
        continue;
      }
      const target = sameSite(ref.url, base);
      if (!target) continue;
      checked += 1;
      const file = fileForPath(site.dir, target.pathname);
      if (!file) {
        const hint = isFolder(site.dir, target.pathname) ? ' (a folder: the link lacks the trailing slash)' : '';
        broken.push(`${page.urlPath} → ${tag}: no file for ${target.pathname}${hint}`);
        continue;
      }
      const fragment = target.hash.slice(1);
      if (!fragment || !file.endsWith('.html')) continue;
      let id = fragment;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        // keep it as written
      }
      if (!site.pages.get(urlPathOf(file))?.ids.has(id)) broken.push(`${page.urlPath} → ${tag}: no element with id "${id}" on ${target.pathname}`);
    }
  }
  return { broken, checked };
}

export const isNoindex = (page: Page): boolean =>
  page.elements.some((e) => e.name === 'meta' && e.attribs.name?.toLowerCase() === 'robots' && /\bnoindex\b/i.test(e.attribs.content ?? ''));

/** sitemap-index.xml → sitemap files → URLs; every indexable page listed, every URL an indexable page. */
export function sitemapProblems(site: SiteOutput, siteUrl: string): { problems: string[]; listed: Set<string> } {
  const origin = new URL(siteUrl).origin;
  const locs = (xml: string) => [...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  const problems: string[] = [];
  const listed = new Set<string>();
  if (!site.files.includes('sitemap-index.xml')) return { problems: ['sitemap-index.xml is missing'], listed };
  const sitemaps = locs(readFileSync(path.join(site.dir, 'sitemap-index.xml'), 'utf8'));
  if (sitemaps.length === 0) problems.push('sitemap-index.xml names no sitemap');
  for (const sitemap of sitemaps) {
    const url = new URL(sitemap);
    const file = url.origin === origin ? fileForPath(site.dir, url.pathname) : null;
    if (!file) {
      problems.push(`sitemap-index.xml → ${sitemap}: no such file in the output`);
      continue;
    }
    for (const loc of locs(readFileSync(path.join(site.dir, file), 'utf8'))) listed.add(loc);
  }
  for (const page of site.pages.values()) {
    if (page.file === '404.html' || isNoindex(page)) continue;
    const href = pageUrl(siteUrl, page.urlPath).href;
    if (!listed.has(href)) problems.push(`${page.urlPath}: indexable, but ${href} is not in the sitemap`);
  }
  for (const loc of listed) {
    let url: URL;
    try {
      url = new URL(loc);
    } catch {
      problems.push(`sitemap → ${loc}: not a URL`);
      continue;
    }
    const file = url.origin === origin ? fileForPath(site.dir, url.pathname) : null;
    const page = file ? site.pages.get(urlPathOf(file)) : undefined;
    if (url.origin !== origin) problems.push(`sitemap → ${loc}: not on ${siteUrl}`);
    else if (!file) problems.push(`sitemap → ${loc}: no such file in the output`);
    else if (page && isNoindex(page)) problems.push(`sitemap → ${loc}: the page is marked noindex`);
    else if (page?.file === '404.html') problems.push(`sitemap → ${loc}: the 404 page`);
  }
  return { problems, listed };
}

/** The events (documentIds, sorted, each once) of one .ics file of the site, read with ical.js from the UIDs' "<documentId>-<date>@…". */
export function calendarUidEvents(site: SiteOutput, feedPath: string): string[] {
  const file = path.join(site.dir, feedPath.replace(/^\//, ''));
  if (!existsSync(file)) throw new Error(`${feedPath}: no such calendar file in the output`);
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  const uids = calendar.getAllSubcomponents('vevent').map((vevent) => String(vevent.getFirstPropertyValue('uid')));
  return [...new Set(uids.map((uid) => uid.replace(/-\d{4}-\d{2}-\d{2}@.*$/, '')))].sort();
}

/** Parses every .ics file with ical.js and checks what calendar apps rely on. */
export function calendarProblems(site: SiteOutput, cancelled: { slug: string; documentId: string }[], icsPath: (slug: string) => string, feedPath: string): { problems: string[]; files: string[] } {
  const files = site.files.filter((f) => f.endsWith('.ics'));
  const problems: string[] = [];
  const parsed = new Map<string, ICAL.Component>();
  for (const file of files) {
    let calendar: ICAL.Component;
    try {
      calendar = new ICAL.Component(ICAL.parse(readFileSync(path.join(site.dir, file), 'utf8')));
    } catch (error) {
      problems.push(`/${file}: does not parse (${(error as Error).message})`);
      continue;
    }
    parsed.set(`/${file}`, calendar);
    const zones = calendar.getAllSubcomponents('vtimezone');
    if (!zones.some((z) => z.getFirstPropertyValue('tzid') === 'Europe/Warsaw')) problems.push(`/${file}: no VTIMEZONE Europe/Warsaw`);
    for (const zone of zones) ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent');
    if (events.length === 0) problems.push(`/${file}: no VEVENT`);
    const uids = new Set<string>();
    for (const vevent of events) {
      const uid = vevent.getFirstPropertyValue('uid');
      const where = `/${file} ${typeof uid === 'string' ? uid : '(no UID)'}`;
      if (typeof uid !== 'string' || !uid) problems.push(`${where}: no UID`);
      else if (uids.has(uid)) problems.push(`${where}: UID repeated in the file`);
      else uids.add(uid);
      const summary = vevent.getFirstPropertyValue('summary');
      if (typeof summary !== 'string' || !summary.trim()) problems.push(`${where}: no SUMMARY`);
      const dtstart = vevent.getFirstProperty('dtstart');
      if (!dtstart) {
        problems.push(`${where}: no DTSTART`);
        continue;
      }
      if (dtstart.type !== 'date' && dtstart.getParameter('tzid') !== 'Europe/Warsaw') {
        problems.push(`${where}: DTSTART is neither TZID=Europe/Warsaw nor VALUE=DATE (${dtstart.toICALString()})`);
      }
      let start: Date | undefined;
      try {
        start = new ICAL.Event(vevent).startDate?.toJSDate();
      } catch {
        // reported below
      }
      if (!start || Number.isNaN(start.getTime())) problems.push(`${where}: DTSTART does not give a date`);
    }
  }
  const feed = parsed.get(feedPath);
  if (!feed) problems.push(`${feedPath}: missing or unreadable`);
  for (const event of cancelled) {
    const own = parsed.get(icsPath(event.slug));
    if (!own) {
      problems.push(`${icsPath(event.slug)}: missing or unreadable (a cancelled event)`);
      continue;
    }
    const statuses = own.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('status'));
    if (statuses.length === 0 || statuses.some((s) => s !== 'CANCELLED')) problems.push(`${icsPath(event.slug)}: cancelled event, STATUS ${JSON.stringify(statuses)}`);
    // In the site-wide feed too, where it appears (UIDs are "<documentId>-<date>@<host>").
    for (const vevent of feed?.getAllSubcomponents('vevent') ?? []) {
      const uid = String(vevent.getFirstPropertyValue('uid'));
      if (uid.startsWith(`${event.documentId}-`) && vevent.getFirstPropertyValue('status') !== 'CANCELLED') problems.push(`${feedPath} ${uid}: cancelled event without STATUS:CANCELLED`);
    }
  }
  return { problems, files };
}

const EVENT_STATUS: Record<string, string> = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
};

/** The fields Google's event rich results require, on the page of each published event. */
export function eventJsonLdProblems(page: Page, event: { eventStatus: string }): string[] {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(`${page.urlPath}: ${message}`);
  let nodes: Thing[];
  try {
    nodes = jsonLdNodes(jsonLd(page));
  } catch (error) {
    return [(error as Error).message];
  }
  const data = nodes.find((n) => hasType(n, /^[A-Za-z]*Event$/));
  if (!data) return [`${page.urlPath}: no JSON-LD of @type Event (found ${JSON.stringify(nodes.map((n) => n['@type']))})`];
  if (typeof data.name !== 'string' || !data.name.trim()) fail('Event without name');
  const startDate = data.startDate;
  if (typeof startDate !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?\+0[12]:00$/.test(startDate) || Number.isNaN(new Date(startDate).getTime())) {
    fail(`startDate ${JSON.stringify(startDate)} is not an ISO date-time with the Warsaw offset (+01:00/+02:00)`);
  }
  const locations = [data.location].flat() as unknown[];
  if (locations.length === 0 || locations.length > 2 || locations.some((l) => !l || typeof l !== 'object')) fail(`location ${JSON.stringify(data.location)}`);
  const objects = locations.filter((l): l is Thing => !!l && typeof l === 'object');
  for (const location of objects) {
    if (hasType(location, 'Place')) {
      const street = (location.address as Thing | undefined)?.streetAddress;
      if (typeof street !== 'string' || !street.trim()) fail(`Place without address.streetAddress: ${JSON.stringify(location)}`);
    } else if (hasType(location, 'VirtualLocation')) {
      if (typeof location.url !== 'string' || !/^https?:\/\//.test(location.url)) fail(`VirtualLocation without url: ${JSON.stringify(location)}`);
    } else fail(`location of @type ${JSON.stringify(location['@type'])}, expected Place or VirtualLocation`);
  }
  if (objects.length === 2 && !(objects.some((l) => hasType(l, 'Place')) && objects.some((l) => hasType(l, 'VirtualLocation')))) {
    fail(`two locations that are not a Place and a VirtualLocation: ${JSON.stringify(data.location)}`);
  }
  if (data.eventStatus !== EVENT_STATUS[event.eventStatus]) fail(`eventStatus ${JSON.stringify(data.eventStatus)}, but the CMS says "${event.eventStatus}"`);
  if (typeof data.eventAttendanceMode !== 'string' || !/^https:\/\/schema\.org\/(Offline|Online|Mixed)EventAttendanceMode$/.test(data.eventAttendanceMode)) {
    fail(`eventAttendanceMode ${JSON.stringify(data.eventAttendanceMode)}`);
  }
  const organizer = [data.organizer].flat()[0] as Thing | undefined;
  if (typeof organizer?.name !== 'string' || !organizer.name.trim()) fail(`organizer without name: ${JSON.stringify(data.organizer)}`);
  const offers = [data.offers].flat()[0] as Thing | undefined;
  if (offers?.priceCurrency !== 'PLN') fail(`offers.priceCurrency ${JSON.stringify(offers?.priceCurrency)}, expected "PLN"`);
  return problems;
}

/** Every JSON-LD block parses; a page showing breadcrumbs has a BreadcrumbList ending at itself. */
export function jsonLdPageProblems(site: SiteOutput, siteUrl: string): { problems: string[]; withCrumbs: number } {
  const problems: string[] = [];
  let withCrumbs = 0;
  for (const page of site.pages.values()) {
    let nodes: Thing[];
    try {
      nodes = jsonLdNodes(jsonLd(page));
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    if (!page.elements.some((e) => e.name === 'nav' && hasClass(e, 'breadcrumbs'))) continue;
    withCrumbs += 1;
    const items = nodes.find((n) => hasType(n, 'BreadcrumbList'))?.itemListElement as Thing[] | undefined;
    if (!Array.isArray(items) || items.length === 0) {
      problems.push(`${page.urlPath}: shows breadcrumbs but has no BreadcrumbList`);
      continue;
    }
    const last = items.at(-1)!;
    const item = last.item && typeof last.item === 'object' ? (last.item as Thing)['@id'] : last.item;
    const own = pageUrl(siteUrl, page.urlPath).href;
    if (item !== own) problems.push(`${page.urlPath}: BreadcrumbList ends at ${JSON.stringify(item)}, not at the page (${own})`);
    if (items.some((it, i) => it.position !== i + 1)) problems.push(`${page.urlPath}: BreadcrumbList positions ${JSON.stringify(items.map((it) => it.position))}`);
  }
  return { problems, withCrumbs };
}

const isJsonLdScript = (e: Element) => e.name === 'script' && e.attribs.type?.trim().toLowerCase() === 'application/ld+json';
/** How a browser reads a URL attribute: tabs and newlines dropped, leading controls and spaces trimmed. */
const browserUrl = (value: string) => value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');

/**
 * Nothing that runs script unless the site put it there: JSON-LD (with "<" escaped), bundles
 * under /_astro/ or a language's /pagefind/ (/uk/pagefind/…), and the inline scripts of the layout (those on the home page).
 */
export function scriptProblems(site: SiteOutput, siteUrl: string): string[] {
  const home = site.pages.get('/');
  if (!home) return ['/: no home page to take the layout scripts from'];
  const layoutScripts = new Set(home.elements.filter((e) => e.name === 'script' && !isJsonLdScript(e) && e.attribs.src === undefined).map((e) => e.text));
  const problems: string[] = [];
  for (const page of site.pages.values()) {
    for (const element of page.elements) {
      const at = `${page.urlPath} <${element.name}>`;
      if (['iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'base'].includes(element.name)) problems.push(`${at}: element not allowed`);
      if (element.name === 'script') {
        if (isJsonLdScript(element)) {
          const i = element.text.indexOf('<');
          if (i >= 0) problems.push(`${at}: JSON-LD with a literal "<": …${element.text.slice(Math.max(0, i - 40), i + 40)}…`);
        } else if (element.attribs.src !== undefined) {
          const src = sameSite(element.attribs.src.trim(), pageUrl(siteUrl, page.urlPath));
          if (!src || !/^\/(_astro|((uk|en)\/)?pagefind)\//.test(src.pathname)) problems.push(`${at}: script from ${element.attribs.src}`);
          if (element.text.trim()) problems.push(`${at}: script with src also has inline text`);
        } else if (!layoutScripts.has(element.text)) {
          problems.push(`${at}: inline script that is not one of the layout's: ${element.text.trim().slice(0, 120)}`);
        }
      }
      for (const [attribute, value] of Object.entries(element.attribs)) {
        if (attribute.startsWith('on')) problems.push(`${at}: event handler ${attribute}="${value.slice(0, 60)}"`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'].includes(attribute) && /^(javascript|vbscript):/i.test(browserUrl(value))) {
          problems.push(`${at}: ${attribute}="${value.slice(0, 60)}"`);
        }
        if (attribute === 'srcdoc') problems.push(`${at}: srcdoc`);
      }
    }
  }
  return problems;
}

/** Every <img src> and srcset URL is a root-relative path to a file of the output. */
export function imageProblems(site: SiteOutput, siteUrl: string): { problems: string[]; count: number } {
  const problems: string[] = [];
  let count = 0;
  for (const page of site.pages.values()) {
    for (const element of page.elements) {
      if (element.name !== 'img' && !(element.name === 'source' && element.attribs.srcset !== undefined)) continue;
      if (element.name === 'img' && element.attribs.src === undefined) problems.push(`${page.urlPath} <img> without src`);
      const urls = [...(element.attribs.src !== undefined ? [element.attribs.src.trim()] : []), ...srcsetUrls(element.attribs.srcset ?? '')];
      for (const url of urls) {
        count += 1;
        const at = `${page.urlPath} <${element.name}> ${url || '(empty)'}`;
        if (!url.startsWith('/') || url.startsWith('//')) problems.push(`${at}: not a root-relative path on the site`);
        else if (!fileForPath(site.dir, new URL(url, `${siteUrl}/`).pathname)) problems.push(`${at}: no such file`);
      }
    }
  }
  return { problems, count };
}

/**
 * The site's search index (scripts/lib/search-index.ts): the primary bundle in /pagefind/ and the
 * shards its shards.json lists, with the languages and the pages of all of them together.
 */
export function searchIndex(dir: string, folder = 'pagefind'): { shards: string[]; languages: string[]; pages: number } {
  const { shards } = JSON.parse(readFileSync(path.join(dir, folder, 'shards.json'), 'utf8')) as { shards: string[] };
  const languages = new Set<string>();
  let pages = 0;
  for (const bundle of ['', ...shards]) {
    const entry = JSON.parse(readFileSync(path.join(dir, folder, bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    for (const [language, { page_count }] of Object.entries(entry.languages)) {
      languages.add(language);
      pages += page_count;
    }
  }
  return { shards, languages: [...languages], pages };
}

/** The language a site path is in: /uk/… and /en/… are translations, everything else Polish. */
export const languageOfUrlPath = (urlPath: string): string => (/^\/(uk|en)(\/|$)/.exec(urlPath)?.[1] ?? 'pl');

const htmlLang = (page: Page): string | undefined => page.elements.find((e) => e.name === 'html')?.attribs.lang;

/** A page's hreflang links: language tag → same-site path. */
function hreflangsOf(page: Page, base: URL): Map<string, string> {
  const links = new Map<string, string>();
  for (const e of page.elements) {
    if (e.name !== 'link' || e.attribs.rel !== 'alternate' || !e.attribs.hreflang) continue;
    const target = sameSite(e.attribs.href ?? '', base);
    links.set(e.attribs.hreflang, target ? target.pathname : `(other site) ${e.attribs.href}`);
  }
  return links;
}

/**
 * The languages of a built site, as search engines and screen readers need them:
 * - every page's <html lang> is the language of its address (WCAG 3.1.1);
 * - hreflang sets (Google's rules): each lists the page itself, every listed page exists in that
 *   language and lists exactly the same set back, and x-default is the Polish version;
 * - a link into another language says so (hreflang on the link, and lang where its text is in
 *   that language): no reader is sent to a page in a language the link did not announce.
 */
export function languageProblems(site: SiteOutput, siteUrl: string): { problems: string[]; withAlternates: number; crossLinks: number } {
  const problems: string[] = [];
  let withAlternates = 0;
  let crossLinks = 0;
  for (const page of site.pages.values()) {
    const language = languageOfUrlPath(page.urlPath);
    const lang = htmlLang(page);
    if (lang !== language) problems.push(`${page.urlPath}: <html lang="${lang ?? ''}">, expected "${language}"`);
    const base = pageUrl(siteUrl, page.urlPath);
    const set = hreflangsOf(page, base);
    if (set.size > 0) {
      withAlternates += 1;
      if (set.get(language) !== page.urlPath) problems.push(`${page.urlPath}: hreflang="${language}" is ${set.get(language) ?? 'missing'}, not the page itself`);
      if (set.get('x-default') !== set.get('pl')) problems.push(`${page.urlPath}: x-default (${set.get('x-default') ?? 'missing'}) is not the Polish version (${set.get('pl') ?? 'missing'})`);
      for (const [tag, target] of set) {
        if (tag === 'x-default') continue;
        const other = site.pages.get(target);
        if (!other) {
          problems.push(`${page.urlPath}: hreflang="${tag}" → ${target}, which is not a page of the site`);
          continue;
        }
        if (languageOfUrlPath(target) !== tag || htmlLang(other) !== tag) problems.push(`${page.urlPath}: hreflang="${tag}" → ${target}, a page in "${htmlLang(other) ?? ''}"`);
        const back = hreflangsOf(other, pageUrl(siteUrl, other.urlPath));
        const same = back.size === set.size && [...set].every(([t, p]) => back.get(t) === p);
        if (!same) problems.push(`${page.urlPath} ↔ ${target}: hreflang sets differ (${[...set].map(([t, p]) => `${t}=${p}`).join(' ')} / ${[...back].map(([t, p]) => `${t}=${p}`).join(' ')})`);
      }
    }
    for (const e of page.elements) {
      if (e.name !== 'a' || !e.attribs.href) continue;
      const target = sameSite(e.attribs.href, base);
      if (!target || !site.pages.has(target.pathname)) continue;
      const targetLanguage = languageOfUrlPath(target.pathname);
      if (targetLanguage === language) continue;
      crossLinks += 1;
      if (e.attribs.hreflang !== targetLanguage) problems.push(`${page.urlPath}: a link to ${target.pathname} (${targetLanguage}) without hreflang="${targetLanguage}": "${e.text.trim().slice(0, 60)}"`);
    }
  }
  return { problems, withAlternates, crossLinks };
}

/** Letters Polish has and Ukrainian (Cyrillic) and English do not. */
const POLISH_LETTERS = /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/;

/**
 * WCAG 3.1.2 on the Ukrainian pages: text with Polish letters must sit inside an element marked
 * lang="pl" (a screen reader then reads it with Polish rules). Cyrillic text makes Polish letters
 * a reliable sign; English text is not checked, as it names Kraków's places with their letters.
 * Not flagged: proper names (`properNames`: organisations, people, addresses), which WCAG exempts;
 * a Polish term in brackets after its translation, a translator's gloss of a legal term, which
 * plain-text fields cannot mark; and editors' Markdown (class "prose"), where marking is theirs.
 */
export function unmarkedPolish(site: SiteOutput, properNames: readonly string[]): { problems: string[]; checked: number } {
  const names = [...properNames].filter(Boolean).sort((a, b) => b.length - a.length);
  const problems: string[] = [];
  let checked = 0;
  for (const page of site.pages.values()) {
    if (languageOfUrlPath(page.urlPath) !== 'uk') continue;
    checked += 1;
    const open: { name: string; attribs: Record<string, string> }[] = [];
    const skipped = () => open.some((e) => e.name === 'script' || e.name === 'style' || (e.attribs.class ?? '').split(/\s+/).includes('prose'));
    const lang = () => [...open].reverse().find((e) => e.attribs.lang !== undefined)?.attribs.lang;
    const parser = new Parser(
      {
        // The parser closes void elements itself, as parseHtml relies on.
        onopentag: (name, attribs) => {
          open.push({ name, attribs });
        },
        onclosetag: () => {
          open.pop();
        },
        ontext: (text) => {
          if (!POLISH_LETTERS.test(text) || skipped() || lang()?.startsWith('pl')) return;
          const rest = names.reduce((t, name) => t.split(name).join(' '), text).replace(/\([^()]*\)/g, ' ');
          if (POLISH_LETTERS.test(rest)) problems.push(`${page.urlPath}: Polish outside lang="pl" in <${open.at(-1)?.name ?? '?'}>: "${text.trim().slice(0, 80)}"`);
        },
      },
      { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
    );
    parser.write(page.html);
    parser.end();
  }
  return { problems, checked };
}
