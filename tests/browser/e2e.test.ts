/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, so these files see the DOM types too.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.ts';

const site = inject('site');
const browser = useBrowser();
let context: BrowserContext;
let page: Page;

beforeEach(async () => {
  context = await browser().newContext({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL', acceptDownloads: true });
  page = await context.newPage();
});
afterEach(async () => {
  await context?.close();
});

const open = async (urlPath: string) => {
  const response = await page.goto(`${site.url}${urlPath}`);
  expect(response?.status(), urlPath).toBe(200);
};
const pathname = () => new URL(page.url()).pathname;
/** The current Kraków year and month (the site's calendar is built around today). */
const krakowToday = () => {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
  return { year: year!, month: month! };
};

describe('events', () => {
  it('leads from the home page to an event, its .ics file and a Google Calendar link', async () => {
    await open('/');
    const eventLink = page.locator('main .event-item a').first();
    await expect.poll(() => eventLink.count()).toBeGreaterThan(0);
    const title = (await eventLink.textContent())!.trim();
    await eventLink.click();
    await page.waitForURL(/\/wydarzenia\/[^/]+\/$/);
    expect(await page.locator('h1').textContent()).toContain(title);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Plik \.ics/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync((await download.path())!, 'utf8')));
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('summary')).toBe(title);
    expect(String(vevent.getFirstPropertyValue('url'))).toContain(pathname());

    const google = new URL((await page.getByRole('link', { name: 'Kalendarz Google' }).getAttribute('href'))!);
    expect(google.origin + google.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(google.searchParams.get('action')).toBe('TEMPLATE');
    expect(google.searchParams.get('text')).toBe(title);
    expect(google.searchParams.get('dates')).toMatch(/^\d{8}(T\d{6}Z)?\/\d{8}(T\d{6}Z)?$/);
    expect(google.searchParams.get('ctz')).toBe('Europe/Warsaw');
  });

  it('moves through the month calendar across the turn of the year and back', async () => {
    const { year } = krakowToday();
    await open(`/wydarzenia/${year}/12/`);
    expect(await page.locator('table caption').textContent()).toMatch(new RegExp(`grudzień ${year}`, 'i'));
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`**/wydarzenia/${year + 1}/01/`);
    expect(await page.locator('table caption').textContent()).toMatch(new RegExp(`styczeń ${year + 1}`, 'i'));
    await page.locator('a[rel="prev"]').click();
    await page.waitForURL(`**/wydarzenia/${year}/12/`);
  });

  it('filters the list by type and then by audience, keeping the type', async () => {
    await open('/wydarzenia/');
    const all = await page.locator('main .event-item').count();
    expect(all).toBeGreaterThan(3);
    await page.locator('#filtr-rodzaj + ul a').filter({ hasText: 'Szkolenia' }).click();
    await page.waitForURL('**/wydarzenia/rodzaj/szkolenia/');
    const badges = await page.locator('main .event-item .badge:not(.badge--danger)').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.length).toBeLessThan(all);
    expect(new Set(badges)).toEqual(new Set(['szkolenie']));
    expect(await page.locator('#filtr-rodzaj + ul a[aria-current="page"]').textContent()).toBe('Szkolenia');

    await page.locator('#filtr-dla + ul a').nth(1).click();
    await page.waitForURL(/\/wydarzenia\/rodzaj\/szkolenia\/dla\/[^/]+\/$/);
    expect(await page.locator('#filtr-rodzaj + ul a[aria-current="page"]').textContent()).toBe('Szkolenia');
  });
});

