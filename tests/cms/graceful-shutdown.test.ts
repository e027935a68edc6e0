import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher } from '../../scripts/lib/mail-catcher.ts';
import { startSeededCms, type SeededCms } from '../../scripts/lib/seeded-cms.ts';
import { createDatabase } from '../../scripts/lib/temp-database.ts';
import { tempResources } from '../support/temp-resources.ts';
import { inDays } from './client.ts';
import { sql } from './database.ts';
import { krakowDate, nextEmail, nextIp } from './signups.ts';

/**
 * A CMS of its own (the suite's shared one must keep running): it is stopped with SIGTERM, as
 * systemd or a deployment stops it, while sign-ups are being answered.
 */
const resources = tempResources('co-shutdown-test-');
let cms: SeededCms;

beforeAll(async () => {
  const database = await createDatabase(resources.dir);
  resources.add(database.drop);
  // Sign-ups are taken only once their confirmation mail is out: a real SMTP server catches them.
  const mail = await startMailCatcher();
  resources.add(mail.close);
  cms = await startSeededCms({ tempDir: resources.dir, database: database.env, env: { IS_PROXIED: 'true', REGISTRATION_TIMED_WORK: 'false', SCHEDULED_PUBLISHING: 'false', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mail.smtpPort) } });
  resources.add(cms.stop);
}, 240_000);

afterAll(() => resources.cleanup());

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${cms.url}${path}`, { method, headers: { Authorization: `Bearer ${cms.fullToken}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('a CMS that is stopped', () => {
  it('answers every sign-up it has begun before it exits, and saves exactly those', async () => {
    const event = (await api<{ data: { documentId: string } }>('POST', '/api/events', {
      data: { title: 'Zapisy przy zatrzymaniu', description: 'Test zatrzymania CMS.', startsAt: inDays(10, 9), endsAt: inDays(10, 12), type: 'training', format: 'online', onlineUrl: 'https://meet.example.org/stop', audience: 'everyone', eventStatus: 'scheduled', registrationMode: 'site', capacity: 1000 },
    })).data;
    const consentVersion = (await api<{ data: { registrationConsentVersion: string } }>('GET', '/api/global')).data.registrationConsentVersion;
    const before = await sql(cms.env, 'SELECT count(*) AS n FROM registrations');

    /** One sign-up on a connection of its own (no keep-alive: an idle reused socket closing is not what is tested). */
    const signUp = (): Promise<string> => {
      const body = new URLSearchParams({ event: event.documentId, date: krakowDate(inDays(10, 9)), name: 'Anna Nowak', email: nextEmail('stop'), consent: 'tak', consentVersion, website: '' }).toString();
      return new Promise((resolve) => {
        const request = http.request(`${cms.url}/api/signups`, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body), Accept: 'application/json', 'X-Forwarded-For': nextIp() } }, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve(response.statusCode === 202 ? 'saved' : `status ${response.statusCode}: ${text}`));
          response.on('error', (error: NodeJS.ErrnoException) => resolve(`cut off while answering: ${error.code ?? error.message}`));
        });
        // Refused: the server no longer listens, so a proxy would send it elsewhere. Reset before
        // any answer: the request may or may not have been taken — the row count below decides.
        request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED' ? 'refused-connection' : error.code === 'ECONNRESET' ? 'reset-before-answer' : `failed: ${error.code ?? error.message}`));
        request.end(body);
      });
    };

    // A stream of sign-ups, 20 at a time; SIGTERM arrives while they are being answered.
    const outcomes: string[] = [];
    let stopped = false;
    const clients = Array.from({ length: 20 }, async () => {
      while (!stopped || outcomes.length < 400) {
        const outcome = await signUp();
        outcomes.push(outcome);
        if (outcome === 'refused-connection') return;
      }
    });
    while (outcomes.filter((o) => o === 'saved').length < 60 && outcomes.length < 300) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(outcomes.filter((o) => o === 'saved').length, `sign-ups before the stop: ${[...new Set(outcomes)].slice(0, 3).join(' | ')}`).toBeGreaterThanOrEqual(60);
    stopped = true;
    await cms.stop();
    await Promise.all(clients);

    const saved = outcomes.filter((o) => o === 'saved').length;
    expect(outcomes.filter((o) => !['saved', 'refused-connection', 'reset-before-answer'].includes(o)), 'no answer was cut off, no sign-up refused').toEqual([]);
    expect(outcomes.filter((o) => o === 'refused-connection').length, 'the stream went on past the stop').toBeGreaterThan(0);
    // Exactly the answered ones are in the database: none saved without an answer (Strapi's own
    // shutdown cut such requests off), none lost, none twice.
    const after = await sql(cms.env, 'SELECT count(*) AS n FROM registrations');
    expect(Number(after[0]!.n) - Number(before[0]!.n)).toBe(saved);
  }, 120_000);
});
