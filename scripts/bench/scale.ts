/**
 * npm run bench:scale — how the site copes with a large CMS, on real processes: a temporary Strapi
 * (SQLite) with the seed plus BENCH_ENTRIES published entries (default 10,000: 40 % events, 30 %
 * news, 20 % guides, 10 % organizations, Markdown bodies of 300–1,500 words), written in bulk inside
 * Strapi. Measures, each beside its target:
 *   - the fill (≤ 2 min at 10,000 entries);
 *   - a cold full build (fresh cache): wall time (≤ 60 s) and peak RSS of the whole process tree,
 *     the CMS left out (≤ 2 GiB); requests and bytes it asked of the CMS (through a counting proxy);
 *     the files, bytes and HTML pages it wrote;
 *   - the same content exported to local Markdown and built with Astro's glob loader
 *     (SITE_CONTENT_DIR): CMS ÷ local build time (≤ 1.10), and whether both outputs are the same;
 *   - publish → page served (≤ 5 s): the rebuild service and the static server as `npm start`
 *     runs them, an event's title changed through the API, BENCH_ROUNDS times (default 3).
 * BENCH_TRANSLATED (default 0.33) is the share of generated guides and events that also get a Ukrainian
 * and an English version (their pages under /uk/ and /en/). BENCH_SEED varies the generated content; BENCH_STEPS=local,publish (the default) names the optional
 * parts, e.g. BENCH_STEPS= for the fill and the cold build alone; BENCH_CPU_PROF=<dir> writes CPU
 * profiles of the Astro processes of both cold builds and of the rebuild service's builds there
 * (NODE_OPTIONS=--cpu-prof; cms/, local/, publish/). Exits 0 when targets are missed
 * (it is a benchmark) and non-zero only when something failed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite, describeSearchIndex } from '../build-site.ts';
import { freePort, runCmsScript } from '../lib/cms.ts';
import { formatMs, info, step } from '../lib/log.ts';
import { createRebuildService } from '../lib/rebuild-service.ts';
import { createReleaseStore } from '../lib/releases.ts';
import { startSeededCms } from '../lib/seeded-cms.ts';
import { startStaticServer } from '../lib/static-server.ts';
import { startCountingProxy, type Traffic } from './counting-proxy.ts';
import { exportLocalContent } from './local-content.ts';
import { childrenMatching, samplePeakRss, type PeakUse } from './process-tree.ts';

const ENTRIES = wholeNumber('BENCH_ENTRIES', 10_000);
const ROUNDS = Math.max(1, wholeNumber('BENCH_ROUNDS', 3));
const SEED = wholeNumber('BENCH_SEED', 1);
// The share of generated guides and events that also get a Ukrainian and an English version.
const TRANSLATED = Number(process.env.BENCH_TRANSLATED ?? '0.33');
if (!(TRANSLATED >= 0 && TRANSLATED <= 1)) throw new Error(`BENCH_TRANSLATED must be a share between 0 and 1, not "${process.env.BENCH_TRANSLATED}".`);
const CPU_PROF = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;
/** The optional parts (the fill and the cold build from the CMS always run): BENCH_STEPS=local,publish by default. */
const STEPS = new Set((process.env.BENCH_STEPS ?? 'local,publish').split(',').map((part) => part.trim()).filter(Boolean));
for (const part of STEPS) if (part !== 'local' && part !== 'publish') throw new Error(`BENCH_STEPS takes local and/or publish, not "${part}".`);
const SITE_URL = 'https://co.krakow.pl';
/** The issue's targets, set for 10,000 entries. */
const TARGETS = { fillMs: 120_000, buildMs: 60_000, rssBytes: 2 * 1024 ** 3, publishMs: 5_000, ratio: 1.1 };

function wholeNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}".`);
  return value;
}

const tempDir = mkdtempSync(path.join(tmpdir(), 'co-bench-scale-'));
const cleanups: (() => Promise<void>)[] = [async () => rmSync(tempDir, { recursive: true, force: true })];
/** Stops a build under way on Ctrl-C (its Astro process is killed), so that cleaning up does not wait for it. */
const interrupted = new AbortController();

