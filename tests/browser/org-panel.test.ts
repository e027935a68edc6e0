/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, so this file sees the DOM types too.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { formatNuMessage, isNuError, nuCheck } from '../support/nu-checker.ts';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.ts';

// The organisations' panel as a seed organisation's coordinator uses it on a phone without
// JavaScript: the sign-in form on the site, the mailed link, a proposed event; and axe on every
// page of the panel, its forms with and without errors.

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const site = inject('site');
const browser = useBrowser();
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

/** A seed person listed on "Stowarzyszenie Sąsiedzi z Grzegórzek" (cms/seed/organizations.json). */
const PERSON = 'marta.kowalczyk@sasiedzizgrzegorzek.example.pl';

interface Mail {
  id: number;
  to: string[];
  subject: string;
  links: string[];
}

async function newMail(address: string, earlier: ReadonlySet<number>): Promise<Mail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mails = (await (await fetch(`${site.mailUrl}mails.json`)).json()) as Mail[];
    const found = mails.find((mail) => mail.to.includes(address) && !earlier.has(mail.id) && /^Logowanie do panelu/.test(mail.subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No sign-in mail to ${address}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function newPage(): Promise<Page> {
  // The panel's CSP allows no script; axe is injected past it (bypassCSP), the pages run none themselves.
  const context = await browser().newContext({ viewport: { width: 390, height: 844 }, locale: 'pl-PL', javaScriptEnabled: false, bypassCSP: true });
  contexts.push(context);
  return context.newPage();
}

/**
 * Signs in through the site's form and the mailed link; the page ends on the panel's start page.
 * Returns the panel's origin: the CMS's public address the mail links to (its session cookie is
 * that host's), which may name the host differently from the address the tests reach the CMS at.
 */
async function signIn(page: Page): Promise<string> {
  const earlier = new Set(((await (await fetch(`${site.mailUrl}mails.json`)).json()) as Mail[]).map((mail) => mail.id));
  await page.goto(`${site.url}/dla-organizacji/`);
  await page.locator('#logowanie-email').fill(PERSON);
  await page.getByRole('button', { name: /link do logowania/i }).click();
  await page.waitForURL(`${site.url}/dla-organizacji/sprawdz-poczte/`);
  const mail = await newMail(PERSON, earlier);
  await page.goto(mail.links.find((link) => link.includes('/panel/wejscie?token='))!);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await page.waitForURL((url) => url.pathname === '/panel/');
  return new URL(page.url()).origin;
}

interface Axe {
  run(context: Document, options: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
}

/** axe's WCAG A/AA violations of the page as it is now (a page with JavaScript off still runs injected scripts). */
async function axe(page: Page): Promise<string[]> {
  const axeContext = await browser().newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
  contexts.push(axeContext);
  const copy = await axeContext.newPage();
  await copy.setContent(await page.content(), { waitUntil: 'load' });
  await copy.addScriptTag({ content: AXE_SOURCE });
  const found = await copy.evaluate(
    async (tags) => (await (window as unknown as { axe: Axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations,
    WCAG_TAGS,
  );
  await copy.close();
  return found.map((v) => `${page.url()} → ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
}

/** The event the first test proposes, which the editor then approves. */
let proposed = '';

describe('the organisations’ panel on a phone without JavaScript', () => {
  it('signs in through the mailed link and proposes an event, which waits for the editors', async () => {
    const page = await newPage();
    const panel = await signIn(page);
    expect(await page.locator('h1').innerText()).toBe('Panel organizacji');
    expect(await page.locator('header .org').innerText()).toBe('Stowarzyszenie Sąsiedzi z Grzegórzek');

    await page.getByRole('link', { name: 'Zaproponuj wydarzenie' }).click();
    const title = `Sąsiedzki spacer ${Date.now().toString(36)}`;
    proposed = title;
    await page.getByLabel(/^Tytuł/).fill(title);
    await page.getByLabel(/^Opis/).fill('Spacer po Grzegórzkach z historią osiedla.');
    await page.getByLabel(/^Dla kogo/).selectOption('residents');
    await page.getByLabel(/^Początek/).fill('2027-05-15T10:00');
    await page.getByLabel(/^Koniec/).fill('2027-05-15T12:00');
    await page.getByLabel(/^Forma/).selectOption('on_site');
    await page.getByRole('button', { name: 'Wyślij do zatwierdzenia' }).click();
    // No place yet: the rule's message stands next to the venue, and what was typed stays.
    expect(await page.locator('.error-summary').innerText()).toContain('inne miejsce');
    expect(await page.getByLabel(/^Tytuł/).inputValue()).toBe(title);
    expect(await axe(page)).toEqual([]);

    await page.getByLabel(/^Nazwa miejsca/).fill('Rondo Grzegórzeckie');
    await page.getByLabel(/^Adres miejsca: ulica i numer/).fill('ul. Grzegórzecka 1');
    await page.getByRole('button', { name: 'Wyślij do zatwierdzenia' }).click();
    await page.waitForURL(`${panel}/panel/wydarzenia?zapisano=oczekuje`);
    expect(await page.getByRole('status').innerText()).toContain('czeka na zatwierdzenie');
    const row = page.locator('tr', { hasText: title });
    expect(await row.innerText()).toContain('Czeka na zatwierdzenie');

    // Signing out ends the session and forgets the cookie: the panel sends the browser to the sign-in page.
    await page.getByRole('button', { name: 'Wyloguj' }).click();
    await page.waitForURL(`${site.url}/dla-organizacji/wylogowano/`);
    await page.goto(`${panel}/panel/`);
    await page.waitForURL(`${site.url}/dla-organizacji/`);
  });

  it('has no axe violations and valid HTML (html-validate, the Nu checker) on every page of the panel', async () => {
    const page = await newPage();
    const panel = await signIn(page);
    const problems: string[] = [...(await axe(page))];
    /** Each page's HTML as the server sent it, for the two validators. */
    const served = new Map<string, string>([['/panel/', await page.content()]]);
    for (const pagePath of ['/panel/wydarzenia', '/panel/wydarzenia/nowe', '/panel/oferty', '/panel/oferty/nowa', '/panel/profil']) {
      const response = await page.goto(`${panel}${pagePath}`);
      served.set(pagePath, await response!.text());
      problems.push(...(await axe(page)));
    }
    await page.goto(`${panel}/panel/oferty`);
    const editLinks = await page.locator('a', { hasText: /^Edytuj/ }).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    const applicationLinks = await page.locator('a', { hasText: /^Zgłoszenia/ }).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(editLinks.length).toBeGreaterThan(0);
    for (const link of [editLinks[0]!, ...applicationLinks.slice(0, 2)]) {
      const response = await page.goto(link);
      served.set(new URL(link).pathname, await response!.text());
      problems.push(...(await axe(page)));
    }
    // A form sent empty shows every message: the page with errors must pass too.
    await page.goto(`${panel}/panel/oferty/nowa`);
    await page.getByLabel(/^Tytuł/).fill('');
    await page.getByRole('button', { name: 'Wyślij do zatwierdzenia' }).click();
    expect(await page.locator('.error-summary li').count()).toBeGreaterThan(1);
    served.set('/panel/oferty/nowa (z błędami)', await page.content());
    problems.push(...(await axe(page)));
    expect(problems).toEqual([]);

    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    const invalid: string[] = [];
    for (const [pagePath, html] of served) {
      const result = await validator.validateString(html, pagePath);
      invalid.push(...result.results.flatMap((r) => r.messages).filter((m) => m.severity === 2).map((m) => `${pagePath}:${m.line}: ${m.ruleId} ${m.message}`));
    }
    expect(invalid).toEqual([]);
    const dir = mkdtempSync(path.join(tmpdir(), 'co-panel-html-'));
    try {
      const files = [...served.values()].map((html, index) => {
        const file = path.join(dir, `panel-${index}.html`);
        writeFileSync(file, html);
        return file;
      });
      const { messages } = await nuCheck(files);
      expect(messages.filter(isNuError).map((m) => formatNuMessage(dir, m))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the editors’ queue „Zgłoszenia” in the admin', () => {
  it('shows the waiting count, and approving the proposed event publishes it and tells the organisation', async () => {
    expect(proposed, 'the first test proposes the event').not.toBe('');
    const context = await browser().newContext({ viewport: { width: 1400, height: 1000 }, locale: 'pl-PL' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${site.cmsUrl}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(site.admin.email);
    await page.locator('input[name="password"]').fill(site.admin.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });

    const menuLink = page.getByRole('link', { name: /Zgłoszenia/ });
    await menuLink.waitFor({ timeout: 60_000 });
    // The badge: the seed's waiting proposals and the one just sent.
    expect(Number((await menuLink.innerText()).match(/\d+/)?.[0] ?? '0')).toBeGreaterThanOrEqual(1);
    await menuLink.click();
    await page.getByRole('button', { name: proposed }).click();
    await page.getByText('Po zmianie').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('td', { hasText: proposed }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Zatwierdź i opublikuj' }).click();
    await page.getByText('Zatwierdzono i opublikowano.').waitFor({ timeout: 30_000 });

    const published = await fetch(`${site.cmsUrl}/api/events?filters[title][$eq]=${encodeURIComponent(proposed)}`);
    expect(((await published.json()) as { data: { title: string }[] }).data.map((event) => event.title)).toEqual([proposed]);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const mails = (await (await fetch(`${site.mailUrl}mails.json`)).json()) as Mail[];
      if (mails.some((mail) => mail.to.includes(PERSON) && mail.subject.includes(proposed))) break;
      if (Date.now() > deadline) throw new Error(`No approval mail to ${PERSON}.`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
});
