/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildSite } from '../../scripts/build-site.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { useBrowser } from './browser.ts';

const site = inject('site');
const browser = useBrowser();
const contexts: BrowserContext[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const context of contexts.splice(0)) await context.close();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Mail {
  to: string[];
  subject: string;
  text: string;
  links: string[];
}

async function newPage(options: { javaScriptEnabled: boolean; width?: number }): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: options.width ?? 390, height: 844 }, locale: 'pl-PL', javaScriptEnabled: options.javaScriptEnabled });
  contexts.push(context);
  return context.newPage();
}

async function mailTo(address: string, subject: RegExp): Promise<Mail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mails = (await (await fetch(`${site.mailUrl}mails.json`)).json()) as Mail[];
    const found = mails.find((mail) => mail.to.includes(address) && subject.test(mail.subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No mail "${subject}" to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A Wednesday at least four days ahead (Kraków): inside the booking window and the first weeks of the availability table. */
function nextWednesday(): DateTime {
  let day = DateTime.now().setZone('Europe/Warsaw').startOf('day').plus({ days: 4 });
  while (day.weekday !== 3) day = day.plus({ days: 1 });
  return day;
}

/** The availability table's word for one hour of one day on a built room page. */
async function cellAt(page: Page, day: DateTime, hour: string): Promise<string> {
  const label = `${day.setLocale('pl').toFormat('ccc')} ${day.toFormat('d.MM')}`;
  return page.evaluate(
    ({ label, hour }) => {
      for (const table of Array.from(document.querySelectorAll('.availability table'))) {
        const heads = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent?.trim());
        const column = heads.indexOf(label);
        if (column < 0) continue;
        const row = Array.from(table.querySelectorAll('tbody tr')).find((tr) => tr.querySelector('th')?.textContent?.trim() === hour);
        return row?.children[column]?.textContent?.trim() ?? 'no row';
      }
      return 'no table';
    },
    { label, hour },
  );
}

describe('requesting a room on a phone without JavaScript', () => {
  it('goes from the form to the approval mail, and the slot shows busy on the room page after the rebuild', async () => {
    const room = '/sale/sala-kameralna/';
    const day = nextWednesday();
    const email = `grupa.${Date.now().toString(36)}@example.org`;

    const reader = await newPage({ javaScriptEnabled: true, width: 1200 });
    await reader.goto(`${site.url}${room}`);
    expect(await cellAt(reader, day, '10:00')).toBe('wolne');

    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}${room}`);
    await page.getByLabel('Organizacja lub grupa').fill('Grupa nieformalna Czytelnia Sąsiedzka');
    await page.getByLabel('Osoba kontaktowa (imię i nazwisko)').fill('Barbara Zając');
    await page.locator('#wniosek-email').fill(email);
    await page.getByLabel('Telefon').fill('600 200 300');
    await page.getByLabel('Cel spotkania').fill('Spotkanie klubu książki dla mieszkańców Krowodrzy, otwarte dla wszystkich.');
    await page.getByLabel('Data').fill(day.toISODate()!);
    await page.getByLabel('Od godziny').fill('10:00');
    await page.getByLabel('Do godziny').fill('12:00');
    await page.getByLabel('Przewidywana liczba uczestników').fill('8');
    await page.locator('#wniosek-zgoda').check();
    await page.getByRole('button', { name: /^Wyślij wniosek/ }).click();
    await page.waitForURL(`${site.url}/rezerwacje/sprawdz-poczte/`);

    const request = await mailTo(email, /^Potwierdź wniosek o salę/);
    const confirm = request.links.find((link) => link.includes('/api/room-requests/confirm?token='))!;
    await page.goto(confirm);
    await page.getByRole('button', { name: 'Potwierdzam wniosek' }).click();
    await page.waitForURL(`${site.url}/rezerwacje/wniosek-przyjety/`);
    expect(await page.locator('h1').innerText()).toBe('Wniosek czeka na decyzję');

    // The coordinator approves it in the admin panel.
    const admin = await newPage({ javaScriptEnabled: true, width: 1400 });
    await admin.goto(`${site.cmsUrl}/admin/auth/login`);
    await admin.locator('input[name="email"]').fill(site.admin.email);
    await admin.locator('input[name="password"]').fill(site.admin.password);
    await admin.locator('button[type="submit"]').click();
    await admin.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
    const login = await fetch(`${site.cmsUrl}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(site.admin) });
    const token = ((await login.json()) as { data: { token: string } }).data.token;
    const list = await fetch(`${site.cmsUrl}/content-manager/collection-types/api::room-request.room-request?filters[email][$eq]=${encodeURIComponent(email)}`, { headers: { Authorization: `Bearer ${token}` } });
    const [stored] = ((await list.json()) as { results: { documentId: string; state: string }[] }).results;
    expect(stored?.state).toBe('requested');
    await admin.goto(`${site.cmsUrl}/admin/content-manager/collection-types/api::room-request.room-request/${stored!.documentId}`);
    await admin.getByRole('combobox', { name: 'Stan' }).click();
    await admin.getByRole('option', { name: 'approved', exact: true }).click();
    await admin.getByRole('button', { name: 'Zapisz' }).click();
    const approval = await mailTo(email, /^Sala zarezerwowana/);
    expect(approval.text).toContain('10:00–12:00');

    // The next build shows the hours as busy, without who booked them.
    const dir = mkdtempSync(path.join(tmpdir(), 'co-room-rebuild-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const out = path.join(dir, 'dist');
    await buildSite(out, { STRAPI_URL: site.cmsUrl, STRAPI_TOKEN: site.readToken, SITE_URL: 'https://co.krakow.pl', PUBLIC_CMS_URL: site.cmsUrl, SITE_CACHE_DIR: path.join(dir, 'cache') }, { capture: true });
    const rebuilt = await startStaticServer({ port: 0, root: () => out });
    cleanups.push(rebuilt.close);
    await reader.goto(`${rebuilt.url}${room}`);
    expect(await cellAt(reader, day, '10:00')).toBe('zajęte');
    expect(await cellAt(reader, day, '11:00')).toBe('zajęte');
    expect(await cellAt(reader, day, '12:00')).toBe('wolne');
    expect(await reader.locator('main').innerText()).not.toMatch(/Czytelnia Sąsiedzka|Barbara/);
    const feed = await (await fetch(`${rebuilt.url}/sale/sala-kameralna.ics`)).text();
    expect(feed).toContain('sala zajęta (rezerwacja)');
    expect(feed).not.toMatch(/Czytelnia|Barbara/);
  });
});