interface Row {
  label: string;
  value: string;
  target?: string;
  met?: boolean;
}
const rows: Row[] = [];

const formatBytes = (bytes: number): string =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GiB` : bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(0)} KiB`;
const formatCount = (n: number): string => n.toLocaleString('en-US');
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface OutputStats {
  files: number;
  bytes: number;
  html: number;
  /** Files per first path segment ("wydarzenia", "pagefind", "_astro", "(root)"). */
  bySection: Map<string, { files: number; bytes: number }>;
}

function outputStats(dir: string): OutputStats {
  const stats: OutputStats = { files: 0, bytes: 0, html: 0, bySection: new Map() };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const size = statSync(file).size;
    const relative = path.relative(dir, file);
    const section = relative.includes(path.sep) ? relative.split(path.sep)[0]! : '(root)';
    const counted = stats.bySection.get(section) ?? { files: 0, bytes: 0 };
    counted.files += 1;
    counted.bytes += size;
    stats.bySection.set(section, counted);
    stats.files += 1;
    stats.bytes += size;
    if (entry.name.endsWith('.html')) stats.html += 1;
  }
  return stats;
}

/** Every file's SHA-1 by path, to tell whether two builds wrote the same site. */
function digests(dir: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    map.set(path.relative(dir, file), createHash('sha1').update(readFileSync(file)).digest('hex'));
  }
  return map;
}

/** How long the processes `which` picks were seen running during a build, with their peak RSS. */
function phase(use: PeakUse, which: (name: string) => boolean): string {
  const seen = [...use.byProcess].filter(([name]) => which(name)).map(([, process]) => process);
  if (seen.length === 0) return '–';
  const ms = Math.max(...seen.map((p) => p.lastMs)) - Math.min(...seen.map((p) => p.firstMs));
  return `${formatMs(ms)} (${formatBytes(Math.max(...seen.map((p) => p.peak)))})`;
}

