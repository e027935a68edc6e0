import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRebuildService, type BuildRecord, type RebuildService } from '../../scripts/lib/rebuild-service.ts';
import { createReleaseStore, type ReleaseStore } from '../../scripts/lib/releases.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { paths } from '../../site/src/lib/urls';
import { searchIndex } from '../support/site-output.ts';
import { call, cms, inDays, listAll } from './client.ts';
import { consentVersion, linkIn, mailTo, nextEmail, post, registrationsOf, signUp, tokenOf } from './signups.ts';
import { createdEntries, deleteCreatedPanelData, eventForm, organization, request, signIn } from './org-panel.ts';

/**
 * The publishing loop on real processes: the test Strapi calls its managed webhook, the rebuild
 * service builds the real site into a release and switches it live, a real HTTP server serves it.
 */

type Doc = { documentId: string; slug: string; title: string };

const tempDir = mkdtempSync(path.join(tmpdir(), 'co-rebuild-test-'));
const closers: (() => Promise<void>)[] = [];
let releases: ReleaseStore;
let service: RebuildService;
let web: StaticServer;
const created: string[] = [];

const get = (urlPath: string) => fetch(`${web.url}${urlPath}`).then(async (response) => ({ status: response.status, text: await response.text() }));

/** Polls a page until it answers `status`. */
async function firstServed(urlPath: string, status: number): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if ((await get(urlPath)).status === status) return;
    if (Date.now() > deadline) throw new Error(`${urlPath} did not answer ${status} within 90 s: ${JSON.stringify(service.status().lastBuild)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The builds since `count` builds had run. */
const buildsSince = (count: number): BuildRecord[] => service.status().recent.slice(-(service.status().builds - count));

interface Webhook {
  event?: string;
  uid?: string;
  entry?: Record<string, unknown> | null;
}

/** Every webhook body the CMS sent, as it arrived. */
const webhooks: Webhook[] = [];

/**
 * Stands on the port the CMS's webhook calls (cms().rebuildPort), keeps each body and hands the
 * call on, unchanged, to the rebuild service on `target`: the tests see what leaves the CMS.
 */
async function recordWebhooks(port: number, target: number): Promise<() => Promise<void>> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      try {
        webhooks.push(JSON.parse(body.toString('utf8')) as Webhook);
      } catch {
        // Not JSON: the rebuild service answers it as it would any such call.
      }
      const forward = http.request({ host: '127.0.0.1', port: target, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** The webhook the CMS sent for `event` on this entry; Strapi sends it after the commit, so it is waited for. */
async function webhookFor(event: string, uid: string, documentId: string): Promise<Webhook> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = webhooks.find((hook) => hook.event === event && hook.uid === uid && hook.entry?.documentId === documentId);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No ${event} webhook for ${uid} ${documentId}; got: ${webhooks.map((hook) => `${hook.event} ${hook.uid}`).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Keys Strapi gives every entry; all an entry with personal data may carry out of the CMS. */
const SYSTEM_KEYS = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale'];

/** The webhook names its entry by ids and times only, and none of the given personal values appears anywhere in it. */
function expectIdsOnly(hook: Webhook, personal: string[]): void {
  expect(Object.keys(hook.entry ?? {}).filter((key) => !SYSTEM_KEYS.includes(key)), JSON.stringify(hook)).toEqual([]);
  const text = JSON.stringify(hook);
  for (const value of personal) expect(text, value).not.toContain(value);
}


async function createEvent(title: string, publish = true, fields: Record<string, unknown> = {}): Promise<Doc> {
  const response = await call<{ data: Doc }>('POST', `/api/events${publish ? '' : '?status=draft'}`, {
    auth: 'full',
    body: { data: { title, description: 'Wydarzenie z testu publikacji.', startsAt: inDays(3), endsAt: inDays(3, 19), type: 'meeting', format: 'online', onlineUrl: 'https://meet.example.org/test', audience: 'everyone', eventStatus: 'scheduled', ...fields } },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  created.push(response.body.data.documentId);
  return response.body.data;
}

deleteCreatedPanelData();

beforeAll(async () => {
  releases = createReleaseStore(path.join(tempDir, 'site'));
  service = createRebuildService({ strapiUrl: cms().url, token: cms().readToken, siteUrl: 'https://co.krakow.pl', secret: cms().rebuildSecret, releases, debounceMs: 400, log: () => {} });
  closers.push(() => service.close());
  // The service listens on a port of its own; the CMS's webhook reaches it through the recorder.
  const api = await service.listen(0);
  closers.push(api.close);
  closers.push(await recordWebhooks(cms().rebuildPort, Number(new URL(api.url).port)));
  web = await startStaticServer({ port: 0, root: () => releases.liveDir() });
  closers.push(web.close);
  service.request('initial build');
  await service.settled();
  expect(service.status().lastBuild?.result, service.status().lastBuild?.error ?? '').toBe('ok');
}, 180_000);

afterAll(async () => {
  for (const documentId of created) await call('DELETE', `/api/events/${documentId}`, { auth: 'full' });
  for (const close of closers.reverse()) await close();
  rmSync(tempDir, { recursive: true, force: true });
}, 60_000);

describe('publishing puts pages live by itself', () => {
  it('refuses a webhook without the shared secret', async () => {
    const { rebuildPort } = cms();
    const before = service.status().builds;
    const body = JSON.stringify({ event: 'entry.publish', uid: 'api::event.event', entry: { documentId: 'x', publishedAt: '2026-01-01' } });
    expect((await fetch(`http://127.0.0.1:${rebuildPort}/webhook`, { method: 'POST', body })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${rebuildPort}/webhook`, { method: 'POST', body, headers: { Authorization: 'Bearer nie-to' } })).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(service.status().builds).toBe(before);
    expect(service.status().state).toBe('idle');
  });

  it('serves a newly published event with one build: its page, the list, the month, the feeds and search', async () => {
    const before = service.status().builds;
    const searchedPages = (dir: string) => searchIndex(dir).pages;
    const searchedBefore = searchedPages(releases.liveDir()!);
    const event = await createEvent('Test publikacji: spotkanie sąsiedzkie');
    await firstServed(paths.event(event.slug), 200);
    await service.idle();
    const builds = buildsSince(before);
    expect(builds.map((build) => build.result)).toEqual(['ok']);
    expect(builds[0]!.trigger.join(' ')).toContain(event.documentId);
    const page = await get(paths.event(event.slug));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Test publikacji: spotkanie sąsiedzkie');
    expect((await get(paths.events)).text).toContain(paths.event(event.slug));
    expect((await get(paths.calendarFeed)).text).toContain(`UID:${event.documentId}-`);
    expect((await get(paths.eventIcs(event.slug))).status).toBe(200);
    // The same build brought the sitemap and the search index up to date.
    const sitemap = await get('/sitemap-0.xml');
    expect(sitemap.text).toContain(`${paths.event(event.slug)}</loc>`);
    expect(searchedPages(releases.liveDir()!)).toBe(searchedBefore + 1);
  }, 120_000);

  it('ignores a draft being saved, and takes an unpublished event down everywhere', async () => {
    const event = await createEvent('Test publikacji: do wycofania');
    await service.settled();
    expect((await get(paths.event(event.slug))).status).toBe(200);

    const builds = service.status().builds;
    await call('PUT', `/api/events/${event.documentId}?status=draft`, { auth: 'full', body: { data: { title: 'Test publikacji: do wycofania (szkic)' } } });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(service.status().builds, 'a draft save must not rebuild').toBe(builds);

    const unpublished = await call('POST', `/content-manager/collection-types/api::event.event/${event.documentId}/actions/unpublish`, { auth: 'admin', body: {} });
    expect(unpublished.status, JSON.stringify(unpublished.body)).toBe(200);
    await firstServed(paths.event(event.slug), 404);
    await service.idle();
    const gone = await get(paths.event(event.slug));
    expect(gone.status).toBe(404);
    expect(gone.text).toContain('Nie ma takiej strony');
    expect((await get(paths.events)).text).not.toContain(paths.event(event.slug));
    expect((await get(paths.calendarFeed)).text).not.toContain(event.documentId);
    expect((await get(paths.eventIcs(event.slug))).status).toBe(404);
  }, 120_000);

  it('puts a room request an editor approved on the room\'s feed with one build and takes it off when withdrawn, while a visitor\'s own request builds nothing', async () => {
    const [room] = await listAll<{ documentId: string; slug: string }>('rooms', 'filters[slug][$eq]=sala-kameralna');
    const date = new Date(Date.now() + 5 * 86_400_000);
    while (date.getUTCDay() !== 3) date.setUTCDate(date.getUTCDate() + 1);
    const email = nextEmail('sala-publikacja');
    const before = service.status().builds;
    const sent = await post('/api/room-requests', { room: room!.documentId, organisation: 'Grupa Publikacyjna', name: 'Anna Nowak', email, phone: '600 100 200', purpose: 'Spotkanie grupy sąsiedzkiej w sprawie zieleni.', date: date.toISOString().slice(0, 10), from: '10:00', to: '12:00', participants: '6', consent: 'tak', consentVersion: await consentVersion('room-request') });
    expect(((await sent.json()) as { result: string }).result).toBe('check_email');
    const mail = await mailTo(email, /^Potwierdź wniosek o salę/);
    await post('/api/room-requests/confirm', { token: tokenOf(mail.links.find((link) => link.includes('/confirm?token='))!) });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(service.status().builds, 'a visitor\'s request must not rebuild').toBe(before);

    const { body } = await call<{ results: { documentId: string }[] }>('GET', `/content-manager/collection-types/api::room-request.room-request?filters[email][$eq]=${encodeURIComponent(email)}`, { auth: 'admin' });
    expect((await call('PUT', `/content-manager/collection-types/api::room-request.room-request/${body.results[0]!.documentId}`, { auth: 'admin', body: { state: 'approved' } })).status).toBe(200);
    await service.settled();
    const builds = buildsSince(before);
    expect(builds.map((build) => build.result)).toEqual(['ok']);
    expect(builds[0]!.trigger.join(' ')).toContain('api::room-request.room-request');
    const busyUid = `sala-sala-kameralna-${DateTime.fromISO(`${date.toISOString().slice(0, 10)}T10:00`, { zone: 'Europe/Warsaw' }).toUTC().toFormat('yyyyMMddHHmmss')}`;
    const feed = await get(paths.roomFeed('sala-kameralna'));
    expect(feed.text).toContain(busyUid);
    expect(feed.text).not.toContain('Grupa Publikacyjna');

    // What left the CMS for that build: the request's ids and times, nothing of who asked or why
    // (its attributes are private), while editors still see every field in the admin.
    const documentId = body.results[0]!.documentId;
    const decision = await webhookFor('entry.update', 'api::room-request.room-request', documentId);
    expect(decision.entry?.publishedAt, 'the rebuild service builds only for entries with a publication date').toEqual(expect.any(String));
    expectIdsOnly(decision, [email, 'Grupa Publikacyjna', 'Anna Nowak', '600 100 200', 'zieleni', room!.documentId, 'approved']);
    const seen = await call<{ data: Record<string, unknown> }>('GET', `/content-manager/collection-types/api::room-request.room-request/${documentId}`, { auth: 'admin' });
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    expect(seen.body.data).toMatchObject({ organisation: 'Grupa Publikacyjna', contactName: 'Anna Nowak', email, phone: '600 100 200', purpose: 'Spotkanie grupy sąsiedzkiej w sprawie zieleni.', state: 'approved', roomDocumentId: room!.documentId });

    // The applicant withdraws with the mailed link: that too is rebuilt at once, and the time is free again.
    const approval = await mailTo(email, /^Sala zarezerwowana/);
    const withdrawn = await post('/api/room-requests/withdraw', { token: tokenOf(approval.links.find((link) => link.includes('/withdraw?token='))!) });
    expect(((await withdrawn.json()) as { result: string }).result).toBe('withdrawn');
    await service.settled();
    expect(buildsSince(before).map((build) => build.trigger.join(' ')).at(-1)).toContain('api::room-request.room-request');
    expect((await get(paths.roomFeed('sala-kameralna'))).text).not.toContain(busyUid);
  }, 120_000);

  it('sends an editor\'s change to a sign-up with its ids only, and builds nothing for it', async () => {
    const event = await createEvent('Test publikacji: warsztat z zapisami', true, { startsAt: inDays(10, 9), endsAt: inDays(10, 12), registrationMode: 'site', capacity: 5 });
    await service.settled();
    const email = nextEmail('zapis-publikacja');
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date(inDays(10, 9)));
    expect((await signUp(event.documentId, date, { email, name: 'Bożena Zapisowa', organisation: 'Koło Gospodyń Testowych' })).body.result).toBe('check_email');
    await post('/api/signups/confirm', { token: tokenOf(linkIn(await mailTo(email, /^Potwierdź zapis/), 'confirm')) });
    const registration = (await registrationsOf(event.documentId)).find((entry) => entry.email === email)!;
    const before = service.status().builds;

    const cancelled = await call('PUT', `/content-manager/collection-types/api::registration.registration/${registration.documentId}`, { auth: 'admin', body: { state: 'cancelled' } });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expectIdsOnly(await webhookFor('entry.update', 'api::registration.registration', registration.documentId), [email, 'Bożena', 'Koło Gospodyń', event.documentId, 'cancelled']);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(service.status().builds, 'sign-ups are not on the site').toBe(before);
    expect((await registrationsOf(event.documentId)).find((entry) => entry.email === email)).toMatchObject({ name: 'Bożena Zapisowa', organisation: 'Koło Gospodyń Testowych', state: 'cancelled' });
  }, 120_000);

  it('puts an event an organisation proposed in its panel live with one build once an editor approves it, and builds nothing before', async () => {
    const org = await organization();
    const { cookie, csrf } = await signIn(org.email);
    await service.settled();
    const before = service.status().builds;
    const title = 'Test publikacji: spacer zaproponowany w panelu';
    const saved = await request('/panel/wydarzenia/nowe', { form: eventForm(csrf, title), cookie });
    expect(saved.status).toBe(303);
    const found = await call<{ results: { documentId: string; slug: string }[] }>('GET', `/content-manager/collection-types/api::event.event?filters[title][$eq]=${encodeURIComponent(title)}`, { auth: 'admin' });
    const event = found.body.results[0]!;
    createdEntries.push(['events', event.documentId]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(service.status().builds, 'a proposal waiting for the editors is not on the site').toBe(before);
    expect((await get(paths.event(event.slug))).status).toBe(404);

    const queue = await call<{ data: { waiting: { id: number; targetDocumentId: string }[] } }>('GET', '/admin/co/submissions', { auth: 'admin' });
    const submission = queue.body.data.waiting.find((entry) => entry.targetDocumentId === event.documentId)!;
    const approved = await call('POST', `/admin/co/submissions/${submission.id}/decision`, { auth: 'admin', body: { decision: 'approve' } });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    await firstServed(paths.event(event.slug), 200);
    await service.idle();
    expect(buildsSince(before).map((build) => build.result)).toEqual(['ok']);
    expect((await get(paths.event(event.slug))).text).toContain(title);
  }, 120_000);

  it('takes a deleted event down', async () => {
    const event = await createEvent('Test publikacji: do usunięcia');
    await service.settled();
    expect((await get(paths.event(event.slug))).status).toBe(200);
    expect((await call('DELETE', `/api/events/${event.documentId}`, { auth: 'full' })).status).toBe(204);
    await service.settled();
    expect((await get(paths.event(event.slug))).status).toBe(404);
    expect((await get(paths.calendarFeed)).text).not.toContain(event.documentId);
  }, 120_000);

  it('folds a burst of 20 publishes into at most 2 builds', async () => {
    const before = service.status().builds;
    const events: Doc[] = [];
    for (let i = 1; i <= 20; i += 1) events.push(await createEvent(`Test publikacji: seria ${i}`));
    await service.settled();
    const builds = service.status().builds - before;
    expect(builds).toBeGreaterThanOrEqual(1);
    expect(builds).toBeLessThanOrEqual(2);
    for (const event of events) expect((await get(paths.event(event.slug))).status, event.slug).toBe(200);
  }, 180_000);

  it('blocks a build in which a collection shrank by more than half, until forced', async () => {
    // The live release claims there were far more guides than the CMS has now.
    const manifestFile = path.join(releases.dir, 'releases', `${releases.liveManifest()!.id}.json`);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { counts: Record<string, number> };
    manifest.counts.guides = (manifest.counts.guides ?? 0) * 3 + 3;
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const liveBefore = releases.liveManifest()!.id;

    service.request('test: shrink');
    await service.settled();
    const blocked = service.status().lastBuild!;
    expect(blocked.result).toBe('blocked');
    expect(blocked.error).toMatch(/guides: \d+ → \d+/);
    expect(releases.liveManifest()!.id).toBe(liveBefore);

    service.request('test: forced', { force: true });
    await service.settled();
    expect(service.status().lastBuild!.result).toBe('ok');
    expect(releases.liveManifest()!.id).not.toBe(liveBefore);
  }, 120_000);
});

