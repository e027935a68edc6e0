import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { buildSite, describeSearchIndex } from '../build-site.ts';
import type { SearchIndexReport } from './search-index.ts';
import { BuildCancelledError, createAstroRunner } from './astro-runner.ts';
import { collectionCounts, DEFAULT_SHRINK_LIMIT, ShrinkGuardError } from './build-guard.ts';
import { listen, type Listening } from './http-server.ts';
import { filesUnder } from './files.ts';
import { formatMs } from './log.ts';
import type { ReleaseStore } from './releases.ts';
import { PUBLIC_COLLECTION_TYPES, PUBLIC_SINGLE_TYPES } from '../../cms/src/access/public-content.ts';

/**
 * Rebuilds the public site when the CMS says content changed. Webhook calls are debounced
 * (a burst of publishes becomes one build), only one build runs at a time, and everything that
 * arrives during a build is folded into a single follow-up build. A build goes live only when it
 * succeeded and passed the guard; otherwise the previous release keeps being served.
 *
 * Every build is complete (every page, the search index, the sitemap); Astro's incremental build
 * renders only the pages whose content changed and copies the rest (see site/src/lib/page-keys.ts).
 */

export interface RebuildOptions {
  strapiUrl: string;
  /** Read-only API token for the build (optional: published content is public). */
  token?: string;
  siteUrl: string;
  /** The CMS as visitors' browsers reach it (the sign-up forms post there); default: strapiUrl. */
  publicCmsUrl?: string;
  /** Shared with the CMS webhook (Authorization: Bearer <secret>). */
  secret: string;
  releases: ReleaseStore;
  /** Quiet time after the last change before building. */
  debounceMs?: number;
  /** A stream of changes never delays a build longer than this. */
  maxWaitMs?: number;
  /**
   * A collection shrinking by more than this fraction since the last good build blocks it
   * (REBUILD_SHRINK_LIMIT; buildSite's guard, the same one `npm run build` uses).
   */
  shrinkLimit?: number;
  /** Skip the shrink guard for every build (REBUILD_FORCE). */
  force?: boolean;
  log?: (line: string) => void;
  /** Called for every authenticated webhook, drafts included (e.g. to refresh an open preview). */
  onContentChange?: () => void;
}

export type BuildResult = 'ok' | 'failed' | 'blocked' | 'cancelled';

export interface BuildRecord {
  trigger: string[];
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  result: BuildResult;
  pages: number | null;
  release: string | null;
  /** How the search index was written: of its shards, how many anew (a publication touches few). */
  search: SearchIndexReport | null;
  /** Why a build failed or was blocked. */
  error: string | null;
}

export interface RebuildStatus {
  state: 'idle' | 'scheduled' | 'building';
  live: { release: string; builtAt: string; pages: number } | null;
  lastBuild: BuildRecord | null;
  lastSuccess: BuildRecord | null;
  /** The last few builds, oldest first. */
  recent: BuildRecord[];
  /** Builds run since the service started. */
  builds: number;
  /** Changes waiting for the next build. */
  queued: string[];
}

export interface RebuildService {
  /** Asks for a build; `force` skips the shrink guard for it. */
  request(trigger: string, options?: { force?: boolean }): void;
  status(): RebuildStatus;
  /** Resolves when nothing is scheduled or building. */
  idle(): Promise<void>;
  /**
   * Resolves once a build has run after a change (e.g. a publication whose webhook is on its way)
   * and nothing is scheduled or building any more; rejects when no build starts within `withinMs`,
   * which usually means the webhook never arrived.
   */
  settled(withinMs?: number): Promise<void>;
  listen(port: number, host?: string): Promise<Listening>;
  close(): Promise<void>;
}

interface WebhookPayload {
  event?: unknown;
  uid?: unknown;
  model?: unknown;
  entry?: { documentId?: unknown; publishedAt?: unknown } | null;
}

// Room requests are private, but an editor's decision changes a room's availability on the site
// (visitors' own writes go past the document service and send no webhook).
const SITE_TYPES = new Set<string>([...PUBLIC_COLLECTION_TYPES, ...PUBLIC_SINGLE_TYPES, 'api::room-request.room-request']);

/**
 * Which webhook events change the public site. Saving a draft (entry.create/update without a
 * publication date) does not; single types without draft & publish always carry one.
 */
