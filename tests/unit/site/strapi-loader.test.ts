import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createStrapiClient } from '../../../site/src/lib/strapi-client';
import { strapiCollectionLoader, strapiListLoader, strapiMetaLoader, strapiSingleLoader, type LoaderContext } from '../../../site/src/lib/strapi-loader';

type Entry = Record<string, unknown>;
const servers: http.Server[] = [];

/** Serves `entries()` as a paginated Strapi collection, or an error status when `fail()` says so. */
async function fakeStrapi(entries: () => Entry[], fail: () => number | null = () => null): Promise<string> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const status = fail();
    if (status) {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ error: { message: 'awaria' } }));
    }
    if (url.pathname === '/api/global') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ data: { siteName: 'Centrum Obywatelskie' } }));
    }
    const all = entries();
    const page = Number(url.searchParams.get('pagination[page]'));
    const pageSize = Number(url.searchParams.get('pagination[pageSize]'));
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ data: all.slice((page - 1) * pageSize, page * pageSize), meta: { pagination: { page, pageSize, pageCount: Math.ceil(all.length / pageSize), total: all.length } } }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** The parts of Astro's loader context a loader uses, backed by a Map like Astro's store. */
function context(store = new Map<string, { id: string; data: Entry; digest?: string }>()) {
  const logs: string[] = [];
  const ctx = {
    collection: 'test',
    store: {
      clear: () => store.clear(),
      set: (entry: { id: string; data: Entry; digest?: string }) => (store.set(entry.id, entry), true),
      keys: () => [...store.keys()],
      get: (id: string) => store.get(id),
    },
    logger: { info: (line: string) => logs.push(line), warn: (line: string) => logs.push(`WARN ${line}`) },
    parseData: async ({ data }: { data: Entry }) => data,
    generateDigest: (data: unknown) => JSON.stringify(data).length.toString(16),
  } as unknown as LoaderContext;
  return { ctx, store, logs };
}

const events = (count: number) => Array.from({ length: count }, (_, i) => ({ documentId: `d${i}`, slug: `wydarzenie-${i}`, title: `Wydarzenie ${i}` }));

