import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSite, workDirOf } from '../../scripts/build-site.ts';
import { countsFile, readCounts, ShrinkGuardError, writeCounts, type Counts } from '../../scripts/lib/build-guard.ts';
import { ROOT_DIR, SITE_DIR } from '../../scripts/lib/paths.ts';
import { paths } from '../../site/src/lib/urls';
import { minimalGlobal, stamp, startStandInCms, type StandInCms } from '../support/stand-in-cms.ts';

/**
 * The shrink guard of `npm run build` (the incident: a CMS answered 200 with zero events and the
 * build replaced a 656-file site with 500 files). Real `astro build`s against a stand-in for
 * Strapi's REST API whose events can be taken away between builds, as buildSite's callers and as
 * the CLI itself in a child process.
 */

type Entry = Record<string, unknown>;
const SITE_URL = 'https://co.krakow.pl';
const tempDir = mkdtempSync(path.join(tmpdir(), 'co-shrink-guard-'));
const global = minimalGlobal;

const event = (n: number): Entry => ({
  documentId: `e${n}`, slug: `spotkanie-${n}`, title: `Spotkanie ${n}`, description: 'Opis.', startsAt: `2030-03-0${n}T17:00:00.000Z`, endsAt: null,
  type: 'meeting', format: 'online', audience: 'residents', eventStatus: 'scheduled', room: null, venue: null, organizer: null, cover: null, accessibility: null, recurrence: null, ...stamp,
});
const events = (count: number): Entry[] => Array.from({ length: count }, (_, i) => event(i + 1));

/** What the stand-in CMS holds; the tests change it between builds. */
const content: Record<string, Entry[]> = { articles: [], guides: [], events: [], organizations: [], rooms: [], pages: [], categories: [], areas: [], 'volunteer-offers': [] };

let cms: StandInCms;
let strapiUrl: string;

// Always 200, also when a collection is empty: the answer that caused the incident.
beforeAll(async () => {
  cms = await startStandInCms({ global, collections: content });
  strapiUrl = cms.url;
});

afterAll(async () => {
  await cms?.close();
  rmSync(tempDir, { recursive: true, force: true });
});

const buildEnv = () => ({
  STRAPI_URL: strapiUrl,
  STRAPI_TOKEN: '',
  SITE_URL,
  SITE_NOW: '2026-11-24T12:00:00Z',
  // Its own cache, so these builds cannot race other test files' builds over Astro's content store.
  SITE_CACHE_DIR: path.join(tempDir, 'cache'),
});