export function webhookTrigger(payload: WebhookPayload): string | null {
  const event = typeof payload.event === 'string' ? payload.event : '';
  // Content types the site never shows (sign-ups): an editor marking attendance rebuilds nothing.
  if (typeof payload.uid === 'string' && payload.uid.startsWith('api::') && !SITE_TYPES.has(payload.uid)) return null;
  const what = [payload.uid ?? payload.model, payload.entry?.documentId].filter((part) => typeof part === 'string').join(' ');
  if (['entry.publish', 'entry.unpublish', 'entry.delete'].includes(event)) return `${event} ${what}`.trim();
  if (['entry.create', 'entry.update'].includes(event)) return payload.entry?.publishedAt ? `${event} ${what}`.trim() : null;
  if (event.startsWith('media.')) return event;
  if (event === 'trigger-test') return 'trigger-test';
  return null;
}

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

const RECENT = 10;

const countPages = (dir: string): number => filesUnder(dir).filter((file) => file.endsWith('.html')).length;

export function createRebuildService(options: RebuildOptions): RebuildService {
  const { releases, debounceMs = 300, maxWaitMs = 10_000, shrinkLimit = DEFAULT_SHRINK_LIMIT, log = (line) => console.log(line) } = options;
  if (!options.secret) throw new Error('The rebuild service needs a shared secret (REBUILD_SECRET).');
  // Astro loaded ahead of each build: a publish does not wait for Node to read it.
  const runner = createAstroRunner({ keepWarm: true });

  let timer: NodeJS.Timeout | null = null;
  let firstQueuedAt = 0;
  let queued: string[] = [];
  let queuedForce = false;
  const recent: BuildRecord[] = [];
  /** Stops the build under way (on shutdown). */
  let current: AbortController | null = null;
  let building: Promise<void> | null = null;
  let builds = 0;
  let lastBuild: BuildRecord | null = null;
  let lastSuccess: BuildRecord | null = null;
  let closed = false;
  const idleWaiters: (() => void)[] = [];

  const isIdle = () => !timer && !building && queued.length === 0;
  const settle = () => {
    if (isIdle()) idleWaiters.splice(0).forEach((resolve) => resolve());
  };

  const schedule = () => {
    if (closed || building) return;
    if (timer) clearTimeout(timer);
    const waited = Date.now() - firstQueuedAt;
    timer = setTimeout(run, waited >= maxWaitMs ? 0 : Math.min(debounceMs, maxWaitMs - waited));
  };

  function run() {
    timer = null;
    const trigger = queued;
    const force = queuedForce || options.force === true;
    queued = [];
    queuedForce = false;
    building = buildOnce(trigger, force).finally(() => {
      building = null;
      if (queued.length > 0) {
        firstQueuedAt = Date.now();
        schedule();
      }
      settle();
    });
  }

  const remember = (build: BuildRecord) => {
    lastBuild = build;
    recent.push(build);
    if (recent.length > RECENT) recent.shift();
  };

  async function buildOnce(trigger: string[], force: boolean): Promise<void> {
    const started = Date.now();
    builds += 1;
    const record = (result: BuildResult, fields: Partial<BuildRecord>): BuildRecord => ({
      trigger,
      startedAt: new Date(started).toISOString(),
      finishedAt: new Date().toISOString(),
      durationMs: Date.now() - started,
      result,
      pages: null,
      release: null,
      search: null,
      error: null,
      ...fields,
    });
    const label = trigger.length > 3 ? `${trigger.slice(0, 3).join(', ')} … (+${trigger.length - 3})` : trigger.join(', ');
    log(`[przebudowa] start: ${label}`);
    const controller = new AbortController();
    current = controller;
    try {
      // The guard's counts are read while the site builds (it only decides whether the result goes live).
      const counting = collectionCounts(options.strapiUrl, options.token).catch((error: unknown) => {
        throw new Error(`CMS unavailable, the live site stays as it was: ${(error as Error).message}`, { cause: error });
      });
      const live = releases.liveManifest();
      const release = releases.next();
      let search: SearchIndexReport | null = null;
      const built = buildSite(release.dir, {
        STRAPI_URL: options.strapiUrl,
        STRAPI_TOKEN: options.token ?? '',
        SITE_URL: options.siteUrl,
        PUBLIC_CMS_URL: options.publicCmsUrl ?? options.strapiUrl,
        SITE_CACHE_DIR: path.join(releases.dir, 'cache'),
      }, {
        capture: true,
        runner,
        signal: controller.signal,
        // Compared with the live release's counts; the site's own record beside the output is not used.
        guard: { limit: shrinkLimit, force, previous: live?.counts ?? null, counts: counting },
        onSearchIndex: (report) => {
          search = report;
        },
      });
      // Whichever fails first is the reason. A build still running is waited for (its own outcome
      // no longer matters), so that two builds never overlap.
      const [counts] = await Promise.all([counting, built]).catch(async (error: unknown) => {
        await built.then(() => undefined, () => undefined);
        throw error;
      });
      const pages = countPages(release.dir);
      releases.activate({ id: release.id, builtAt: new Date().toISOString(), trigger, counts, pages });
      remember(record('ok', { pages, release: release.id, search }));
      lastSuccess = lastBuild;
      log(`[przebudowa] ✔ opublikowano (${formatMs(lastBuild!.durationMs)}, ${pages} stron; wyszukiwarka: ${search ? describeSearchIndex(search) : '–'})`);
    } catch (error) {
      if (error instanceof ShrinkGuardError) {
        // buildSite left nothing behind: no release folder.
        remember(record('blocked', { error: `Content shrank too much since the last good build; not published (force with --force or REBUILD_FORCE=true): ${error.problems.join('; ')}` }));
        log(`[przebudowa] ✋ zablokowana (${formatMs(lastBuild!.durationMs)}): ${lastBuild!.error}`);
        return;
      }
      if (error instanceof BuildCancelledError) {
        remember(record('cancelled', { error: String(controller.signal.reason) }));
        log(`[przebudowa] ⏹ przerwana (${formatMs(lastBuild!.durationMs)}): ${lastBuild!.error}`);
        return;
      }
      remember(record('failed', { error: (error as Error).message }));
      log(`[przebudowa] ✖ nieudana (${formatMs(lastBuild!.durationMs)}), strona bez zmian: ${lastBuild!.error}`);
    } finally {
      current = null;
    }
  }

  const service: RebuildService = {
    request(trigger, { force = false } = {}) {
      if (closed) return;
      if (queued.length === 0) firstQueuedAt = Date.now();
      queued.push(trigger);
      queuedForce ||= force;
      schedule();
    },
    status() {
      const live = releases.liveManifest();
      return {
        state: building ? 'building' : timer ? 'scheduled' : 'idle',
        live: live ? { release: live.id, builtAt: live.builtAt, pages: live.pages } : null,
        lastBuild,
        lastSuccess,
        recent: [...recent],
        builds,
        queued: [...queued],
      };
    },
    idle() {
      return isIdle() ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
    async settled(withinMs = 10_000) {
      const buildsBefore = builds;
      const deadline = Date.now() + withinMs;
      // A build counts from its start, so one that starts and ends between two looks is not missed.
      while (isIdle() && builds === buildsBefore) {
        if (Date.now() > deadline) {
          throw new Error(`No build started within ${withinMs / 1000} s: did the CMS webhook reach the rebuild service (URL, secret)?`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await service.idle();
    },
    listen(port, host = '127.0.0.1') {
      return listen(http.createServer((req, res) => void handle(req, res)), port, host);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      queued = [];
      // Nothing would serve the result: stop at once rather than after up to half a minute.
      current?.abort('The rebuild service is shutting down; the live site stays as it was.');
      await building;
      queued = [];
      runner.close();
      settle();
    },
  };

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(`${JSON.stringify(body, null, 2)}\n`);
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && (url.pathname === '/status' || url.pathname === '/')) return send(res, 200, service.status());
    if (req.method !== 'POST' || (url.pathname !== '/webhook' && url.pathname !== '/rebuild')) return send(res, 404, { error: 'Nie ma takiego adresu. Dostępne: GET /status, POST /webhook, POST /rebuild.' });

    const authorization = req.headers.authorization ?? '';
    const given = authorization.startsWith('Bearer ') ? authorization.slice(7) : '';
    if (!sameSecret(given, options.secret)) {
      req.resume();
      // Said in the console too: a CMS with another REBUILD_SECRET would otherwise fail silently.
      log(`[przebudowa] odrzucono ${req.method} ${url.pathname} bez poprawnego sekretu (REBUILD_SECRET w CMS i w usłudze muszą być takie same)`);
      return send(res, 401, { error: 'Brak lub zły wspólny sekret (nagłówek Authorization: Bearer …).' });
    }
    let text = '';
    for await (const chunk of req) {
      text += chunk;
      if (text.length > 1_000_000) return send(res, 413, { error: 'Za duże zgłoszenie.' });
    }
    if (url.pathname === '/rebuild') {
      service.request('manual', { force: url.searchParams.get('force') === '1' || url.searchParams.get('force') === 'true' });
      return send(res, 202, { accepted: true, status: service.status() });
    }
    let payload: WebhookPayload;
    try {
      payload = JSON.parse(text || '{}') as WebhookPayload;
    } catch {
      return send(res, 400, { error: 'Treść zgłoszenia nie jest poprawnym JSON-em.' });
    }
    options.onContentChange?.();
    const trigger = webhookTrigger(payload);
    if (!trigger) return send(res, 202, { accepted: false, reason: 'this change does not affect the public site' });
    service.request(trigger);
    return send(res, 202, { accepted: true });
  }

  return service;
}
