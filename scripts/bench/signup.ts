/**
 * npm run bench:signup — how many sign-ups per second the CMS takes, and how fast it answers, with
 * 50 clients at once, on real processes: a Strapi with the seed on a temporary database (SQLite,
 * then PostgreSQL when BENCH_DATABASE_ADMIN_URL or TEST_DATABASE_ADMIN_URL names a server where it
 * may create databases), a real SMTP server catching the confirmation mails every sign-up sends.
 * Each client has its own address (as behind the proxy) and e-mail. Then 500 sign-ups at once for
 * 20 seats: how many seats were overbooked. Prints each figure beside its target.
 * BENCH_SIGNUPS (default 2,000) and BENCH_CLIENTS (50) change the load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatMs, info, step } from '../lib/log.ts';
import { startMailCatcher } from '../lib/mail-catcher.ts';
import { startSeededCms, type SeededCms } from '../lib/seeded-cms.ts';
import { createDatabase } from '../lib/temp-database.ts';

const SIGNUPS = Number(process.env.BENCH_SIGNUPS ?? 2000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const TARGETS = { perSecond: 200, p95Ms: 100, overbooked: 0 };
/** BENCH_CPU_PROF=<dir>: CPU profiles of the CMS processes, to open in Chrome's DevTools. */
const CPU_PROF = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;
const PG_ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? process.env.TEST_DATABASE_ADMIN_URL ?? '';

const tempDir = mkdtempSync(path.join(tmpdir(), 'co-bench-signup-'));
const cleanups: (() => Promise<void>)[] = [async () => rmSync(tempDir, { recursive: true, force: true })];

interface Figures {
  database: string;
  perSecond: number;
  p50: number;
  p95: number;
  failed: number;
  overbooked: number;
  seatsHeld: number;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const day = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date(iso));

/** The consent version the site's sign-up forms carry now: the CMS refuses any other. */
async function consentVersion(cms: SeededCms): Promise<string> {
  const response = await fetch(`${cms.url}/api/global`);
  const version = response.ok ? ((await response.json()) as { data?: { registrationConsentVersion?: unknown } }).data?.registrationConsentVersion : undefined;
  if (typeof version !== 'string') throw new Error(`The benchmark CMS has no sign-up consent version in its settings (GET /api/global answered ${response.status}).`);
  return version;
}

async function createEvent(cms: SeededCms, capacity: number): Promise<{ documentId: string; date: string; consentVersion: string }> {
  const startsAt = new Date(Date.now() + 10 * 86_400_000);
  startsAt.setUTCHours(9, 0, 0, 0);
  const response = await fetch(`${cms.url}/api/events`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${cms.fullToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      data: {
        title: `Benchmark zapisów (${capacity} miejsc)`,
        description: 'Wydarzenie benchmarku.',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        type: 'training',
        format: 'online',
        onlineUrl: 'https://meet.example.org/benchmark',
        registrationMode: 'site',
        capacity,
      },
    }),
  });
  if (response.status !== 201) throw new Error(`Creating the benchmark event failed: ${response.status} ${await response.text()}`);
  const { data } = (await response.json()) as { data: { documentId: string } };
  return { documentId: data.documentId, date: day(startsAt.toISOString()), consentVersion: await consentVersion(cms) };
}

let client = 0;
async function signUp(cms: SeededCms, event: { documentId: string; date: string; consentVersion: string }): Promise<{ ms: number; result: string }> {
  client += 1;
  const body = new URLSearchParams({ event: event.documentId, unit: event.date, name: 'Osoba Testowa', email: `bench.${client}@example.org`, consent: 'tak', consentVersion: event.consentVersion, website: '' });
  const started = performance.now();
  const response = await fetch(`${cms.url}/api/signups`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'X-Forwarded-For': `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}` },
    body,
  });
  const { result } = (await response.json()) as { result: string };
  return { ms: performance.now() - started, result };
}

/** `count` calls of `work`, `concurrency` at a time. */
async function pool<T>(count: number, concurrency: number, work: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      next += 1;
      results.push(await work());
    }
  }));
  return results;
}