/** Every file of a folder with its SHA-256, plus the record beside it: "byte for byte" made checkable. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else files[child] = createHash('sha256').update(readFileSync(path.join(dir, child))).digest('hex');
    }
  };
  walk('');
  files['<record>'] = existsSync(countsFile(dir)) ? readFileSync(countsFile(dir), 'utf8') : '<none>';
  return files;
}

const eventPage = (dir: string, n: number) => path.join(dir, paths.event(`spotkanie-${n}`), 'index.html');

describe('buildSite with the shrink guard', () => {
  const outDir = path.join(tempDir, 'dist');
  const guard = { limit: 0.5 };

  it('goes ahead on a first build, with no record yet, and records the counts next to the output', async () => {
    content.events = events(4);
    await buildSite(outDir, buildEnv(), { capture: true, guard });
    expect(existsSync(eventPage(outDir, 4))).toBe(true);
    expect(readCounts(countsFile(outDir))).toMatchObject({ events: 4, guides: 0 });
    expect(countsFile(outDir)).toBe(`${outDir}.counts.json`);
    expect(existsSync(path.join(outDir, path.basename(countsFile(outDir))))).toBe(false);
  }, 120_000);

  it('refuses to replace the output when the CMS answers with no events, names the collection and its drop, and leaves the output byte for byte as it was', async () => {
    const before = snapshot(outDir);
    content.events = [];
    const error = await buildSite(outDir, buildEnv(), { capture: true, guard }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ShrinkGuardError);
    expect((error as ShrinkGuardError).problems).toEqual(['events: 4 → 0 (−100 %, limit 50 %)']);
    expect((error as Error).message).toContain('events: 4 → 0 (−100 %, limit 50 %)');
    expect((error as Error).message).toMatch(/--force.*REBUILD_FORCE=true/);
    expect(snapshot(outDir)).toEqual(before);
    expect(existsSync(workDirOf(buildEnv())), 'the refused build\'s work folder is gone').toBe(false);
  }, 120_000);

  it('goes ahead when a collection shrank by less than the limit', async () => {
    content.events = events(3);
    await buildSite(outDir, buildEnv(), { capture: true, guard });
    expect(existsSync(eventPage(outDir, 3))).toBe(true);
    expect(existsSync(eventPage(outDir, 4))).toBe(false);
    expect(readCounts(countsFile(outDir))).toMatchObject({ events: 3 });
  }, 120_000);

  it('goes ahead with force, and the forced counts become the record the next build is compared with', async () => {
    content.events = [];
    await buildSite(outDir, buildEnv(), { capture: true, guard: { ...guard, force: true } });
    expect(existsSync(eventPage(outDir, 1))).toBe(false);
    expect(readCounts(countsFile(outDir))).toMatchObject({ events: 0 });
  }, 120_000);
});

describe('npm run build (the CLI) and the shrink guard', () => {
  const outDir = path.join(tempDir, 'cli-dist');

  /** Runs scripts/build-site.ts as `npm run build` does (tsx), without blocking the stand-in CMS. */
  const cli = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'build-site.ts'), ...args], {
        cwd: ROOT_DIR,
        env: { ...process.env, ...buildEnv(), SITE_OUT_DIR: outDir, REBUILD_FORCE: 'false', REBUILD_SHRINK_LIMIT: '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.once('error', reject);
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
    });

  /** An output built when the CMS had four events (as the record beside it says). */
  const previousOutput = (counts: Counts = { events: 4 }) => {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, 'index.html'), '<!doctype html><title>poprzednia wersja</title>');
    writeCounts(countsFile(outDir), counts);
  };

  beforeEach(() => {
    content.events = [];
  });

  it('exits non-zero, naming the collection, its drop and the limit from REBUILD_SHRINK_LIMIT, and keeps the previous output', async () => {
    previousOutput();
    const before = snapshot(outDir);
    const result = await cli([], { REBUILD_SHRINK_LIMIT: '0.9' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Nie zastąpiono poprzedniej wersji strony');
    expect(result.stderr).toContain('events: 4 → 0 (−100 %, limit 90 %)');
    expect(result.stderr).toContain('npm run build -- --force');
    expect(snapshot(outDir)).toEqual(before);
  }, 120_000);

  it('replaces the output with --force', async () => {
    previousOutput();
    const result = await cli(['--force']);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).not.toContain('poprzednia wersja');
    expect(readCounts(countsFile(outDir))).toMatchObject({ events: 0 });
  }, 120_000);

  it('replaces the output with REBUILD_FORCE=true', async () => {
    previousOutput();
    const result = await cli([], { REBUILD_FORCE: 'true' });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).not.toContain('poprzednia wersja');
    expect(readCounts(countsFile(outDir))).toMatchObject({ events: 0 });
  }, 120_000);

  it('refuses a REBUILD_SHRINK_LIMIT that is not a fraction, and an unknown option, before building anything', async () => {
    previousOutput();
    const before = snapshot(outDir);
    for (const limit of ['abc', '50', '-0.1']) {
      const result = await cli([], { REBUILD_SHRINK_LIMIT: limit });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`REBUILD_SHRINK_LIMIT must be a number between 0 and 1`);
      expect(result.stderr).toContain(`"${limit}"`);
      expect(result.stdout).not.toContain('Budowanie strony');
    }
    const unknown = await cli(['--froce']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Unknown option --froce');
    expect(snapshot(outDir)).toEqual(before);
  }, 60_000);
});
