import { mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { shrinkProblems } from '../../scripts/lib/build-guard.ts';
import { createRebuildService, webhookTrigger } from '../../scripts/lib/rebuild-service.ts';
import { createReleaseStore } from '../../scripts/lib/releases.ts';

describe('which CMS changes rebuild the site', () => {
  it('rebuilds on publish, unpublish, delete and media changes', () => {
    expect(webhookTrigger({ event: 'entry.publish', uid: 'api::event.event', entry: { documentId: 'abc', publishedAt: '2026-11-24' } })).toBe('entry.publish api::event.event abc');
    expect(webhookTrigger({ event: 'entry.unpublish', uid: 'api::guide.guide', entry: { documentId: 'g' } })).toBe('entry.unpublish api::guide.guide g');
    expect(webhookTrigger({ event: 'entry.delete', model: 'article', entry: null })).toBe('entry.delete article');
    expect(webhookTrigger({ event: 'media.update' })).toBe('media.update');
  });

  it('ignores a draft being saved, but not a single type without drafts', () => {
    expect(webhookTrigger({ event: 'entry.update', uid: 'api::event.event', entry: { documentId: 'abc', publishedAt: null } })).toBeNull();
    expect(webhookTrigger({ event: 'entry.create', uid: 'api::event.event', entry: { documentId: 'abc' } })).toBeNull();
    expect(webhookTrigger({ event: 'entry.update', uid: 'api::global.global', entry: { documentId: 'g', publishedAt: '2026-11-24' } })).toBe('entry.update api::global.global g');
    expect(webhookTrigger({ event: 'review-workflows.updateEntryStage' })).toBeNull();
  });

  it('ignores changes to sign-ups, which the site never shows', () => {
    expect(webhookTrigger({ event: 'entry.update', uid: 'api::registration.registration', entry: { documentId: 'r', publishedAt: '2026-11-24' } })).toBeNull();
    expect(webhookTrigger({ event: 'entry.delete', uid: 'api::registration.registration', entry: { documentId: 'r' } })).toBeNull();
    expect(webhookTrigger({ event: 'entry.update', uid: 'api::guide-feedback.guide-feedback', entry: { documentId: 'f', publishedAt: '2026-11-24' } })).toBeNull();
  });

  it('rebuilds after an editor decides on a room request, which changes the room\'s availability', () => {
    expect(webhookTrigger({ event: 'entry.update', uid: 'api::room-request.room-request', entry: { documentId: 'q', publishedAt: '2026-11-24' } })).toBe('entry.update api::room-request.room-request q');
  });
});

describe('the shrink guard', () => {
  it('blocks a collection that lost more than the limit, and nothing on a first build', () => {
    expect(shrinkProblems(null, { guides: 0 }, 0.5)).toEqual([]);
    expect(shrinkProblems({ guides: 10, events: 40 }, { guides: 5, events: 39 }, 0.5)).toEqual([]);
    expect(shrinkProblems({ guides: 10, events: 40 }, { guides: 4, events: 39 }, 0.5)).toEqual(['guides: 10 → 4 (−60 %, limit 50 %)']);
    expect(shrinkProblems({ articles: 3 }, {}, 0.5)).toEqual(['articles: 3 → 0 (−100 %, limit 50 %)']);
    expect(shrinkProblems({ pages: 0 }, { pages: 0 }, 0.5)).toEqual([]);
  });
});

describe('releases', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'co-releases-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const release = (store: ReturnType<typeof createReleaseStore>, marker: string) => {
    const next = store.next();
    mkdirSync(next.dir, { recursive: true });
    writeFileSync(path.join(next.dir, 'index.html'), marker);
    store.activate({ id: next.id, builtAt: new Date().toISOString(), trigger: [marker], counts: {}, pages: 1 });
    return next;
  };

  it('switch the live link to a finished release and keep only the newest few', () => {
    const store = createReleaseStore(dir, 2);
    expect(store.liveDir()).toBeNull();
    const first = release(store, 'a');
    const second = release(store, 'b');
    expect(readlinkSync(store.liveLink)).toBe(path.join('releases', second.id));
    expect(store.liveManifest()?.trigger).toEqual(['b']);
    const third = release(store, 'c');
    expect(existsSync(first.dir)).toBe(false);
    expect(existsSync(second.dir)).toBe(true);
    expect(store.liveDir()).toBe(third.dir);
  });

  it('refuse to serve a release without a home page', () => {
    const store = createReleaseStore(dir);
    const next = store.next();
    mkdirSync(next.dir, { recursive: true });
    expect(() => store.activate({ id: next.id, builtAt: '', trigger: [], counts: {}, pages: 0 })).toThrow(/no index.html/);
  });
});

describe('stopping the rebuild service', () => {
  it('stops a build under way instead of waiting for it, and leaves the live site alone', async () => {
    // A CMS that never answers: the build would otherwise wait for its 15 s timeouts and retries.
    const hanging = http.createServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const dir = mkdtempSync(path.join(tmpdir(), 'co-rebuild-stop-'));
    const releases = createReleaseStore(dir);
    const service = createRebuildService({ strapiUrl: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`, siteUrl: 'https://co.krakow.pl', secret: 'x', releases, debounceMs: 10, log: () => {} });
    try {
      service.request('manual');
      while (service.status().state !== 'building') await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, 1500)); // the worker is reading the CMS by now
      const asked = performance.now();
      await service.close();
      expect(performance.now() - asked).toBeLessThan(5000);
      expect(service.status().lastBuild).toMatchObject({ result: 'cancelled', error: expect.stringContaining('shutting down') });
      expect(releases.liveDir()).toBeNull();
    } finally {
      await service.close();
      hanging.closeAllConnections();
      await new Promise((resolve) => hanging.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('waiting for the rebuild service', () => {
  it('says the webhook never arrived when no build starts in time', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'co-rebuild-settled-'));
    const service = createRebuildService({ strapiUrl: 'http://127.0.0.1:9', siteUrl: 'https://co.krakow.pl', secret: 'x', releases: createReleaseStore(dir), debounceMs: 10, log: () => {} });
    try {
      await expect(service.settled(200)).rejects.toThrow(/No build started within 0.2 s: did the CMS webhook reach/);
      expect(service.status().builds).toBe(0);
    } finally {
      await service.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
