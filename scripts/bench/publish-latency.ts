/**
 * npm run bench:publish — how long from "Publish" in the CMS to the page being served, measured on
 * real processes: a Strapi on a temporary SQLite database with the seed, the rebuild service and
 * the static server, exactly as `npm start` wires them. Measured with the seed alone and again
 * with 1,000 extra published entries (BENCH_EXTRA to change), three publications each.
 * Prints each figure next to the target (≤ 10 s at 1k entries).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../lib/cms.ts';
import { formatMs, info, step } from '../lib/log.ts';
import { createRebuildService } from '../lib/rebuild-service.ts';
import { createReleaseStore } from '../lib/releases.ts';
import { startSeededCms } from '../lib/seeded-cms.ts';
import { startStaticServer } from '../lib/static-server.ts';

const TARGET_MS = 10_000;
const EXTRA = Number(process.env.BENCH_EXTRA ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const tempDir = mkdtempSync(path.join(tmpdir(), 'co-bench-'));
const cleanups: (() => Promise<void>)[] = [async () => rmSync(tempDir, { recursive: true, force: true })];

async function main(): Promise<void> {
  const rebuildPort = await freePort();
  const secret = randomBytes(16).toString('hex');
  const cms = await step('CMS z przykładowymi treściami (kompilacja, baza, tokeny, start)', () =>
    startSeededCms({
      tempDir,
      env: { SCHEDULED_PUBLISHING: 'false', REBUILD_WEBHOOK_URL: `http://127.0.0.1:${rebuildPort}/webhook`, REBUILD_SECRET: secret },
    }),
  );
  cleanups.push(cms.stop);
  const { url: strapiUrl, readToken, fullToken } = cms;

  const releases = createReleaseStore(path.join(tempDir, 'site'));
  const service = createRebuildService({ strapiUrl, token: readToken, siteUrl: 'https://co.krakow.pl', secret, releases, log: () => {} });
  const api = await service.listen(rebuildPort);
  const web = await startStaticServer({ port: 0, root: () => releases.liveDir() });
  cleanups.push(() => service.close(), api.close, web.close);

  await step('Pierwsze budowanie strony', async () => {
    service.request('bench');
    await service.settled();
    if (service.status().lastBuild?.result !== 'ok') throw new Error(service.status().lastBuild?.error ?? 'first build failed');
  });

  const write = async (pathname: string, data: Record<string, unknown>): Promise<{ documentId: string; slug: string }> => {
    const response = await fetch(`${strapiUrl}${pathname}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${fullToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data }),
    });
    if (!response.ok) throw new Error(`POST ${pathname}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { data: { documentId: string; slug: string } }).data;
  };
  const inDays = (days: number, hour: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + days, hour)).toISOString();
  const event = (title: string, days: number) => ({
    title, description: 'Wydarzenie do pomiaru czasu publikacji.', startsAt: inDays(days, 16), endsAt: inDays(days, 18),
    type: 'meeting', format: 'online', onlineUrl: 'https://meet.example.org/bench', audience: 'everyone', eventStatus: 'scheduled',
  });

  /**
   * Publishes one event (a REST create publishes at once) and waits until its page is served, then
   * until the rebuild service is idle again.
   */
  const measure = async (label: string): Promise<{ served: number[]; complete: number[] }> => {
    const times: number[] = [];
    const complete: number[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const started = performance.now();
      const created = await write('/api/events', event(`Pomiar ${label} ${round} ${randomBytes(3).toString('hex')}`, 3));
      for (;;) {
        const response = await fetch(`${web.url}/wydarzenia/${created.slug}/`);
        await response.arrayBuffer();
        if (response.status === 200) break;
        if (performance.now() - started > 180_000) throw new Error(`${created.slug} was not served within 3 minutes`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      times.push(performance.now() - started);
      await service.idle();
      complete.push(performance.now() - started);
    }
    return { served: times, complete };
  };

  const report = (label: string, times: number[], target: boolean) => {
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const verdict = target ? `cel ≤ ${formatMs(TARGET_MS)} ${median <= TARGET_MS ? '✔ w celu' : '✖ powyżej celu'}` : '';
    info(`${label.padEnd(44)} mediana ${formatMs(median).padStart(7)}  (pomiary: ${times.map(formatMs).join(', ')})  ${verdict}`);
    return median;
  };

  const measureBig = async () => {
    await step(`Dodawanie ${EXTRA} opublikowanych wpisów`, async () => {
      for (let i = 0; i < EXTRA; i += 1) {
        const kind = i % 3;
        if (kind === 0) await write('/api/events', event(`Wydarzenie dodatkowe ${i}`, 1 + (i % 200)));
        else if (kind === 1) await write('/api/articles', { title: `Aktualność dodatkowa ${i}`, excerpt: 'Krótko o niczym.', body: 'Treść aktualności do pomiaru.' });
        else await write('/api/guides', { title: `Poradnik dodatkowy ${i}`, summary: 'Krótko o niczym.', body: '## Sekcja\n\nTreść poradnika do pomiaru.', audience: 'everyone' });
        if ((i + 1) % 100 === 0) info(`${i + 1}/${EXTRA}`);
      }
      await service.settled();
    });
    return step(`Publikacja → strona (+${EXTRA} wpisów, ${ROUNDS}×)`, () => measure('1k'));
  };

  const seedTimes = await step(`Publikacja → strona (treści przykładowe, ${ROUNDS}×)`, () => measure('seed'));
  const pagesBefore = service.status().live?.pages;

  // BENCH_EXTRA=0 measures the seed alone (a quick check after a change to the site).
  const big = EXTRA > 0 ? await measureBig() : null;

  process.stdout.write('\nWyniki: od publikacji do podania strony przez serwer (cała strona z wyszukiwarką i mapą strony):\n');
  const seedMedian = report(`treści przykładowe (${pagesBefore} stron)`, seedTimes.served, true);
  const median = big ? report(`+${EXTRA} wpisów (${service.status().live?.pages} stron)`, big.served, true) : seedMedian;
  process.stdout.write('Od publikacji do bezczynności usługi przebudowy:\n');
  report(`treści przykładowe (${pagesBefore} stron)`, seedTimes.complete, false);
  if (big) report(`+${EXTRA} wpisów (${service.status().live?.pages} stron)`, big.complete, false);
  process.exitCode = seedMedian <= TARGET_MS && median <= TARGET_MS ? 0 : 2;
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    // Every cleanup runs even if one fails; a failure is reported, not hidden.
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(`Cleanup failed: ${(error as Error).message}`));
  });
