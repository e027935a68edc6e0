import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, stopProcess, waitForStrapi } from '../../scripts/lib/cms.ts';
import { startMailCatcher, type MailCatcher } from '../../scripts/lib/mail-catcher.ts';
import { ROOT_DIR } from '../../scripts/lib/paths.ts';
import { WEBHOOK_NAME } from '../../cms/src/publishing/rebuild-webhook';
import { startSeededCms, type SeededCms } from '../../scripts/lib/seeded-cms.ts';
import { createDatabase } from '../../scripts/lib/temp-database.ts';
import { tempResources } from '../support/temp-resources.ts';
import { cms as suiteCms, inDays } from './client.ts';
import { sql } from './database.ts';
import { krakowDate, nextEmail } from './signups.ts';

/**
 * Two CMS instances on one PostgreSQL database behind nginx with the project's own proxy settings
 * (scripts/deploy/nginx-cms-proxy.conf): what the README's "several instances" promises. Runs in
 * the PostgreSQL suite, where nginx is installed (CI installs Debian's).
 */
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
const hasNginx = spawnSync(NGINX, ['-v']).status === 0;
const onPostgres = suiteCms().env.DATABASE_CLIENT === 'postgres';
// CI installs nginx: there a missing one is a broken setup, not a reason to skip.
if (onPostgres && !hasNginx && process.env.CI) throw new Error('nginx is not installed: .ci/run installs Debian\'s nginx for this test.');
const canRun = onPostgres && hasNginx;
const resources = tempResources('co-instances-test-');

interface Instance {
  port: number;
  process: ChildProcess;
  output: string;
}

let first: SeededCms;
let second: Instance;
let mail: MailCatcher;
let proxy: string;
let proxyDir: string;
let env: Record<string, string>;
let webhooksAfterStart: number;
/** The rebuild webhook's calls, as the rebuild service would get them. */
const webhookCalls: { event: string; documentId?: string }[] = [];

/**
 * What systemd would run for scripts/deploy/centrum-cms@<port>.service: its working directory,
 * environment and command, with /srv/centrum standing for this checkout.
 */
