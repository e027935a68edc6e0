/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, so these files see the DOM types too.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { report } from '../support/site-output.ts';
import { sitePaths, useBrowser } from './browser.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0 and 2.1, levels A and AA: what the Polish accessibility act requires. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

const site = inject('site');

/**
 * axe reads every Polish page but for templates repeated many times over, where it reads a share:
 * - the volunteering board's filter combinations (225 pages from the seed's eight open offers):
 *   every third;
 * - the forms' answer pages (one template, well over a hundred pages): every third;
 * - the Ukrainian and English pages are the Polish templates in other words. Of their filter pages
 *   every sixth; of the others, the first of each template (section and depth) in each language,
 *   then every third.
 * That keeps this run near ten minutes with three languages. html-validate and the Nu checker
 * still read every page, and the site build test checks each one's links, counts, languages and
 * Polish words outside lang="pl".
 */
const FILTER_COMBINATION = /^\/wolontariat\/filtr\//;
const TRANSLATED_FILTER = /^\/(uk|en)\/(wolontariat\/filtr|wydarzenia\/(rodzaj|dla))\//;
const ANSWER_PAGE = /^\/((uk|en)\/)?(zapisy|zgloszenia|rezerwacje|opinia|wolontariat\/gotowosc|dla-organizacji)\/[^/]+\/$/;
const TRANSLATED = /^\/(uk|en)\//;
/** "uk wydarzenia 3" for /uk/wydarzenia/2026/12/: the template a translated page is made with. */
const templateOf = (urlPath: string): string => {
  const parts = urlPath.split('/').filter(Boolean);
  return `${parts[0]} ${parts[1] ?? ''} ${parts.length}`;
};
const pagesForAxe = (all: string[]): string[] => {
  const counters = new Map<string, number>();
  const every = (group: string, n: number) => {
    const count = counters.get(group) ?? 0;
    counters.set(group, count + 1);
    return count % n === 0;
  };
  const seen = new Set<string>();
  return all.filter((urlPath) => {
    if (FILTER_COMBINATION.test(urlPath)) return every('combination', 3);
    if (ANSWER_PAGE.test(urlPath)) return every('answer', 3);
    if (TRANSLATED_FILTER.test(urlPath)) return every('translated filter', 6);
    if (!TRANSLATED.test(urlPath)) return true;
    const template = templateOf(urlPath);
    if (!seen.has(template)) {
      seen.add(template);
      return true;
    }
    return every('translated', 3);
  });
};

const browser = useBrowser();

/** Runs axe-core in the page as it is now, with the WCAG A/AA rules only. */
async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(
    async (tags) => (await (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations,
    WCAG_TAGS,
  );
}

/** Loads a page and returns axe's WCAG A/AA violations as "page → rule: help (elements)" lines. */
async function violations(page: Page, urlPath: string): Promise<string[]> {
  const response = await page.goto(`${site.url}${urlPath}`, { waitUntil: 'load' });
  if (!response) throw new Error(`${urlPath}: no response`);
  const found = await runAxe(page);
  return found.map((v) => `${urlPath} → ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}${v.nodes.length > 3 ? ` … ${v.nodes.length} in all` : ''})`);
}

describe('accessibility (axe-core, WCAG 2.0/2.1 A and AA)', () => {
  it('reports the violations of a page made to have them, so a clean result means something', async () => {
    const page = await browser().newPage();
    await page.goto(`${site.url}/404.html`);
    await page.setContent('<!doctype html><html><head><title>x</title></head><body><img src="/x.png"><p style="color:#888;background:#999">słaby kontrast</p></body></html>');
    const ids = (await runAxe(page)).map((v) => v.id);
    await page.close();
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'color-contrast', 'html-has-lang']));
  });

  it('finds no violation on any page of the seed site', { timeout: 900_000 }, async () => {
    const paths = pagesForAxe(sitePaths(site.dir));
    expect(paths.length).toBeGreaterThan(100);
    // The Ukrainian and English pages are checked too.
    expect(paths).toEqual(expect.arrayContaining(['/uk/', '/en/', '/uk/wydarzenia/', '/en/baza-wiedzy/']));
    expect(paths.filter((urlPath) => FILTER_COMBINATION.test(urlPath)).length, 'filter combinations of the volunteering board').toBeGreaterThan(50);
    const problems: string[] = [];
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, locale: 'pl-PL' });
    // Two tabs, each working through its own half of the pages.
    const halves = [paths.filter((_, i) => i % 2 === 0), paths.filter((_, i) => i % 2 === 1)];
    await Promise.all(
      halves.map(async (half) => {
        const page = await context.newPage();
        for (const urlPath of half) problems.push(...(await violations(page, urlPath)));
      }),
    );
    await context.close();
    expect(problems, report(`axe violations over ${paths.length} pages`, problems)).toEqual([]);
  });

  it('finds none either in high contrast with the largest text, on a phone', { timeout: 120_000 }, async () => {
    const context = await browser().newContext({ viewport: { width: 375, height: 740 }, locale: 'pl-PL' });
    // The switches store their choice; set it as a returning visitor would have it.
    await context.addInitScript(() => {
      localStorage.setItem('co-a11y', JSON.stringify({ size: 2, contrast: true }));
    });
    const page = await context.newPage();
    const problems: string[] = [];
    const volunteering = ['/wolontariat/', '/wolontariat/filtr/dzielnica/podgorze/', '/wolontariat/serwis-rowerowy-dla-dzieci-debniki/', '/wolontariat/zbiorka-zywnosci-podgorze/', '/wolontariat/gotowosc/', '/zgloszenia/popraw-e-mail/'];
    for (const urlPath of ['/', '/wydarzenia/', '/baza-wiedzy/', '/organizacje/', ...volunteering, '/szukaj/', '/uk/', '/uk/wydarzenia/', '/en/wolontariat/', '/uk/wolontariat/gotowosc/', '/en/wydarzenia/archiwum/']) problems.push(...(await violations(page, urlPath)));
    await context.close();
    expect(problems, report('axe violations in high contrast', problems)).toEqual([]);
  });

  it('finds none in what shows only after a step: the reasons after "Nie" on a guide, and a room page in high contrast', { timeout: 120_000 }, async () => {
    const guide = '/baza-wiedzy/zakladanie-organizacji/jak-zalozyc-stowarzyszenie-zwykle/';
    const context = await browser().newContext({ viewport: { width: 390, height: 844 }, locale: 'pl-PL' });
    const page = await context.newPage();
    const problems = await violations(page, `${guide}#co-poprawic`);
    expect(await page.getByRole('heading', { name: /Co możemy poprawić/ }).isVisible(), 'the reasons form is shown').toBe(true);
    await context.close();
    const contrast = await browser().newContext({ viewport: { width: 390, height: 844 }, locale: 'pl-PL' });
    await contrast.addInitScript(() => {
      localStorage.setItem('co-a11y', JSON.stringify({ size: 2, contrast: true }));
    });
    problems.push(...(await violations(await contrast.newPage(), '/sale/sala-kameralna/')));
    await contrast.close();
    expect(problems, report('axe violations after a step', problems)).toEqual([]);
  });
});
