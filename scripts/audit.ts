/**
 * npm run audit — Lighthouse 12 in Debian's Chromium on the seed site, and the weight of every
 * page, each printed beside its budget. Starts its own CMS on a temp database, builds the site
 * for the address it serves it at, stops the CMS and audits the static output. Exits with 1 when
 * a budget is missed. Full Lighthouse reports go to tests/.reports/ (git-ignored).
 *
 * Each page is audited LIGHTHOUSE_RUNS times (default 3) after one discarded warm-up run, and
 * the median run (Lighthouse's own choice, by FCP and TTI) is the one judged: a single run on a
 * shared CI machine swings the performance score by ten points (Total Blocking Time above all).
 *
 * CHROMIUM_PATH (default /usr/bin/chromium), LIGHTHOUSE_RUNS (default 3).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type RunnerResult } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { buildSite } from './build-site.ts';
import { assertChromium, CHROMIUM_FLAGS, CHROMIUM_PATH } from './lib/chromium.ts';
import { freePort } from './lib/cms.ts';
import { info, step } from './lib/log.ts';
import { htmlPages, pageWeight } from './lib/page-weight.ts';
import { ROOT_DIR } from './lib/paths.ts';
import { startSeededCms } from './lib/seeded-cms.ts';
import { startStaticServer } from './lib/static-server.ts';

const REPORT_DIR = path.join(ROOT_DIR, 'tests', '.reports');

/** Lighthouse category scores (0–100) each page must reach. */
const SCORE_BUDGET = { performance: 95, accessibility: 100, 'best-practices': 95, seo: 100 } as const;
type Category = keyof typeof SCORE_BUDGET;
const CATEGORY_LABEL: Record<Category, string> = { performance: 'Wydajność', accessibility: 'Dostępność', 'best-practices': 'Dobre praktyki', seo: 'SEO' };
/** Gzipped bytes per page: HTML with its CSS, and JavaScript (the search pages are exempt). */
const WEIGHT_BUDGET = { htmlCss: 60 * 1024, js: 10 * 1024 };
// Every language has one (/szukaj/, /uk/szukaj/, /en/szukaj/).
const SEARCH_PAGE = /^\/((uk|en)\/)?szukaj\//;
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`LIGHTHOUSE_RUNS must be a whole number ≥ 1, got ${process.env.LIGHTHOUSE_RUNS}`);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const fileOf = (dir: string, urlPath: string) => path.join(dir, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);

/**
 * The pages Lighthouse audits: the home page and, for each other template, its heaviest page (the
 * one most likely to miss a budget), so the choice follows the content rather than a fixed slug.
 */
function auditedPages(dir: string, pages: string[]): Record<string, string> {
  const heaviest = (pattern: RegExp) => {
    const matching = pages.filter((p) => pattern.test(p));
    if (matching.length === 0) throw new Error(`The build has no page matching ${pattern}`);
    return matching.sort((a, b) => statSync(fileOf(dir, b)).size - statSync(fileOf(dir, a)).size)[0]!;
  };
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit' }).format(new Date()).split('-');
  return {
    'strona główna': '/',
    poradnik: heaviest(/^\/baza-wiedzy\/[^/]+\/[^/]+\/$/),
    wydarzenie: heaviest(/^\/wydarzenia\/(?!rodzaj\/|dla\/|archiwum\/|\d{4}\/)[^/]+\/$/),
    'kalendarz miesiąca': `/wydarzenia/${year}/${month}/`,
    organizacja: heaviest(/^\/organizacje\/(?!obszar\/|dzielnica\/)[^/]+\/$/),
  };
}

