/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.ts';
import { SIGNUP_WORDS_UK } from '../../cms/src/registrations/mail-words-uk.ts';
import { SIGNUP_RESULTS_UK } from '../../cms/src/shared/signup-results-uk.ts';
import { UI_UK } from '../../site/src/lib/ui-uk.ts';

const site = inject('site');
const browser = useBrowser();
const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  links: string[];
}

async function newPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 390, height: 844 }, locale: 'pl-PL', javaScriptEnabled });
  contexts.push(context);
  return context.newPage();
}

async function mailTo(address: string, subject: RegExp): Promise<Mail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mails = (await (await fetch(`${site.mailUrl}mails.json`)).json()) as Mail[];
    const found = mails.find((mail) => mail.to.includes(address) && subject.test(mail.subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No mail "${subject}" to ${address}; caught: ${mails.map((m) => `${m.subject} → ${m.to}`).join('; ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const linkIn = (mail: Mail, action: 'confirm' | 'cancel'): string => {
  const link = mail.links.find((url) => url.includes(`/api/signups/${action}?token=`));
  if (!link) throw new Error(`"${mail.subject}" has no ${action} link`);
  return link;
};

const heading = (page: Page) => page.locator('h1').innerText();
const pathname = (page: Page) => new URL(page.url()).pathname;

async function fillForm(page: Page, person: { name: string; email: string; organisation?: string }): Promise<void> {
  await page.getByLabel('Imię i nazwisko').fill(person.name);
  await page.getByLabel('Adres e-mail').fill(person.email);
  if (person.organisation) await page.getByLabel(/^Organizacja lub grupa/).fill(person.organisation);
  await page.locator('#zapis-zgoda').check();
}

/** Follows a mailed link: a page with one button, which is what acts. */
async function pressMailedButton(page: Page, link: string, button: RegExp): Promise<void> {
  await page.goto(link);
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/zapisy/'));
}

describe('signing up in Ukrainian', () => {
  it('works without JavaScript from the Ukrainian page, and every answer, mail and link page is Ukrainian', async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 }, locale: 'uk-UA', javaScriptEnabled: false });
    contexts.push(context);
    const page = await context.newPage();
    const olena = `olena.${Date.now()}@example.org`;

    // The Polish event page's language switcher leads to the same event in Ukrainian.
    await page.goto(`${site.url}/wydarzenia/warsztat-porozumienie-bez-przemocy-w-zespole/`);
    await page.locator('.language-switcher').getByRole('link', { name: 'Українська' }).click();
    await page.waitForURL(`${site.url}/uk/wydarzenia/vorkshop-nenasylnytske-spilkuvannia-v-komandi/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');
    const title = (await heading(page)).trim();
    expect(title).toMatch(/[а-яіїєґ]/i);
    // …and back: the switcher on the Ukrainian page names the Polish one.
    expect(await page.locator('.language-switcher a[hreflang="pl"]').getAttribute('href')).toBe('/wydarzenia/warsztat-porozumienie-bez-przemocy-w-zespole/');

    await page.locator('#zapis-imie').fill('Олена Коваленко');
    await page.locator('#zapis-email').fill(olena);
    // The organiser decides who takes part in this workshop: the form asks for the organisation.
    await page.locator('#zapis-organizacja').fill('Фундація «Добрі сусіди»');
    await page.locator('#zapis-zgoda').check();
    // The form is the page's: labels and the consent in Ukrainian.
    expect(await page.locator('label[for="zapis-imie"]').innerText()).toBe(UI_UK.signUpName);
    await page.getByRole('button', { name: new RegExp(`^${UI_UK.signUpSubmitApproval}`) }).click();
    await page.waitForURL(`${site.url}/uk/zapisy/sprawdz-poczte/`);
    expect(await heading(page)).toBe(SIGNUP_RESULTS_UK.check_email.title);
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');

    const request = await mailTo(olena, /./);
    expect(request.subject).toBe(SIGNUP_WORDS_UK.subjects.confirm_request(title));
    expect(request.text).toContain('Олена Коваленко');
    expect(request.text).toContain(SIGNUP_WORDS_UK.confirm.label);
    expect(request.html).toContain('<html lang="uk">');

    // The mailed link opens a Ukrainian page; its button confirms and leads to the Ukrainian answer.
    await page.goto(linkIn(request, 'confirm'));
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');
    expect(await heading(page)).toBe(SIGNUP_WORDS_UK.linkPages.confirm.title);
    await page.getByRole('button', { name: SIGNUP_WORDS_UK.linkPages.confirm.button }).click();
    await page.waitForURL(`${site.url}/uk/zapisy/zgloszenie-przyjete/`);
    expect(await heading(page)).toBe(SIGNUP_RESULTS_UK.awaiting_approval.title);

    const waiting = await mailTo(olena, new RegExp(`^${SIGNUP_WORDS_UK.subjects.awaiting_approval('').trim()}`));
    expect(waiting.subject).toBe(SIGNUP_WORDS_UK.subjects.awaiting_approval(title));
    // The event's link in the mail is its Ukrainian page.
    expect(waiting.links).toContain(`${site.url}/uk/wydarzenia/vorkshop-nenasylnytske-spilkuvannia-v-komandi/`);
    expect(waiting.text).toContain(SIGNUP_WORDS_UK.withdraw.label);
    expect(waiting.text).not.toMatch(/Dzień dobry|Wycofaj|Zrezygnuj/);
  });
});

describe('signing up on the site', () => {
  it('works without JavaScript: sign up, confirm from the mail, cancel, and the waiting list moves up', async () => {
    const page = await newPage(false);
    const eventPath = '/wydarzenia/mentoring-pierwsze-kroki-w-zarzadzie/';
    const anna = `anna.${Date.now()}@example.org`;
    const bartek = `bartek.${Date.now()}@example.org`;

    // The seed leaves one of six seats free; Anna takes it.
    await page.goto(`${site.url}${eventPath}`);
    await page.getByRole('link', { name: 'Zapisz się' }).first().click();
    await fillForm(page, { name: 'Anna Nowak', email: anna, organisation: 'Fundacja Przykładowa' });
    await page.getByRole('button', { name: /^Zapisz się/ }).click();
    await page.waitForURL(`${site.url}/zapisy/sprawdz-poczte/`);
    expect(await heading(page)).toBe('Sprawdź skrzynkę e-mail');

    const annaRequest = await mailTo(anna, /^Potwierdź zapis/);
    await pressMailedButton(page, linkIn(annaRequest, 'confirm'), /Potwierdzam zapis/);
    expect(pathname(page)).toBe('/zapisy/potwierdzono/');
    const annaWelcome = await mailTo(anna, /^Zapis potwierdzony/);

    // Bartek finds the event full and joins the waiting list.
    await page.goto(`${site.url}${eventPath}`);
    await fillForm(page, { name: 'Bartłomiej Wiśniewski', email: bartek });
    await page.getByRole('button', { name: /^Zapisz się/ }).click();
    await page.waitForURL(`${site.url}/zapisy/sprawdz-poczte/`);
    await pressMailedButton(page, linkIn(await mailTo(bartek, /^Potwierdź zapis/), 'confirm'), /Potwierdzam zapis/);
    expect(pathname(page)).toBe('/zapisy/lista-rezerwowa/');
    expect(await heading(page)).toBe('Jesteś na liście rezerwowej');

    // Anna cancels with the link from her confirmation; Bartek gets the seat and a mail saying so.
    await pressMailedButton(page, linkIn(annaWelcome, 'cancel'), /Rezygnuję z udziału/);
    expect(pathname(page)).toBe('/zapisy/rezygnacja-przyjeta/');
    await mailTo(anna, /^Rezygnacja przyjęta/);
    await mailTo(bartek, /^Zwolniło się miejsce/);
  });

  it('with JavaScript shows the live seats left in the list of consulting hours, and they follow sign-ups', async () => {
    const page = await newPage(true);
    const email = `cezary.${Date.now()}@example.org`;
    await page.goto(`${site.url}/wydarzenia/dyzur-prawny-dla-organizacji/`);
    await expect.poll(() => page.locator('[data-seats-text]').innerText()).toMatch(/^Teraz we wszystkich podanych terminach: \d+ wolnych miejsc\.$/);
    const options = await page.locator('#zapis-termin option[value]:not([value=""])').evaluateAll((list) => list.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    // The seed booked two talks of the next consulting day; every other talk is free.
    expect(options.filter((o) => o.text.endsWith(' – brak miejsc')).length).toBeGreaterThanOrEqual(1);
    const chosen = options.find((o) => o.text.endsWith(' – 1 wolne miejsce'))!;
    expect(options.every((o) => / – (brak miejsc|1 wolne miejsce)$/.test(o.text))).toBe(true);
    const value = chosen.value;
    const free = chosen.text.replace(/ – 1 wolne miejsce$/, '');

    await page.locator('#zapis-termin').selectOption(value);
    await fillForm(page, { name: 'Cezary Kowal', email });
    // A person takes longer than the minimum fill time the script recorded.
    await page.waitForTimeout(3200);
    await page.getByRole('button', { name: /^Zapisz się/ }).click();
    await page.waitForURL(`${site.url}/zapisy/sprawdz-poczte/`);
    await pressMailedButton(page, linkIn(await mailTo(email, /^Potwierdź zapis/), 'confirm'), /Potwierdzam zapis/);
    expect(pathname(page)).toBe('/zapisy/potwierdzono/');

    await page.goto(`${site.url}/wydarzenia/dyzur-prawny-dla-organizacji/`);
    await expect.poll(() => page.locator(`#zapis-termin option[value="${value}"]`).innerText()).toBe(`${free} – brak miejsc`);
    const welcome = await mailTo(email, /^Zapis potwierdzony/);
    await pressMailedButton(page, linkIn(welcome, 'cancel'), /Rezygnuję z udziału/);
    await page.goto(`${site.url}/wydarzenia/dyzur-prawny-dla-organizacji/`);
    await expect.poll(() => page.locator(`#zapis-termin option[value="${value}"]`).innerText()).toBe(`${free} – 1 wolne miejsce`);
  });

  it('sends a form filled in faster than a person could to its own result page', async () => {
    const page = await newPage(true);
    await page.goto(`${site.url}/wydarzenia/mentoring-pierwsze-kroki-w-zarzadzie/`);
    await fillForm(page, { name: 'Szybki Robot', email: `robot.${Date.now()}@example.org` });
    await page.getByRole('button', { name: /^Zapisz się/ }).click();
    await page.waitForURL(`${site.url}/zapisy/wyslano-za-szybko/`);
    expect(await page.getByRole('alert').innerText()).toMatch(/zbyt szybko/);
  });
});
