/**
 * npm run bench:panel — how fast the organisations' panel answers a signed-in person, on real
 * processes: a Strapi with the seed on a temporary SQLite database and an SMTP catcher for the
 * sign-in mail. A seed organisation's person signs in through the mailed link, then BENCH_PANEL_REQUESTS
 * (default 1,000) page views of the start page, the event and offer lists, the profile form and an
 * offer's applications run with BENCH_CLIENTS (10) at once. Prints p50 and p95 per page beside the
 * target (p95 ≤ 100 ms).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { info, step } from '../lib/log.ts';
import { startMailCatcher } from '../lib/mail-catcher.ts';
import { startSeededCms } from '../lib/seeded-cms.ts';
import { CMS_DIR } from '../lib/paths.ts';

const REQUESTS = Number(process.env.BENCH_PANEL_REQUESTS ?? 1000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const TARGET_P95_MS = 100;

const tempDir = mkdtempSync(path.join(tmpdir(), 'co-bench-panel-'));
const cleanups: (() => Promise<void>)[] = [async () => rmSync(tempDir, { recursive: true, force: true })];

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** The seed organisation with listed persons and most offers: the busiest panel the seed has. */
function seedPerson(): string {
  const organizations = JSON.parse(readFileSync(path.join(CMS_DIR, 'seed', 'organizations.json'), 'utf8')) as { panelPersons?: { email: string }[] }[];
  const person = organizations.find((o) => (o.panelPersons ?? []).length > 0)?.panelPersons?.[0]?.email;
  if (!person) throw new Error('cms/seed/organizations.json lists no panel person: the benchmark has no one to sign in.');
  return person;
}

async function main(): Promise<void> {
  const mail = await startMailCatcher();
  cleanups.push(mail.close);
  const cms = await step('CMS na SQLite z przykładowymi treściami (kompilacja, baza, start)', () =>
    startSeededCms({ tempDir, env: { SCHEDULED_PUBLISHING: 'false', REGISTRATION_TIMED_WORK: 'false', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mail.smtpPort) } }),
  );
  cleanups.push(cms.stop);

  const email = seedPerson();
  const asked = await fetch(`${cms.url}/panel/link`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: new URLSearchParams({ email, website: '' }) });
  if (asked.status !== 202) throw new Error(`Asking for a sign-in link answered ${asked.status}: ${await asked.text()}`);
  const letter = await mail.waitFor((m) => m.to.includes(email), 15_000, `the sign-in mail to ${email}`);
  const link = letter.links.find((url) => url.includes('/panel/wejscie?token='));
  if (!link) throw new Error('The sign-in mail has no link.');
  const entered = await fetch(`${cms.url}/panel/wejscie`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: new URL(link).searchParams.get('token')! }) });
  const cookie = entered.headers.get('set-cookie')?.split(';')[0];
  if (entered.status !== 303 || !cookie) throw new Error(`Signing in answered ${entered.status} without a session cookie.`);

  const get = async (pagePath: string): Promise<{ ms: number; html: string }> => {
    const started = performance.now();
    const response = await fetch(`${cms.url}${pagePath}`, { headers: { Cookie: cookie } });
    const html = await response.text();
    if (response.status !== 200) throw new Error(`${pagePath} answered ${response.status}.`);
    return { ms: performance.now() - started, html };
  };
  const offers = await get('/panel/oferty');
  const offer = /href="\/panel\/oferty\/([a-z0-9]+)\/zgloszenia"/.exec(offers.html)?.[1];
  const pages = ['/panel/', '/panel/wydarzenia', '/panel/oferty', '/panel/profil', ...(offer ? [`/panel/oferty/${offer}/zgloszenia`] : [])];
  // A short warm-up, so the first requests do not measure Strapi's cold caches.
  for (const pagePath of pages) for (let i = 0; i < 5; i += 1) await get(pagePath);

  const times = new Map<string, number[]>(pages.map((p) => [p, []]));
  let next = 0;
  await step(`${REQUESTS.toLocaleString('en-US')} odsłon panelu, ${CLIENTS} klientów naraz`, () =>
    Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < REQUESTS) {
          const pagePath = pages[next % pages.length]!;
          next += 1;
          times.get(pagePath)!.push((await get(pagePath)).ms);
        }
      }),
    ),
  );
  const all = [...times.values()].flat().sort((a, b) => a - b);
  info('');
  info(`Panel organizacji (SQLite, ziarno; ${email}):`);
  for (const [pagePath, list] of times) {
    const sorted = [...list].sort((a, b) => a - b);
    info(`  ${pagePath.padEnd(48)} p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(sorted, 95).toFixed(1).padStart(6)} ms   (cel p95 ≤ ${TARGET_P95_MS} ms)`);
  }
  const p95 = percentile(all, 95);
  info(`  ${'wszystkie strony'.padEnd(48)} p50 ${percentile(all, 50).toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   (cel p95 ≤ ${TARGET_P95_MS} ms) ${p95 <= TARGET_P95_MS ? 'OK' : 'ZA WOLNO'}`);
  if (p95 > TARGET_P95_MS) process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`Cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  });