/** Node processes started from now on write CPU profiles into `dir`; returns what undoes it. */
function profileChildren(dir: string): () => void {
  const before = process.env.NODE_OPTIONS;
  mkdirSync(dir, { recursive: true });
  process.env.NODE_OPTIONS = `${before ?? ''} --cpu-prof --cpu-prof-dir=${dir}`.trim();
  return () => {
    if (before === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = before;
  };
}

interface BuildMeasurement {
  ms: number;
  rss: PeakUse;
  traffic: Traffic;
  stats: OutputStats;
}

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
  // The CMS is not part of the build's memory: its process tree is measured apart.
  const cmsPids = childrenMatching(process.pid, 'strapi');

  // --- Fill ---------------------------------------------------------------------------------
  const fillStarted = performance.now();
  const fillOutput = await step(`Wypełnianie CMS: ${formatCount(ENTRIES)} opublikowanych wpisów (zapis zbiorczy w Strapi)`, () =>
    runCmsScript('bench-fill', ['--entries', String(ENTRIES), '--seed', String(SEED), '--translated', String(TRANSLATED)], { env: cms.env, capture: true }),
  );
  const fillMs = performance.now() - fillStarted;
  // Its last line is a JSON summary; the others say what it did.
  const fillLines = fillOutput.trim().split('\n');
  const summary = JSON.parse(fillLines.pop()!) as { generatedMs: number; writtenMs: number };
  for (const line of fillLines) info(line.trim());
  info(`w tym: generowanie i sprawdzenie ${formatMs(summary.generatedMs)}, zapis do bazy ${formatMs(summary.writtenMs)}, reszta to start Strapi`);
  const totals: Record<string, number> = {};
  for (const collection of ['events', 'articles', 'guides', 'organizations', 'rooms', 'pages', 'volunteer-offers']) {
    const response = await fetch(`${strapiUrl}/api/${collection}?pagination[pageSize]=1&fields[0]=documentId`, { headers: { Authorization: `Bearer ${readToken}` } });
    if (!response.ok) throw new Error(`GET /api/${collection}: ${response.status} ${await response.text()}`);
    totals[collection] = ((await response.json()) as { meta: { pagination: { total: number } } }).meta.pagination.total;
  }
  info(`opublikowane w CMS: ${Object.entries(totals).map(([name, n]) => `${name} ${formatCount(n)}`).join(', ')}`);
  rows.push({ label: `Wypełnienie CMS (${formatCount(ENTRIES)} wpisów, zapis zbiorczy)`, value: formatMs(fillMs), target: '≤ 2 min', met: fillMs <= TARGETS.fillMs });

  // --- Cold builds --------------------------------------------------------------------------
  const proxy = await startCountingProxy(strapiUrl);
  cleanups.push(proxy.close);
  const buildEnv = { STRAPI_URL: proxy.url, STRAPI_TOKEN: readToken, SITE_URL };

  const coldBuild = async (label: string, outDir: string, env: Record<string, string>, profileDir: string | null): Promise<BuildMeasurement> => {
    proxy.reset();
    const cacheDir = mkdtempSync(path.join(tempDir, 'cache-'));
    // The Astro worker is started by buildSite and inherits this environment.
    const restore = profileDir ? profileChildren(profileDir) : () => {};
    const started = performance.now();
    const sampler = samplePeakRss(cmsPids, 100, (now) => info(`… ${formatMs(performance.now() - started)}, RSS ${formatBytes(now)}`));
    let rss: BuildMeasurement['rss'];
    try {
      await step(label, () => buildSite(outDir, { ...buildEnv, SITE_CACHE_DIR: cacheDir, ...env }, { capture: true, signal: interrupted.signal }));
    } finally {
      rss = sampler.stop();
      restore();
    }
    const ms = performance.now() - started;
    const traffic = proxy.traffic();
    const stats = outputStats(outDir);
    info(`${formatMs(ms)}; szczytowe RSS ${formatBytes(rss.tree)} (CMS osobno: ${formatBytes(rss.excluded)}, ${rss.samples} próbek)`);
    // Which process held the memory, and from when to when it ran: Astro, then the search index.
    const processes = [...rss.byProcess].sort((x, y) => x[1].firstMs - y[1].firstMs);
    info(`procesy: ${processes.map(([name, use]) => `${name} ${formatBytes(use.peak)} (${formatMs(use.firstMs)}–${formatMs(use.lastMs)})`).join('; ')}`);
    info(`zapytania do CMS: ${formatCount(traffic.requests)}, ${formatBytes(traffic.bytes)} (${[...traffic.byPath].sort((a, b) => b[1].requests - a[1].requests).map(([key, t]) => `${key} ${t.requests}`).join(', ')})`);
    info(`wynik: ${formatCount(stats.files)} plików, ${formatBytes(stats.bytes)}, ${formatCount(stats.html)} stron HTML`);
    if (profileDir) info(`profile CPU: ${profileDir}`);
    return { ms, rss, traffic, stats };
  };

  const cmsOut = path.join(tempDir, 'out-cms');
  const fromCms = await coldBuild('Pełne budowanie na zimno z CMS', cmsOut, {}, CPU_PROF && path.join(CPU_PROF, 'cms'));
  const sections = [...fromCms.stats.bySection].sort((a, b) => b[1].files - a[1].files);
  info(`pliki wg katalogu: ${sections.slice(0, 8).map(([name, s]) => `${name} ${formatCount(s.files)} (${formatBytes(s.bytes)})`).join(', ')}`);
  rows.push(
    { label: 'Pełne budowanie na zimno (CMS)', value: formatMs(fromCms.ms), target: '≤ 60 s', met: fromCms.ms <= TARGETS.buildMs },
    { label: 'Szczytowe RSS drzewa procesów budowania', value: formatBytes(fromCms.rss.tree), target: '≤ 2 GiB', met: fromCms.rss.tree <= TARGETS.rssBytes },
    { label: '  w tym Astro / indeks wyszukiwarki (Pagefind)', value: `${phase(fromCms.rss, (name) => name === 'astro build')} / ${phase(fromCms.rss, (name) => name.startsWith('pagefind'))}` },
    { label: 'Zapytania budowania do CMS', value: `${formatCount(fromCms.traffic.requests)} (${formatBytes(fromCms.traffic.bytes)})` },
    { label: 'Pliki wyjściowe', value: `${formatCount(fromCms.stats.files)} (${formatBytes(fromCms.stats.bytes)})` },
    { label: 'Strony HTML', value: formatCount(fromCms.stats.html) },
  );

  if (STEPS.has('local')) {
    const contentDir = path.join(tempDir, 'local-content');
    const exported = await step('Eksport tych samych treści do lokalnych plików Markdown', () => exportLocalContent(strapiUrl, readToken, contentDir));
    info(`${formatCount(exported)} plików w ${contentDir}`);
    const localOut = path.join(tempDir, 'out-local');
    const fromFiles = await coldBuild('Pełne budowanie na zimno z lokalnego Markdown (glob loader)', localOut, { SITE_CONTENT_DIR: contentDir }, CPU_PROF && path.join(CPU_PROF, 'local'));
    const ratio = fromCms.ms / fromFiles.ms;
    rows.push(
      { label: 'Pełne budowanie z lokalnego Markdown', value: formatMs(fromFiles.ms) },
      { label: 'CMS ÷ lokalny Markdown', value: ratio.toFixed(2), target: '≤ 1.10', met: ratio <= TARGETS.ratio },
    );

    const [a, b] = [digests(cmsOut), digests(localOut)];
    const differing = [...new Set([...a.keys(), ...b.keys()])].filter((file) => a.get(file) !== b.get(file)).sort();
    info(differing.length === 0 ? `oba budowania dały ten sam wynik (${formatCount(a.size)} plików, bajt w bajt)` : `wyniki różnią się w ${formatCount(differing.length)} z ${formatCount(a.size)} plików, np. ${differing.slice(0, 5).join(', ')}`);
    rows.push({ label: 'Wynik z CMS = wynik z Markdown', value: differing.length === 0 ? 'tak' : `${formatCount(differing.length)} plików inaczej` });
    rmSync(localOut, { recursive: true, force: true });
    rmSync(contentDir, { recursive: true, force: true });
  }

  // --- Publish → page served ----------------------------------------------------------------
  if (!STEPS.has('publish')) return;
  const releases = createReleaseStore(path.join(tempDir, 'site'));
  // Its Astro workers (one kept warm, one per build) are profiled too: the first build, then one per round.
  if (CPU_PROF) profileChildren(path.join(CPU_PROF, 'publish'));
  // Through the proxy too, to count what one publication asks of the CMS.
  const service = createRebuildService({ strapiUrl: proxy.url, token: readToken, siteUrl: SITE_URL, secret, releases, log: () => {} });
  const api = await service.listen(rebuildPort);
  const web = await startStaticServer({ port: 0, root: () => releases.liveDir() });
  cleanups.push(() => service.close(), api.close, web.close);

  let firstBuildMs = 0;
  await step('Pierwsze budowanie usługi przebudowy (stan wyjściowy do publikacji)', async () => {
    service.request('bench');
    await service.settled();
    const last = service.status().lastBuild;
    if (last?.result !== 'ok') throw new Error(last?.error ?? 'first build failed');
    info(`${formatMs(last.durationMs)}, ${formatCount(last.pages ?? 0)} stron`);
    firstBuildMs = last.durationMs;
  });
  // A publication is a whole-site build too (mostly copied), so a large site may take minutes: waited for
  // up to as long as the first build, and never less than 5 minutes.
  const publishLimitMs = Math.max(300_000, firstBuildMs);

  const now = new Date().toISOString();
  const upcoming = await fetch(`${strapiUrl}/api/events?filters[startsAt][$gt]=${encodeURIComponent(now)}&sort=startsAt:asc&pagination[pageSize]=${ROUNDS}&fields[0]=slug&fields[1]=title`, { headers: { Authorization: `Bearer ${readToken}` } });
  if (!upcoming.ok) throw new Error(`GET /api/events: ${upcoming.status} ${await upcoming.text()}`);
  const events = ((await upcoming.json()) as { data: { documentId: string; slug: string; title: string }[] }).data;
  if (events.length < ROUNDS) throw new Error(`Only ${events.length} upcoming events to change; need ${ROUNDS}.`);

  const served: number[] = [];
  const complete: number[] = [];
  const searchMs: number[] = [];
  const requests: number[] = [];
  await step(`Publikacja → strona: zmiana tytułu wydarzenia przez API (${ROUNDS}×)`, async () => {
    for (const [round, event] of events.entries()) {
      const marker = randomBytes(4).toString('hex');
      const title = `${event.title.slice(0, 120)} – zmiana ${marker}`;
      proxy.reset();
      const started = performance.now();
      const response = await fetch(`${strapiUrl}/api/events/${event.documentId}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${fullToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ data: { title } }),
      });
      if (!response.ok) throw new Error(`PUT /api/events/${event.documentId}: ${response.status} ${await response.text()}`);
      for (;;) {
        const page = await fetch(`${web.url}/wydarzenia/${event.slug}/`);
        const html = await page.text();
        if (page.status === 200 && html.includes(marker)) break;
        if (performance.now() - started > publishLimitMs) throw new Error(`/wydarzenia/${event.slug}/ did not show the new title within ${formatMs(publishLimitMs)}.`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      served.push(performance.now() - started);
      // The build that put it live: its search index part, the rest being Astro and the CMS.
      const search = service.status().lastSuccess?.search;
      if (!search) throw new Error('The build that published the change did not report its search index.');
      searchMs.push(search.durationMs);
      await service.idle();
      complete.push(performance.now() - started);
      requests.push(proxy.traffic().requests);
      info(`runda ${round + 1}: strona po ${formatMs(served.at(-1)!)} (w tym wyszukiwarka: ${describeSearchIndex(search)}), wszystkie przebudowy gotowe po ${formatMs(complete.at(-1)!)}, ${requests.at(-1)} zapytań do CMS`);
    }
  });
  const publishMedian = median(served);
  rows.push(
    {
      label: `Publikacja → strona (mediana z ${ROUNDS})`,
      value: `${formatMs(publishMedian)} (${served.map(formatMs).join(', ')})`,
      target: '≤ 5 s',
      met: publishMedian <= TARGETS.publishMs,
    },
    { label: '  w tym indeks wyszukiwarki', value: `${formatMs(median(searchMs))} (${searchMs.map(formatMs).join(', ')})` },
    { label: 'Publikacja → wszystkie przebudowy gotowe', value: `${formatMs(median(complete))} (${complete.map(formatMs).join(', ')})` },
    { label: 'Zapytania do CMS na jedną publikację', value: requests.join(', ') },
  );
}

function printTable(): void {
  const width = Math.max(...rows.map((row) => row.label.length));
  const valueWidth = Math.max(...rows.map((row) => row.value.length));
  const note = ENTRIES === 10_000 ? '' : ' (cele ustalono dla 10 000 wpisów)';
  process.stdout.write(`\nWyniki dla ${formatCount(ENTRIES)} wpisów${note}:\n`);
  for (const row of rows) {
    const verdict = row.target ? `cel ${row.target.padEnd(8)} ${row.met ? '✔' : '✖'}` : '';
    process.stdout.write(`  ${row.label.padEnd(width)}  ${row.value.padEnd(valueWidth)}  ${verdict}\n`);
  }
}

let cleaning: Promise<void> | null = null;
/** Every cleanup runs once, even if one fails; a failure is reported, not hidden. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(`Cleanup failed: ${(error as Error).message}`));
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\nPrzerwano (${signal}) – zatrzymuję budowanie i CMS, usuwam pliki tymczasowe…`);
    interrupted.abort();
    void cleanUp().finally(() => process.exit(130));
  });
}

main()
  .then(printTable)
  .catch((error: unknown) => {
    if (rows.length > 0) printTable();
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(cleanUp);