describe('knowledge base', () => {
  it('goes from a topic to a guide and jumps to a section from its table of contents', async () => {
    await open('/baza-wiedzy/');
    await page.locator('main a[href^="/baza-wiedzy/"][href$="/"]').first().click();
    await page.waitForURL(/\/baza-wiedzy\/[^/]+\/$/);
    const topicPath = pathname();
    // The first guide in the topic whose page has a table of contents.
    const guides = await page.locator(`main a[href^="${topicPath}"]`).evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(guides.length).toBeGreaterThan(0);
    let toc = page.locator('nav.toc a');
    for (const guide of guides) {
      await open(guide);
      if ((await toc.count()) > 0) break;
    }
    expect(await toc.count(), `no guide in ${topicPath} has a table of contents`).toBeGreaterThan(2);
    toc = toc.nth(2);
    const target = (await toc.getAttribute('href'))!;
    await toc.click();
    await page.waitForURL(`**${target}`);
    const heading = page.locator(target);
    expect(await heading.evaluate((el) => el.tagName)).toMatch(/^H[23]$/);
    const box = (await heading.boundingBox())!;
    // At the top of the viewport, give or take the sub-pixel rounding of the scroll.
    expect(box.y).toBeGreaterThanOrEqual(-1);
    expect(box.y).toBeLessThan(200);
  });

  it('finds the guide on founding an association whether the query has Polish letters or not', async () => {
    for (const query of ['założyć', 'zalozyc']) {
      await open(`/szukaj/?q=${encodeURIComponent(query)}`);
      const results = page.locator('.pagefind-ui__result-link');
      await results.first().waitFor({ timeout: 15_000 });
      const titles = (await results.allTextContents()).slice(0, 5);
      expect(titles.join(' | '), `results for "${query}"`).toMatch(/założyć stowarzyszenie zwykłe/i);
    }
  });

  it('searches each language in its own index: a Ukrainian word finds the Ukrainian guide, and no Polish page', async () => {
    await open(`/uk/szukaj/?q=${encodeURIComponent('товариство')}`);
    const links = page.locator('.pagefind-ui__result-link');
    await links.first().waitFor({ timeout: 15_000 });
    const found = await links.evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(found, `results: ${found.join(', ')}`).toContain('/uk/baza-wiedzy/zakladanie-organizacji/yak-zasnuvaty-zvychaine-tovarystvo/');
    expect(found.filter((path) => !path.startsWith('/uk/')), 'results outside /uk/').toEqual([]);
    // The Polish search does not offer the Ukrainian page.
    await open(`/szukaj/?q=${encodeURIComponent('товариство')}`);
    // Pagefind says how many it found (none, or only Polish pages) once the search has run.
    await page.locator('.pagefind-ui__message').waitFor({ timeout: 15_000 });
    const polish = await page.locator('.pagefind-ui__result-link').evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(polish.filter((path) => path.startsWith('/uk/'))).toEqual([]);
  });

  it('finds pages from the primary index and from its merged shards in one list', async () => {
    // The privacy policy is in the primary index (/pagefind/), guides and events in shards merged into it.
    await open(`/szukaj/?q=${encodeURIComponent('dane osobowe')}`);
    const links = page.locator('.pagefind-ui__result-link');
    await links.first().waitFor({ timeout: 15_000 });
    const sections = await links.evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/')[1]!));
    const sharded = ['wydarzenia', 'baza-wiedzy', 'aktualnosci', 'organizacje'];
    expect(sections.filter((section) => sharded.includes(section)), `results: ${sections.join(', ')}`).not.toEqual([]);
    expect(sections.filter((section) => !sharded.includes(section)), `results: ${sections.join(', ')}`).not.toEqual([]);
  });

  it('says so on the page when the list of the search index shards cannot be read', async () => {
    await page.route('**/pagefind/shards.json', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
    await open('/szukaj/?q=fundacja');
    await expect.poll(() => page.locator('#wyszukiwarka [role="alert"]').textContent()).toMatch(/chwilowo niedostępna/);
  });
});

describe('partner directory', () => {
  it('filters organizations by area and then by district', async () => {
    await open('/organizacje/');
    const all = await page.locator('main .card').count();
    expect(all).toBeGreaterThan(3);
    const area = page.locator('#filtr-obszar + ul a').nth(1);
    const areaName = (await area.textContent())!.trim();
    await area.click();
    await page.waitForURL(/\/organizacje\/obszar\/[^/]+\/$/);
    const inArea = await page.locator('main .card').allTextContents();
    expect(inArea.length).toBeGreaterThan(0);
    expect(inArea.length).toBeLessThanOrEqual(all);
    for (const card of inArea) expect(card).toContain(areaName);

    const district = page.locator('#filtr-dzielnica + ul a').nth(1);
    const districtName = (await district.textContent())!.trim();
    await district.click();
    await page.waitForURL(/\/organizacje\/obszar\/[^/]+\/dzielnica\/[^/]+\/$/);
    for (const card of await page.locator('main .card').allTextContents()) {
      expect(card).toContain(areaName);
      expect(card).toContain(districtName);
    }
  });
});

describe('volunteering board', () => {
  it('filters offers without JavaScript by district and then by age, and leads to an offer and its organisation', async () => {
    await context.close();
    context = await browser().newContext({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL', javaScriptEnabled: false });
    page = await context.newPage();
    await open('/');
    await page.locator('.main-nav a', { hasText: 'Wolontariat' }).click();
    await page.waitForURL(/\/wolontariat\/$/);
    const all = await page.locator('main .offer-item').count();
    expect(all).toBeGreaterThan(3);

    // Podgórze: its own offers and those for the whole city, as many as the option said.
    const district = page.locator('#filtr-dzielnica + ul a', { hasText: 'XIII Podgórze' });
    const promised = Number(/\((\d+)\)/.exec((await district.textContent())!)![1]);
    await district.click();
    await page.waitForURL(/\/wolontariat\/filtr\/dzielnica\/podgorze\/$/);
    const inDistrict = await page.locator('main .offer-item').allTextContents();
    expect(inDistrict).toHaveLength(promised);
    for (const offer of inDistrict) expect(offer).toMatch(/XIII Podgórze|cały Kraków/);
    expect(await page.locator('#filtr-dzielnica + ul a[aria-current="page"]').textContent()).toContain('XIII Podgórze');

    // Keeping the district, only what a 16-year-old may do.
    await page.locator('#filtr-wiek + ul a', { hasText: 'Mam 16–17 lat' }).click();
    await page.waitForURL(/\/wolontariat\/filtr\/dzielnica\/podgorze\/wiek-16-17\/$/);
    const ages = await page.locator('main .offer-item dd', { hasText: /^od \d+ lat$/ }).allTextContents();
    expect(ages.length).toBeGreaterThan(0);
    for (const age of ages) expect(Number(/\d+/.exec(age)![0])).toBeLessThanOrEqual(16);

    await page.locator('main .offer-item h2 a').first().click();
    await page.waitForURL(/\/wolontariat\/[^/]+\/$/);
    expect(await page.locator('main').textContent()).toContain('pisemną zgodą rodzica');
    await page.locator('main a.button[href="#zglos-sie"]').click();
    expect(await page.locator('#zglos-sie form[method="post"] input[name="offer"]').count()).toBe(1);
    // A minimum age under 18: the form asks which age group, the younger one with a parent's consent.
    expect(await page.locator('#zglos-sie input[name="age"][value="minor"]').count()).toBe(1);
    await page.locator('main .facts a[href^="/organizacje/"]').click();
    await page.waitForURL(/\/organizacje\/[^/]+\/$/);
    expect(await page.locator('#org-oferty').count()).toBe(1);

    await open('/wolontariat/filtr/dzielnica/podgorze/');
    await page.locator('main a', { hasText: 'Wyczyść filtry' }).click();
    await page.waitForURL(/\/wolontariat\/$/);
    expect(await page.locator('main .offer-item').count()).toBe(all);
  });
});

describe('the rest of the site', () => {
  it('answers an unknown address with the 404 page', async () => {
    const response = await page.goto(`${site.url}/nie-ma-takiej-strony/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Nie ma takiej strony');
    expect(await page.locator('main a[href="/"]').count()).toBeGreaterThan(0);
  });

  it('keeps the chosen text size and high contrast on reload and on the next page', async () => {
    await open('/');
    const root = page.locator('html');
    const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const before = await fontSize();
    await page.getByRole('button', { name: 'Tekst największy' }).click();
    await page.getByRole('button', { name: 'Wysoki kontrast' }).click();
    expect(await fontSize()).toBeGreaterThan(before);
    expect(await root.getAttribute('data-contrast')).toBe('high');
    expect(await page.getByRole('button', { name: 'Wysoki kontrast' }).getAttribute('aria-pressed')).toBe('true');
    const contrastBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

    await page.reload();
    expect(await fontSize()).toBeGreaterThan(before);
    expect(await root.getAttribute('data-contrast')).toBe('high');
    await open('/baza-wiedzy/');
    expect(await root.getAttribute('data-text-size')).toBe('2');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(contrastBackground);
    expect(await page.getByRole('button', { name: 'Tekst największy' }).getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: 'Tekst standardowy' }).click();
    await page.getByRole('button', { name: 'Wysoki kontrast' }).click();
    await page.reload();
    expect(await fontSize()).toBe(before);
    expect(await root.getAttribute('data-contrast')).toBeNull();
  });
});

describe('keyboard', () => {
  /** Presses Tab until `match` is focused (or gives up), checking every stop has a visible focus indicator. */
  async function tabTo(match: (el: { tag: string; href: string | null; text: string }) => boolean, limit = 60): Promise<string[]> {
    const invisible: string[] = [];
    for (let i = 0; i < limit; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        const shadow = style.boxShadow !== 'none';
        const box = el.getBoundingClientRect();
        return { tag: el.tagName, href: el.getAttribute('href'), text: (el.textContent ?? '').trim(), visible: (outline || shadow) && box.width > 0 && box.height > 0 };
      });
      if (!focused) continue;
      if (!focused.visible) invisible.push(`${focused.tag} ${focused.href ?? ''} "${focused.text}"`);
      if (match(focused)) return invisible;
    }
    throw new Error(`Tab never reached the element within ${limit} presses`);
  }

  it('reaches and opens every main menu item with Tab and Enter, with a visible focus at each stop', async () => {
    await open('/');
    const items = await page.locator('nav.main-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(items.length).toBeGreaterThan(4);
    for (const href of items) {
      await open('/');
      const skip = await tabTo((el) => el.text === 'Przejdź do treści');
      expect(skip).toEqual([]);
      const invisible = await tabTo((el) => el.href === href);
      expect(invisible, `focus not visible on: ${invisible.join(', ')}`).toEqual([]);
      await page.keyboard.press('Enter');
      await page.waitForURL(`**${href}`);
    }
  });

  it('lets the skip link move focus to the content', async () => {
    await open('/wydarzenia/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Przejdź do treści');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tresc');
  });

  it('uses the month calendar with the keyboard alone: next month, then an event in it', async () => {
    const { year, month } = krakowToday();
    const current = `/wydarzenia/${year}/${String(month).padStart(2, '0')}/`;
    await open(current);
    const next = (await page.locator('a[rel="next"]').getAttribute('href'))!;
    const invisible = await tabTo((el) => el.href === next);
    expect(invisible).toEqual([]);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${next}`);
    // Back to this month, then Tab into the grid to the first event and open it.
    await open(current);
    const firstEvent = page.locator('table a').first();
    expect(await firstEvent.count(), `no event in ${current}`).toBe(1);
    const eventHref = (await firstEvent.getAttribute('href'))!;
    expect(await tabTo((el) => el.href === eventHref, 120)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${eventHref}`);
  });
});