describe('Strapi content loader', () => {
  it('loads every entry of a collection under its slug, across pages', async () => {
    const url = await fakeStrapi(() => events(230));
    const { ctx, store, logs } = context();
    await strapiCollectionLoader({ collection: 'events', client: createStrapiClient({ baseUrl: url }) }).load(ctx);
    expect(store.size).toBe(230);
    expect(store.get('wydarzenie-229')?.data.title).toBe('Wydarzenie 229');
    expect(logs).toEqual(['events: 230 z CMS']);
  });

  it('drops entries deleted in the CMS since the last build', async () => {
    let current = events(5);
    const url = await fakeStrapi(() => current);
    const { ctx, store } = context();
    const loader = strapiCollectionLoader({ collection: 'events', client: createStrapiClient({ baseUrl: url }) });
    await loader.load(ctx);
    current = current.filter((e) => e.slug !== 'wydarzenie-2');
    await loader.load(ctx);
    expect([...store.keys()].sort()).toEqual(['wydarzenie-0', 'wydarzenie-1', 'wydarzenie-3', 'wydarzenie-4']);
  });

  it('fails the build and keeps the previous entries when the CMS fails', async () => {
    let failing = false;
    const url = await fakeStrapi(() => events(3), () => (failing ? 500 : null));
    const { ctx, store } = context();
    const loader = strapiCollectionLoader({ collection: 'events', client: createStrapiClient({ baseUrl: url, retries: 1, sleep: async () => {} }) });
    await loader.load(ctx);
    failing = true;
    await expect(loader.load(ctx)).rejects.toThrow(/answered 500/);
    expect(store.size).toBe(3);
  });

  it('refuses entries without a slug or with a duplicate one, naming them', async () => {
    const client = (entries: Entry[]) => fakeStrapi(() => entries).then((url) => createStrapiClient({ baseUrl: url }));
    await expect(strapiCollectionLoader({ collection: 'guides', client: await client([{ documentId: 'x1', slug: null }]) }).load(context().ctx)).rejects.toThrow(/x1 has no slug/);
    await expect(strapiCollectionLoader({ collection: 'guides', client: await client([{ slug: 'a' }, { slug: 'a' }]) }).load(context().ctx)).rejects.toThrow(/share the slug "a"/);
  });

  it('lets schema validation reject an entry and stops there', async () => {
    const url = await fakeStrapi(() => events(2));
    const { ctx, store } = context();
    (ctx as { parseData: unknown }).parseData = async ({ id }: { id: string }) => {
      throw new Error(`${id}: startsAt is required`);
    };
    await expect(strapiCollectionLoader({ collection: 'events', client: createStrapiClient({ baseUrl: url }) }).load(ctx)).rejects.toThrow(/wydarzenie-0: startsAt is required/);
    expect(store.size).toBe(0);
  });

  it('reads drafts when asked, leaving out the ones not complete enough for a page', async () => {
    const queries: string[] = [];
    const url = await fakeStrapi(() => [...events(2), { documentId: 'bez-adresu', slug: null }, { documentId: 'niepelny', slug: 'niepelny' }]);
    const client = createStrapiClient({ baseUrl: url });
    const spy = { ...client, findAll: <T>(collection: string, query?: Record<string, unknown>) => (queries.push(JSON.stringify(query)), client.findAll<T>(collection, query)) };
    const { ctx, store, logs } = context();
    (ctx as { parseData: unknown }).parseData = async ({ id, data }: { id: string; data: Entry }) => {
      if (id === 'niepelny') throw new Error('**startsAt**: Required\n  (wymagane przy publikacji)');
      return data;
    };
    await strapiCollectionLoader({ collection: 'events', client: spy, status: 'draft', query: { sort: ['startsAt:asc'] } }).load(ctx);
    expect(queries).toEqual(['{"sort":["startsAt:asc"],"status":"draft"}']);
    expect([...store.keys()]).toEqual(['wydarzenie-0', 'wydarzenie-1']);
    expect(logs).toContain('WARN events: pominięto wersję roboczą bez-adresu – brak adresu (slug)');
    expect(logs).toContain('WARN events: pominięto wersję roboczą niepelny – startsAt: Required (wymagane przy publikacji)');
    // Published entries are complete by definition, so an incomplete one stays an error.
    await expect(strapiCollectionLoader({ collection: 'events', client: spy, status: 'published' }).load(ctx)).rejects.toThrow(/bez-adresu has no slug/);
    expect(queries.at(-1)).toBe('{"status":"published"}');
  });

  it('loads a single type under its own name', async () => {
    const url = await fakeStrapi(() => []);
    const { ctx, store } = context();
    await strapiSingleLoader({ singular: 'global', client: createStrapiClient({ baseUrl: url }) }).load(ctx);
    expect(store.get('global')?.data).toEqual({ siteName: 'Centrum Obywatelskie' });
  });

  it('loads the plain list of a custom route, and fails loudly when the answer is not one', async () => {
    const busy = [{ room: 'r1', startsAt: '2027-01-05T09:00:00Z', endsAt: '2027-01-05T11:00:00Z' }];
    const stub = (answer: unknown) => ({ get: async () => answer, findAll: async () => [], findSingle: async () => ({}) }) as unknown as ReturnType<typeof createStrapiClient>;
    const { ctx, store, logs } = context();
    await strapiListLoader({ name: 'roomBusy', path: 'room-requests/busy', client: stub({ data: busy }), idOf: (entry) => `${String(entry.room)}/${String(entry.startsAt)}` }).load(ctx);
    expect([...store.keys()]).toEqual(['r1/2027-01-05T09:00:00Z']);
    expect(logs).toEqual(['roomBusy: 1 z CMS']);
    await expect(strapiListLoader({ name: 'roomBusy', path: 'room-requests/busy', client: stub({ error: 'x' }), idOf: () => 'x' }).load(ctx)).rejects.toThrow(/answered without a "data" list/);
    // A failed route keeps what the store had.
    expect(store.size).toBe(1);
  });

  it('loads the record a custom route sends in its meta, and fails loudly instead of guessing one', async () => {
    const stub = (answer: unknown) => ({ get: async () => answer, findAll: async () => [], findSingle: async () => ({}) }) as unknown as ReturnType<typeof createStrapiClient>;
    const loader = (answer: unknown) => strapiMetaLoader({ name: 'roomBookingWindow', path: 'room-requests/busy', key: 'bookingWindow', client: stub(answer) });
    const { ctx, store } = context();
    await loader({ data: [], meta: { bookingWindow: { minDays: 5, maxMonths: 3 } } }).load(ctx);
    expect([...store.entries()].map(([id, entry]) => [id, entry.data])).toEqual([['bookingWindow', { minDays: 5, maxMonths: 3 }]]);
    for (const answer of [{ data: [] }, { data: [], meta: {} }, { data: [], meta: { bookingWindow: null } }, { data: [], meta: { bookingWindow: [2, 2] } }]) {
      await expect(loader(answer).load(ctx), JSON.stringify(answer)).rejects.toThrow(/roomBookingWindow: \/api\/room-requests\/busy answered without "meta\.bookingWindow"/);
    }
    // What the last good build loaded stays until the CMS answers properly again.
    expect(store.get('bookingWindow')?.data).toEqual({ minDays: 5, maxMonths: 3 });
  });
});
