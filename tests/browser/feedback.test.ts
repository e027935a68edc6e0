/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.ts';

const site = inject('site');
const browser = useBrowser();
const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

const GUIDE = '/baza-wiedzy/zakladanie-organizacji/jak-zalozyc-stowarzyszenie-zwykle/';

async function newPage(): Promise<Page> {
  // Feedback needs no script at all: every step here runs with JavaScript off.
  const context = await browser().newContext({ viewport: { width: 390, height: 844 }, locale: 'pl-PL', javaScriptEnabled: false });
  contexts.push(context);
  return context.newPage();
}

describe('"was this guide helpful?" on a phone without JavaScript', () => {
  it('answers "no", then says what to improve on the guide page, and is thanked', async () => {
    const page = await newPage();
    await page.goto(`${site.url}${GUIDE}`);
    const question = page.getByRole('heading', { name: 'Czy ten poradnik był pomocny?' });
    await expect.poll(() => question.isVisible()).toBe(true);
    // The reasons stay out of sight until the reader says "no".
    expect(await page.getByRole('heading', { name: /Co możemy poprawić/ }).isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Nie', exact: true }).click();
    await page.waitForURL((url) => url.pathname === GUIDE && url.hash === '#co-poprawic');
    expect(await page.getByRole('heading', { name: 'Dziękujemy za odpowiedź. Co możemy poprawić?' }).isVisible()).toBe(true);
    expect(await question.isVisible()).toBe(false);

    await page.getByLabel('Informacje są nieaktualne').check();
    await page.getByLabel(/^Komentarz/).fill('Opłata za wpis do ewidencji jest inna niż w tekście.');
    await page.getByRole('button', { name: 'Wyślij uwagi' }).click();
    await page.waitForURL(`${site.url}/opinia/dziekujemy-za-uwagi/`);
    expect(await page.locator('h1').innerText()).toBe('Dziękujemy za uwagi');

    // The same browser cannot answer again.
    await page.goto(`${site.url}${GUIDE}`);
    await page.getByRole('button', { name: 'Tak', exact: true }).click();
    await page.waitForURL(`${site.url}/opinia/juz-oceniono/`);
    expect(await page.locator('h1').innerText()).toBe('Ten poradnik już oceniono');
  });

  it('answers "yes" and lands on the thank-you page', async () => {
    const page = await newPage();
    await page.goto(`${site.url}${GUIDE}`);
    await page.getByRole('button', { name: 'Tak', exact: true }).click();
    await page.waitForURL(`${site.url}/opinia/dziekujemy/`);
    expect(await page.locator('h1').innerText()).toBe('Dziękujemy za ocenę');
    expect(await page.getByRole('link', { name: 'Baza wiedzy' }).last().getAttribute('href')).toBe('/baza-wiedzy/');
  });
});
