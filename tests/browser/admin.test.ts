/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.ts';

const site = inject('site');
const browser = useBrowser();
let context: BrowserContext;
let page: Page;
let token = '';

interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** The seeded event's documentId and its sign-ups, through the admin API the panel itself uses. */
async function adminGet<T>(path: string): Promise<T> {
  const response = await fetch(`${site.cmsUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

const eventId = async (slug: string): Promise<string> =>
  (await adminGet<{ results: { documentId: string }[] }>(`/content-manager/collection-types/api::event.event?filters[slug][$eq]=${slug}`)).results[0]!.documentId;

beforeAll(async () => {
  const login = await fetch(`${site.cmsUrl}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(site.admin) });
  token = ((await login.json()) as { data: { token: string } }).data.token;
  context = await browser().newContext({ viewport: { width: 1400, height: 1000 }, locale: 'pl-PL', acceptDownloads: true });
  page = await context.newPage();
  await page.goto(`${site.cmsUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(site.admin.email);
  await page.locator('input[name="password"]').fill(site.admin.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
});
afterAll(async () => {
  await context?.close();
});

describe('organisers in the admin panel', () => {
  it('see an event’s sign-ups beside the event and download them as CSV', async () => {
    const id = await eventId('mentoring-pierwsze-kroki-w-zarzadzie');
    await page.goto(`${site.cmsUrl}/admin/content-manager/collection-types/api::event.event/${id}`);
    const panel = page.getByText(/^Zapisy przez stronę: \d+$/).locator('..');
    await panel.waitFor({ timeout: 60_000 });
    const text = await panel.innerText();
    expect(text).toMatch(/potwierdzone: \d+/);
    expect(text).toMatch(/Zajęte miejsca/i);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Pobierz listę (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`zapisy-${id}.csv`);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('Magdalena Wójcik,magdalena.wojcik@example.org,Stowarzyszenie Sąsiedzi z Azorów');
  });

  it('approve an application in its edit form, and the person gets the decision by mail', async () => {
    const event = await eventId('warsztat-porozumienie-bez-przemocy-w-zespole');
    const { results } = await adminGet<{ results: { documentId: string; email: string; state: string }[] }>(
      `/content-manager/collection-types/api::registration.registration?filters[eventDocumentId][$eq]=${event}&filters[email][$eq]=karolina.mazur@example.org`,
    );
    expect(results.map((r) => r.state)).toEqual(['awaiting_approval']);
    await page.goto(`${site.cmsUrl}/admin/content-manager/collection-types/api::registration.registration/${results[0]!.documentId}`);
    await page.getByRole('combobox', { name: 'Stan' }).click();
    await page.getByRole('option', { name: 'confirmed', exact: true }).click();
    await page.getByLabel('Uzasadnienie decyzji').fill('Do zobaczenia na warsztacie – prosimy o punktualność.');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect.poll(async () => (await adminGet<{ data: { state: string } }>(`/content-manager/collection-types/api::registration.registration/${results[0]!.documentId}`)).data.state, { timeout: 15_000 }).toBe('confirmed');
    const deadline = Date.now() + 15_000;
    let mail: Mail | undefined;
    while (!mail && Date.now() < deadline) {
      mail = ((await (await fetch(`${site.mailUrl}mails.json`)).json()) as Mail[]).find((m) => m.to.includes('karolina.mazur@example.org') && m.subject.startsWith('Zgłoszenie przyjęte'));
      if (!mail) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(mail?.text).toContain('Do zobaczenia na warsztacie – prosimy o punktualność.');
  });
});

describe('editors in the admin panel', () => {
  it('see the guides readers found unhelpful first, with the reasons and comments', async () => {
    await page.goto(`${site.cmsUrl}/admin`);
    await page.getByRole('link', { name: 'Oceny poradników' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/oceny-poradnikow');
    const rows = page.locator('tbody tr');
    await rows.first().waitFor({ timeout: 60_000 });
    // The seed's annual-reporting guide: 4 of 13 readers said yes, so it needs improvement most.
    const first = await rows.first().innerText();
    expect(first).toContain('Sprawozdanie finansowe, CIT-8 i sprawozdanie merytoryczne');
    // The badge's text is upper-cased by the design system's styles.
    expect(first).toMatch(/do poprawy/i);
    expect(first).toContain('31%');
    expect(first).toMatch(/nieaktualne: \d+/);
    expect(first).toContain('Przydałby się przykład wypełnionego sprawozdania');
    const texts = await rows.allInnerTexts();
    const flagged = texts.map((text) => /do poprawy/i.test(text));
    expect(flagged).toEqual([...flagged].sort((a, b) => Number(b) - Number(a)));
    expect(texts.findIndex((text) => text.includes('Jak założyć stowarzyszenie zwykłe'))).toBeGreaterThan(flagged.lastIndexOf(true));
  });

  it('see what readers said of a guide beside the guide itself', async () => {
    const { results } = await adminGet<{ results: { documentId: string }[] }>('/content-manager/collection-types/api::guide.guide?filters[slug][$eq]=sprawozdawczosc-finansowa-ngo');
    await page.goto(`${site.cmsUrl}/admin/content-manager/collection-types/api::guide.guide/${results[0]!.documentId}`);
    const summary = page.getByText(/^Pomocny dla \d+%/);
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.innerText()).toBe('Pomocny dla 31% (4 z 13)');
    const panel = await summary.locator('..').innerText();
    expect(panel).toMatch(/do poprawy/i);
    expect(panel).toContain('Informacje są nieaktualne: 4');
    expect(panel).toContain('Przydałby się przykład wypełnionego sprawozdania');
  });
});