function unitCommand(port: number): { cwd: string; env: Record<string, string>; command: string; args: string[]; stopSeconds: number } {
  const lines = readFileSync(path.join(ROOT_DIR, 'scripts', 'deploy', 'centrum-cms@.service'), 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  const value = (key: string) => lines.filter((line) => line.startsWith(`${key}=`)).map((line) => line.slice(key.length + 1).replaceAll('/srv/centrum', ROOT_DIR).replaceAll('%i', String(port)));
  const [command, ...args] = value('ExecStart')[0]!.split(/\s+/);
  const unitEnv = Object.fromEntries(value('Environment').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
  expect(value('KillSignal')).toEqual(['SIGTERM']);
  return { cwd: value('WorkingDirectory')[0]!, env: unitEnv, command: command!, args, stopSeconds: Number(value('TimeoutStopSec')[0]) };
}

async function startInstance(port: number): Promise<Instance> {
  const unit = unitCommand(port);
  // The test's settings stand for cms/.env (which Strapi reads but never lets override the environment); the unit's own win.
  const child = spawn(unit.command, unit.args, { cwd: unit.cwd, env: { ...process.env, ...env, ...unit.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const instance: Instance = { port, process: child, output: '' };
  const keep = (chunk: Buffer) => (instance.output = (instance.output + chunk).slice(-20_000));
  instance.process.stdout?.on('data', keep);
  instance.process.stderr?.on('data', keep);
  try {
    await waitForStrapi(`http://127.0.0.1:${port}`, instance.process);
  } catch (error) {
    await stopProcess(instance.process);
    throw new Error(`${(error as Error).message}\n${instance.output}`, { cause: error });
  }
  return instance;
}

beforeAll(async () => {
  if (!canRun) return;
  const database = await createDatabase(resources.dir, 'postgres');
  resources.add(database.drop);
  mail = await startMailCatcher();
  resources.add(mail.close);
  const webhook = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const payload = JSON.parse(body || '{}') as { event?: string; entry?: { documentId?: string } };
      webhookCalls.push({ event: payload.event ?? '', documentId: payload.entry?.documentId });
      response.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  resources.add(() => new Promise((resolve) => webhook.close(resolve)));

  const settings = {
    IS_PROXIED: 'true',
    PROXY_MAX_IPS: '1',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mail.smtpPort),
    // Every request comes from nginx's one address here: the per-address limit is what is tested.
    REGISTRATION_RATE_LIMIT_IP: '100000',
    REGISTRATION_RATE_LIMIT_EMAIL: '5',
    // Both instances run the periodic work every two seconds, at the same moments.
    SCHEDULED_PUBLISHING_CRON: '*/2 * * * * *',
    REGISTRATION_CRON: '*/2 * * * * *',
    REBUILD_WEBHOOK_URL: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/webhook`,
    REBUILD_SECRET: 'instances-test-secret-0123456789',
    SHUTDOWN_GRACE_SECONDS: '10',
  };
  first = await startSeededCms({ tempDir: resources.dir, database: database.env, env: settings });
  resources.add(first.stop);
  env = first.env;
  // A second copy of the managed webhook, as two instances starting together once made: the
  // instance that starts next removes it, or every change would reach the rebuild service twice.
  await sql(env, 'INSERT INTO strapi_webhooks (name, url, headers, events, enabled) SELECT name, url, headers, events, enabled FROM strapi_webhooks WHERE name = ?', [WEBHOOK_NAME]);
  second = await startInstance(await freePort());
  resources.add(() => stopProcess(second.process));
  webhooksAfterStart = Number((await sql(env, 'SELECT count(*)::int AS n FROM strapi_webhooks WHERE name = ?', [WEBHOOK_NAME]))[0]!.n);

  // nginx with the project's proxy settings in front of both.
  proxyDir = path.join(resources.dir, 'nginx');
  const proxyPort = await freePort();
  spawnSync('mkdir', ['-p', proxyDir]);
  writeFileSync(
    path.join(proxyDir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${proxyDir}/nginx.pid;
error_log ${proxyDir}/error.log warn;
events { worker_connections 1024; }
http {
  log_format upstreams '$upstream_addr $status';
  access_log ${proxyDir}/access.log upstreams;
  client_body_temp_path ${proxyDir}/body;
  proxy_temp_path ${proxyDir}/proxy;
  fastcgi_temp_path ${proxyDir}/fastcgi;
  uwsgi_temp_path ${proxyDir}/uwsgi;
  scgi_temp_path ${proxyDir}/scgi;
  upstream centrum_cms {
    server 127.0.0.1:${new URL(first.url).port} max_fails=1 fail_timeout=5s;
    server 127.0.0.1:${second.port} max_fails=1 fail_timeout=5s;
  }
  server {
    listen 127.0.0.1:${proxyPort};
    include ${path.join(ROOT_DIR, 'scripts', 'deploy', 'nginx-cms-proxy.conf')};
  }
}
`,
  );
  const nginx = spawn(NGINX, ['-p', proxyDir, '-c', path.join(proxyDir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let nginxErrors = '';
  nginx.stderr.on('data', (chunk: Buffer) => (nginxErrors += chunk.toString()));
  resources.add(() => stopProcess(nginx));
  proxy = `http://127.0.0.1:${proxyPort}`;
  for (let i = 0; ; i += 1) {
    if (nginx.exitCode !== null) throw new Error(`nginx did not start: ${nginxErrors}`);
    const ok = await fetch(`${proxy}/_health`).then((r) => r.status === 204, () => false);
    if (ok) break;
    if (i > 100) throw new Error(`nginx did not answer: ${nginxErrors}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 300_000);

afterAll(() => resources.cleanup());

const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${proxy}${path}`, { method, headers: { Authorization: `Bearer ${first.fullToken}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

async function createEvent(data: Record<string, unknown>): Promise<string> {
  const { data: event } = await api<{ data: { documentId: string } }>('POST', '/api/events', {
    data: { title: `Dwie instancje ${Date.now().toString(36)}`, description: 'Test dwóch instancji CMS.', startsAt: inDays(10, 9), endsAt: inDays(10, 12), type: 'training', format: 'online', onlineUrl: 'https://meet.example.org/dwie', audience: 'everyone', eventStatus: 'scheduled', registrationMode: 'site', ...data },
  });
  return event.documentId;
}

/** One sign-up through nginx on a connection of its own; the answer's result, or what went wrong. */
async function signUp(event: string, date: string, email = nextEmail('dwie')): Promise<{ email: string; result: string }> {
  const consentVersion = (await api<{ data: { registrationConsentVersion: string } }>('GET', '/api/global')).data.registrationConsentVersion;
  const body = new URLSearchParams({ event, date, name: 'Anna Nowak', email, consent: 'tak', consentVersion, website: '' }).toString();
  return new Promise((resolve) => {
    const request = http.request(`${proxy}/api/signups`, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body), Accept: 'application/json' } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => {
        try {
          resolve({ email, result: (JSON.parse(text) as { result: string }).result ?? `status ${response.statusCode}` });
        } catch {
          resolve({ email, result: `status ${response.statusCode}: ${text.slice(0, 80)}` });
        }
      });
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ email, result: `failed: ${error.code ?? error.message}` }));
    request.end(body);
  });
}

const upstreamsUsed = (): Set<string> => new Set(readFileSync(path.join(proxyDir, 'access.log'), 'utf8').split('\n').filter(Boolean).map((line) => line.split(' ')[0]!));

describe.skipIf(!canRun)('two CMS instances on one PostgreSQL behind nginx', () => {
  it('keep one rebuild webhook: an instance that starts removes a second copy', () => {
    expect(webhooksAfterStart).toBe(1);
  });

  it('give 20 seats to exactly 20 of 300 simultaneous sign-ups spread over both', async () => {
    const event = await createEvent({ capacity: 20, waitlist: false });
    const date = krakowDate(inDays(10, 9));
    const answers = await Promise.all(Array.from({ length: 300 }, () => signUp(event, date)));
    const results = answers.map((a) => a.result);
    expect(results.filter((r) => r === 'check_email'), [...new Set(results)].join(', ')).toHaveLength(20);
    expect(results.filter((r) => r === 'full')).toHaveLength(280);
    const stored = await sql(env, 'SELECT email, holds_seat FROM registrations WHERE event_document_id = ?', [event]);
    expect(stored).toHaveLength(20);
    expect(new Set(stored.map((r) => r.email)).size).toBe(20);
    expect(stored.map((r) => String(r.email)).sort()).toEqual(answers.filter((a) => a.result === 'check_email').map((a) => a.email).sort());
    // nginx spread them: both instances answered.
    expect([...upstreamsUsed()].filter((u) => u.startsWith('127.0.0.1:')).length).toBe(2);
  }, 120_000);

  it('count an address\'s sign-ups across both instances: 10 tries, 5 allowed', async () => {
    const event = await createEvent({ capacity: 100 });
    const email = nextEmail('limit');
    const results: string[] = [];
    // One after another, so round robin alternates between the instances.
    for (let i = 0; i < 10; i += 1) results.push((await signUp(event, krakowDate(inDays(10, 9)), email)).result);
    expect(results.filter((r) => r === 'rate_limited'), results.join(', ')).toHaveLength(5);
  });

  it('run scheduled publishing once per tick: one publication, one webhook call, whichever instance', async () => {
    const publishAt = new Date(Date.now() + 3000).toISOString();
    const { data } = await api<{ data: { documentId: string } }>('POST', '/api/guides?status=draft', {
      data: { title: `Poradnik o czasie ${Date.now().toString(36)}`, summary: 'Opublikowany przez jedną z dwóch instancji.', body: 'Treść.', publishAt },
    });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !webhookCalls.some((c) => c.event === 'entry.publish' && c.documentId === data.documentId)) await new Promise((resolve) => setTimeout(resolve, 200));
    // Three more ticks of both instances.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    expect(webhookCalls.filter((c) => c.event === 'entry.publish' && c.documentId === data.documentId)).toHaveLength(1);
    const rows = await sql(env, 'SELECT count(*)::int AS n FROM guides WHERE document_id = ? AND published_at IS NOT NULL', [data.documentId]);
    expect(rows[0]!.n).toBe(1);
  }, 60_000);

  it('send a reminder once, though both instances run the sign-ups\' periodic work at the same moments', async () => {
    const startsAt = new Date(Date.now() + 20 * 3_600_000);
    startsAt.setUTCSeconds(0, 0);
    const event = await createEvent({ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(), capacity: 5 });
    const email = nextEmail('przypomnienie');
    expect((await signUp(event, krakowDate(startsAt.toISOString()), email)).result).toBe('check_email');
    const request = await mail.waitFor((m) => m.to.includes(email) && /^Potwierdź zapis/.test(m.subject), 10_000);
    const token = new URL(request.links.find((link) => link.includes('/api/signups/confirm?token='))!).searchParams.get('token')!;
    const confirm = await fetch(`${proxy}/api/signups/confirm`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: new URLSearchParams({ token }) });
    expect(((await confirm.json()) as { result: string }).result).toBe('confirmed');
    await mail.waitFor((m) => m.to.includes(email) && /^Przypomnienie/.test(m.subject), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 6000));
    expect(mail.mails.filter((m) => m.to.includes(email) && /^Przypomnienie/.test(m.subject))).toHaveLength(1);
  }, 60_000);

  it('lose and duplicate no sign-up while one instance restarts in the middle of a stream', async () => {
    const event = await createEvent({ capacity: 5000 });
    const date = krakowDate(inDays(10, 9));
    const answers: { email: string; result: string }[] = [];
    let streaming = true;
    const clients = Array.from({ length: 8 }, async () => {
      while (streaming) answers.push(await signUp(event, date));
    });
    const waitForAnswers = async (n: number) => {
      while (answers.length < n) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await waitForAnswers(40);
    // As systemd stops it: SIGTERM, and SIGKILL only after the unit's TimeoutStopSec.
    const stopped = second.process;
    await stopProcess(stopped, unitCommand(second.port).stopSeconds * 1000);
    expect(stopped.signalCode, 'the instance exited by itself within TimeoutStopSec').not.toBe('SIGKILL');
    const duringStop = answers.length;
    await waitForAnswers(duringStop + 40);
    second = await startInstance(second.port);
    const restarted = answers.length;
    await waitForAnswers(restarted + 80);
    streaming = false;
    await Promise.all(clients);

    const stored = await sql(env, 'SELECT email FROM registrations WHERE event_document_id = ?', [event]);
    const accepted = answers.filter((a) => a.result === 'check_email').map((a) => a.email).sort();
    // A connection the stopping instance's kernel had queued when its listener closed is reset after
    // nginx sent the request, and a POST is never sent twice: that visitor gets 502 and sends the form
    // again. Nothing of such a request may be stored, and it stays rare.
    const refused = answers.filter((a) => a.result !== 'check_email');
    expect(refused.filter((a) => !a.result.startsWith('status 502')), 'every other sign-up was answered as taken').toEqual([]);
    const proxyErrors = readFileSync(path.join(proxyDir, 'error.log'), 'utf8').split('\n').filter((line) => !line.includes('Connection refused')).slice(-5).join('\n');
    expect(refused.length, `at most the few queued when the listener closed; nginx said:\n${proxyErrors}`).toBeLessThanOrEqual(3);
    expect(stored.map((r) => String(r.email)).sort(), 'exactly the accepted ones are stored, each once; none that got 502').toEqual(accepted);
    expect(accepted.length).toBeGreaterThanOrEqual(160);
    // The stream did reach the stopped instance: nginx found it refusing and sent those requests on.
    expect(readFileSync(path.join(proxyDir, 'error.log'), 'utf8')).toMatch(new RegExp(`connect\\(\\) failed \\(111: Connection refused\\).*127\\.0\\.0\\.1:${second.port}`));
  }, 180_000);
});