async function main(): Promise<number> {
  assertChromium();
  const tempDir = mkdtempSync(path.join(tmpdir(), 'co-audit-'));
  const cleanups: (() => Promise<unknown>)[] = [async () => rmSync(tempDir, { recursive: true, force: true })];
  try {
    const dir = path.join(tempDir, 'dist');
    const port = await freePort();
    const siteUrl = `http://127.0.0.1:${port}`;
    const cms = await step('CMS z przykładowymi treściami', () => startSeededCms({ tempDir, env: { SCHEDULED_PUBLISHING: 'false' } }));
    cleanups.push(cms.stop);
    // Built for the address it is served at, so canonical links and the sitemap are what a real host would have.
    await step('Budowanie strony', () => buildSite(dir, { STRAPI_URL: cms.url, STRAPI_TOKEN: cms.readToken, SITE_URL: siteUrl, SITE_CACHE_DIR: path.join(tempDir, 'cache') }, { capture: true }));
    await cms.stop();
    const server = await startStaticServer({ port, root: () => dir });
    cleanups.push(server.close);

    const failures: string[] = [];
    const pages = htmlPages(dir).sort();

    // Weights of every page, not only the audited ones.
    const weights = pages.map((urlPath) => ({ urlPath, ...pageWeight(dir, fileOf(dir, urlPath)) }));
    const heaviestHtml = [...weights].sort((a, b) => b.htmlCss - a.htmlCss)[0]!;
    const scripted = weights.filter((w) => !SEARCH_PAGE.test(w.urlPath));
    const heaviestJs = [...scripted].sort((a, b) => b.js - a.js)[0]!;
    for (const w of weights) if (w.htmlCss > WEIGHT_BUDGET.htmlCss) failures.push(`${w.urlPath}: HTML+CSS ${kb(w.htmlCss)} > ${kb(WEIGHT_BUDGET.htmlCss)}`);
    for (const w of scripted) if (w.js > WEIGHT_BUDGET.js) failures.push(`${w.urlPath}: JS ${kb(w.js)} > ${kb(WEIGHT_BUDGET.js)}`);
    process.stdout.write(`\nWaga stron (gzip), ${pages.length} stron:\n`);
    info(`najcięższa HTML+CSS: ${kb(heaviestHtml.htmlCss).padStart(8)}  budżet ≤ ${kb(WEIGHT_BUDGET.htmlCss)}  ${heaviestHtml.htmlCss <= WEIGHT_BUDGET.htmlCss ? '✔' : '✖'}  (${heaviestHtml.urlPath})`);
    info(`najwięcej JS:        ${kb(heaviestJs.js).padStart(8)}  budżet ≤ ${kb(WEIGHT_BUDGET.js)}  ${heaviestJs.js <= WEIGHT_BUDGET.js ? '✔' : '✖'}  (${heaviestJs.urlPath}; strona wyszukiwania poza budżetem)`);

    mkdirSync(REPORT_DIR, { recursive: true });
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
    cleanups.push(async () => chrome.kill());
    const audit = async (urlPath: string): Promise<RunnerResult> => {
      const run = await lighthouse(`${siteUrl}${urlPath}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(SCORE_BUDGET) });
      if (!run) throw new Error(`Lighthouse returned nothing for ${urlPath}`);
      if (run.lhr.runtimeError) throw new Error(`Lighthouse failed on ${urlPath}: ${run.lhr.runtimeError.message}`);
      return run;
    };
    // A fresh browser's first page load is slower than any later one; it says nothing about the site.
    await step('Lighthouse: rozgrzewka przeglądarki', () => audit('/'));
    const rows: string[][] = [];
    for (const [name, urlPath] of Object.entries(auditedPages(dir, pages))) {
      const result = await step(`Lighthouse: ${name} (${urlPath}), ${RUNS}×`, async () => {
        const runs: RunnerResult[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await audit(urlPath));
        const median = computeMedianRun(runs.map((run) => run.lhr));
        info(`wydajność w kolejnych przebiegach: ${runs.map((run) => Math.round((run.lhr.categories.performance?.score ?? 0) * 100)).join(', ')}; mediana: ${Math.round((median.categories.performance?.score ?? 0) * 100)}`);
        return runs.find((run) => run.lhr === median)!;
      });
      writeFileSync(path.join(REPORT_DIR, `lighthouse-${name.replace(/\s+/g, '-')}.json`), result.report as string);
      const weight = weights.find((w) => w.urlPath === urlPath)!;
      const cells = (Object.keys(SCORE_BUDGET) as Category[]).map((category) => {
        const score = Math.round((result.lhr.categories[category]?.score ?? 0) * 100);
        const ok = score >= SCORE_BUDGET[category];
        if (!ok) {
          const failed = Object.values(result.lhr.audits).filter((a) => a.score !== null && a.score < 1 && result.lhr.categories[category]!.auditRefs.some((r) => r.id === a.id && r.weight > 0));
          failures.push(`${urlPath}: ${CATEGORY_LABEL[category]} ${score} < ${SCORE_BUDGET[category]} (${failed.map((a) => `${a.id}: ${a.title}`).join('; ')})`);
        }
        return `${score} ${ok ? '✔' : '✖'}`;
      });
      rows.push([`${name} ${urlPath}`, ...cells, kb(weight.htmlCss), kb(weight.js)]);
    }

    const header = ['Strona', ...(Object.keys(SCORE_BUDGET) as Category[]).map((c) => CATEGORY_LABEL[c]), 'HTML+CSS', 'JS'];
    const budget = ['budżet', ...(Object.keys(SCORE_BUDGET) as Category[]).map((c) => (SCORE_BUDGET[c] === 100 ? '100' : `≥ ${SCORE_BUDGET[c]}`)), `≤ ${kb(WEIGHT_BUDGET.htmlCss)}`, `≤ ${kb(WEIGHT_BUDGET.js)}`];
    const table = [header, budget, ...rows];
    const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
    process.stdout.write(`\nLighthouse ${'(mobile, symulowane dławienie)'}:\n`);
    for (const row of table) process.stdout.write(`  ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}\n`);
    process.stdout.write(`Raporty: ${path.relative(process.cwd(), REPORT_DIR)}/\n`);

    if (failures.length > 0) {
      process.stdout.write(`\n✖ Budżety niespełnione (${failures.length}):\n  ${failures.join('\n  ')}\n`);
      return 1;
    }
    process.stdout.write('\n✔ Wszystkie budżety spełnione.\n');
    return 0;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(`Cleanup failed: ${(error as Error).message}`));
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
