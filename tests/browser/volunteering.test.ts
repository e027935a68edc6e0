import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.ts';

// The volunteering journey as a resident on a phone without JavaScript, and the organisation
// answering from its mail, against the seeded CMS, its SMTP catcher and the built site.

const site = inject('site');
const browser = useBrowser();
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

interface Mail {
  to: string[];
  replyTo: string[];
  subject: string;
  text: string;
  links: string[];
}

async function newPage(): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 390, height: 844 }, locale: 'pl-PL', javaScriptEnabled: false });
  contexts.push(context);
  return context.newPage();
}

async function mailWhere(what: string, test: (mail: Mail) => boolean): Promise<Mail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mails = (await (await fetch(`${site.mailUrl}mails.json`)).json()) as Mail[];
    const found = mails.find(test);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No mail: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('volunteering on a phone without JavaScript', () => {
  it('browses with a filter, applies, confirms, and hears that the organisation accepted through its link', async () => {
    const email = `wolontariuszka.${Date.now().toString(36)}@example.org`;
    const organization = 'kontakt@seniorzywsieci.example.pl';
    const page = await newPage();

    await page.goto(`${site.url}/wolontariat/`);
    await page.getByRole('link', { name: /^W całości zdalnie/ }).click();
    await page.waitForURL(`${site.url}/wolontariat/filtr/w-calosci-zdalnie/`);
    expect(await page.locator('h1').innerText()).toContain('W całości zdalnie');
    await page.getByRole('link', { name: 'Zdalny pomocnik seniorów uczących się internetu' }).click();
    await page.waitForURL(`${site.url}/wolontariat/zdalny-pomocnik-seniorow-internet/`);

    await page.getByLabel('Imię i nazwisko').fill('Marta Kowalczyk');
    await page.locator('#zgloszenie-email').fill(email);
    await page.getByLabel('Kiedy możesz pomagać').fill('środy 17:00–19:00');
    await page.getByLabel('Kilka słów o sobie').fill('Pracuję w IT, mam cierpliwość do pytań.');
    await page.getByLabel(/^Mam ukończone 18 lat/).check();
    await page.locator('#zgloszenie-zgoda').check();
    await page.getByRole('button', { name: /^Wyślij zgłoszenie/ }).click();
    await page.waitForURL(`${site.url}/zgloszenia/sprawdz-poczte/`);

    const confirmMail = await mailWhere(`confirmation to ${email}`, (mail) => mail.to.includes(email) && /^Potwierdź zgłoszenie/.test(mail.subject));
    await page.goto(confirmMail.links.find((link) => link.includes('/api/volunteer-applications/confirm?token='))!);
    await page.getByRole('button', { name: 'Potwierdzam zgłoszenie' }).click();
    await page.waitForURL(`${site.url}/zgloszenia/zgloszenie-wyslane/`);

    // The organisation's mail: a reply reaches the volunteer, the button opens its answer page.
    const toOrganization = await mailWhere(`application to ${organization}`, (mail) => mail.to.includes(organization) && mail.replyTo.includes(email));
    expect(toOrganization.subject).toBe('Nowe zgłoszenie do wolontariatu: Zdalny pomocnik seniorów uczących się internetu');
    expect(toOrganization.text).toContain('Kiedy może pomagać: środy 17:00–19:00');
    const answer = await newPage();
    await answer.goto(toOrganization.links.find((link) => link.includes('/api/volunteer-applications/answer?token='))!);
    await answer.getByLabel(/^Wiadomość do wolontariusza/).fill('Zapraszamy na szkolenie online w poniedziałek o 18:00.');
    await answer.getByRole('button', { name: 'Przyjmuję zgłoszenie' }).click();
    await answer.waitForURL(`${site.url}/zgloszenia/zgloszenie-przyjete/`);
    expect(await answer.locator('h1').innerText()).toBe('Wysłaliśmy wiadomość o przyjęciu');

    const accepted = await mailWhere(`acceptance to ${email}`, (mail) => mail.to.includes(email) && /^Organizacja przyjęła Twoje zgłoszenie/.test(mail.subject));
    expect(accepted.text).toContain(`E-mail: ${organization}`);
    expect(accepted.text).toContain('Zapraszamy na szkolenie online w poniedziałek o 18:00.');
  });

  it('signs up for new offers by mail on "Zgłoś gotowość" and confirms', async () => {
    const email = `gotowa.${Date.now().toString(36)}@example.org`;
    const page = await newPage();
    await page.goto(`${site.url}/wolontariat/`);
    await page.getByRole('link', { name: /^Nie ma nic dla Ciebie\? Zgłoś gotowość/ }).click();
    await page.waitForURL(`${site.url}/wolontariat/gotowosc/`);
    await page.getByLabel('Imię', { exact: true }).fill('Ola');
    await page.locator('#gotowosc-email').fill(email);
    await page.getByLabel('Edukacja').check();
    await page.getByLabel('Dzielnica').selectOption('krowodrza');
    await page.getByLabel('Regularnie, np. co tydzień').check();
    await page.getByLabel(/^Mam ukończone 18 lat/).check();
    await page.locator('#gotowosc-zgoda').check();
    await page.getByRole('button', { name: 'Zapisz mnie' }).click();
    await page.waitForURL(`${site.url}/wolontariat/gotowosc/sprawdz-poczte/`);

    const confirm = await mailWhere(`confirmation to ${email}`, (mail) => mail.to.includes(email) && /^Potwierdź: nowe oferty/.test(mail.subject));
    await page.goto(confirm.links.find((link) => link.includes('/api/volunteer-interests/confirm?token='))!);
    await page.getByRole('button', { name: 'Potwierdzam' }).click();
    await page.waitForURL(`${site.url}/wolontariat/gotowosc/zapisano/`);
    expect(await page.locator('h1').innerText()).toBe('Gotowe – będziemy pisać');
  });
});