async function measure(database: 'sqlite' | 'postgres'): Promise<Figures> {
  const db = await createDatabase(tempDir, database);
  cleanups.push(db.drop);
  const mail = await startMailCatcher({ parse: false });
  cleanups.push(mail.close);
  const cms = await step(`CMS na ${database === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (kompilacja, baza, start)`, () =>
    startSeededCms({
      tempDir: mkdtempSync(path.join(tempDir, `${database}-`)),
      database: db.env,
      env: {
        SCHEDULED_PUBLISHING: 'false',
        REGISTRATION_TIMED_WORK: 'false',
        IS_PROXIED: 'true',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(mail.smtpPort),
        REGISTRATION_RATE_LIMIT_IP: '1000',
        ...(CPU_PROF ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${CPU_PROF}` } : {}),
      },
    }),
  );
  cleanups.push(cms.stop);

  const roomy = await createEvent(cms, SIGNUPS + 100);
  // A short warm-up, so the first requests do not measure Strapi's cold caches.
  await pool(50, 10, () => signUp(cms, roomy));
  const started = performance.now();
  const runs = await step(`${SIGNUPS.toLocaleString('en-US')} zapisów, ${CLIENTS} klientów naraz`, () => pool(SIGNUPS, CLIENTS, () => signUp(cms, roomy)));
  const seconds = (performance.now() - started) / 1000;
  const times = runs.map((run) => run.ms).sort((a, b) => a - b);

  const tight = await createEvent(cms, 20);
  const rush = await step('500 zapisów naraz na 20 miejsc', () => Promise.all(Array.from({ length: 500 }, () => signUp(cms, tight))));
  const seats = await fetch(`${cms.url}/api/signups/seats/${tight.documentId}`);
  const { data } = (await seats.json()) as { data: { units: { seatsLeft: number; capacity: number }[] } };
  const accepted = rush.filter((run) => run.result === 'check_email').length;
  const seatsHeld = data.units[0]!.capacity - data.units[0]!.seatsLeft;
  await cms.stop();
  return {
    database: database === 'sqlite' ? 'SQLite' : 'PostgreSQL',
    perSecond: runs.filter((run) => run.result === 'check_email').length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    failed: runs.filter((run) => run.result !== 'check_email').length,
    // Accepted beyond the 20 seats; the seats-left figure can only show up to capacity, so the answers count.
    overbooked: Math.max(0, accepted - 20, seatsHeld - 20),
    seatsHeld: accepted,
  };
}

async function main(): Promise<void> {
  const figures = [await measure('sqlite')];
  if (PG_ADMIN_URL) {
    process.env.TEST_DATABASE_ADMIN_URL = PG_ADMIN_URL;
    figures.push(await measure('postgres'));
  } else {
    info('PostgreSQL pominięty: ustaw BENCH_DATABASE_ADMIN_URL (lub TEST_DATABASE_ADMIN_URL) na serwer, na którym benchmark może tworzyć bazy.');
  }
  const mark = (ok: boolean) => (ok ? '✔' : '✖');
  console.log(`\n${'baza'.padEnd(12)}${'zapisy/s (≥ 200)'.padEnd(22)}${'p50'.padEnd(10)}${'p95 (≤ 100 ms)'.padEnd(20)}${'nadmiar miejsc (0)'.padEnd(22)}błędy`);
  for (const f of figures) {
    console.log(
      `${f.database.padEnd(12)}${`${f.perSecond.toFixed(0)} ${mark(f.perSecond >= TARGETS.perSecond)}`.padEnd(22)}${formatMs(f.p50).padEnd(10)}${`${formatMs(f.p95)} ${mark(f.p95 <= TARGETS.p95Ms)}`.padEnd(20)}${`${f.overbooked} ${mark(f.overbooked === TARGETS.overbooked)} (${f.seatsHeld} z 500 przyjętych)`.padEnd(22)}${f.failed}`,
    );
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.error(`Cleaning up failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  });