describe('a CMS that goes away in the middle of a build', () => {
  it('leaves the previous site served and says why in the status', async () => {
    // A proxy stands for the CMS process: closing it is the CMS dying mid-build.
    // Armed, it dies at the first request for content (the guard's counts ask for one id per page).
    let armed = false;
    let dead = false;
    const upstream = new URL(cms().url);
    const proxy = http.createServer((req, res) => {
      if (armed && /^\/api\/guides\?/.test(req.url ?? '') && !decodeURIComponent(req.url ?? '').includes('pageSize]=1&')) dead = true;
      if (dead) return req.socket.destroy();
      const forward = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(forward);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const store = createReleaseStore(path.join(tempDir, 'site-2'));
    const svc = createRebuildService({ strapiUrl: proxyUrl, token: cms().readToken, siteUrl: 'https://co.krakow.pl', secret: 'x', releases: store, debounceMs: 50, log: () => {} });
    const server = await startStaticServer({ port: 0, root: () => store.liveDir() });
    try {
      svc.request('first build');
      await svc.settled();
      expect(svc.status().lastBuild?.result).toBe('ok');
      const live = store.liveManifest()!.id;
      const home = await (await fetch(`${server.url}/`)).text();

      armed = true;
      svc.request('second build');
      await svc.settled();
      expect(dead, 'the build read content through the proxy').toBe(true);

      const status = svc.status();
      expect(status.lastBuild?.result).toBe('failed');
      expect(status.lastBuild?.error).toContain(proxyUrl);
      expect(status.lastSuccess?.release).toBe(live);
      expect(store.liveManifest()!.id).toBe(live);
      expect(await (await fetch(`${server.url}/`)).text()).toBe(home);
    } finally {
      await svc.close();
      await server.close();
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  }, 240_000);
});
