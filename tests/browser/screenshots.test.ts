/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, so these files see the DOM types too.
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT_DIR } from '../../scripts/lib/paths.ts';
import { useBrowser } from './browser.ts';

/** Git-ignored: pictures for a person to look at, not for comparison. */
export const SCREENSHOT_DIR = path.join(ROOT_DIR, 'tests', '.screenshots');

const site = inject('site');
const browser = useBrowser();

/** One page of each template, found from the lists so the seed can change without breaking this. */
async function templatePages(): Promise<Record<string, string>> {
  const page = await browser().newPage();
  const firstLink = async (list: string, selector: string) => {
    await page.goto(`${site.url}${list}`);
    const href = await page.locator(selector).first().getAttribute('href');
    if (!href) throw new Error(`No link matching ${selector} on ${list}`);
    return href;
  };
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit' }).format(new Date()).split('-');
  const pages = {
    'strona-glowna': '/',
    wydarzenia: '/wydarzenia/',
    kalendarz: `/wydarzenia/${year}/${month}/`,
    wydarzenie: await firstLink('/wydarzenia/', 'main .event-item a'),
    'baza-wiedzy': '/baza-wiedzy/',
    temat: await firstLink('/baza-wiedzy/', 'main a[href^="/baza-wiedzy/"][href$="/"]'),
    poradnik: '',
    organizacje: '/organizacje/',
    organizacja: await firstLink('/organizacje/', 'main .card a'),
    wolontariat: '/wolontariat/',
    'oferta-wolontariatu': await firstLink('/wolontariat/', 'main .offer-item a'),
    aktualnosci: '/aktualnosci/',
    aktualnosc: await firstLink('/aktualnosci/', 'main h2 a[href^="/aktualnosci/"]'),
    sale: '/sale/',
    szukaj: '/szukaj/?q=stowarzyszenie',
    'nie-znaleziono': '/nie-ma-takiej-strony/',
  };
  pages.poradnik = await firstLink(pages.temat, `main a[href^="${pages.temat}"]`);
  await page.close();
  return pages;
}

describe('screenshots', () => {
  it('saves every main template at 375 px and 1280 px, none wider than the phone screen', { timeout: 300_000 }, async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const pages = await templatePages();
    const tooWide: string[] = [];
    for (const width of [375, 1280]) {
      const context = await browser().newContext({ viewport: { width, height: width < 600 ? 740 : 900 }, locale: 'pl-PL' });
      const page = await context.newPage();
      for (const [name, urlPath] of Object.entries(pages)) {
        await page.goto(`${site.url}${urlPath}`);
        if (urlPath.startsWith('/szukaj/')) await page.locator('.pagefind-ui__result').first().waitFor();
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) tooWide.push(`${urlPath} at ${width} px: ${scrollWidth} px wide`);
        const file = path.join(SCREENSHOT_DIR, `${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(statSync(file).size, file).toBeGreaterThan(5_000);
      }
      await context.close();
    }
    expect(tooWide).toEqual([]);
  });
});
