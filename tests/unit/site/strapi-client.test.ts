import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createStrapiClient, StrapiError, withUniqueLastKey } from '../../../site/src/lib/strapi-client';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void;

const servers: http.Server[] = [];
const noSleep = async () => {};

/** A real HTTP server on 127.0.0.1 that answers like (or unlike) Strapi. */
async function fakeStrapi(handler: Handler): Promise<{ url: string; requests: URL[]; headers: http.IncomingHttpHeaders[] }> {
  const requests: URL[] = [];
  const headers: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url);
    headers.push(req.headers);
    handler(req, res, url);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, headers };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const json = (res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...extra });
  res.end(JSON.stringify(body));
};

/** Serves `total` entries the way Strapi paginates them. */
const paginated = (total: number): Handler => (_req, res, url) => {
  const page = Number(url.searchParams.get('pagination[page]') ?? 1);
  const pageSize = Number(url.searchParams.get('pagination[pageSize]') ?? 25);
  const data = Array.from({ length: total }, (_, i) => ({ id: i + 1 })).slice((page - 1) * pageSize, page * pageSize);
  json(res, 200, { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } });
};

describe('Strapi client', () => {
  it('pages through every entry using pageCount, far beyond 25 or 100', async () => {
    const strapi = await fakeStrapi(paginated(250));
    const items = await createStrapiClient({ baseUrl: strapi.url }).findAll<{ id: number }>('events', { sort: ['startsAt:asc'] });
    expect(items).toHaveLength(250);
    expect(items.at(-1)).toEqual({ id: 250 });
    expect(strapi.requests.map((u) => u.searchParams.get('pagination[page]'))).toEqual(['1', '2', '3']);
    expect(strapi.requests[0]!.searchParams.get('sort[0]')).toBe('startsAt:asc');
    // The primary key last, so that entries tying on startsAt cannot move between pages.
    expect(strapi.requests.map((u) => u.searchParams.get('sort[1]'))).toEqual(['id:asc', 'id:asc', 'id:asc']);
  });

  it('ends every sort with the primary key, once', () => {
    expect(withUniqueLastKey(undefined)).toEqual(['id:asc']);
    expect(withUniqueLastKey('name:asc')).toEqual(['name:asc', 'id:asc']);
    expect(withUniqueLastKey('order:asc,name:asc')).toEqual(['order:asc', 'name:asc', 'id:asc']);
    expect(withUniqueLastKey(['startsAt:desc', 'id:desc'])).toEqual(['startsAt:desc', 'id:desc']);
  });

  it('refuses a list in which an entry came on two pages', async () => {
    const strapi = await fakeStrapi((_req, res, url) => {
      const page = Number(url.searchParams.get('pagination[page]'));
      // Page 2 repeats the last entry of page 1 instead of the one that should follow it.
      const data = page === 1 ? [{ documentId: 'a' }, { documentId: 'b' }] : [{ documentId: 'b' }];
      json(res, 200, { data, meta: { pagination: { page, pageSize: 2, pageCount: 2, total: 3 } } });
    });
    await expect(createStrapiClient({ baseUrl: strapi.url, pageSize: 2 }).findAll('events')).rejects.toThrow(/entry b came on two pages/);
  });

  it('returns an empty list only when Strapi says there is nothing', async () => {
    const strapi = await fakeStrapi(paginated(0));
    expect(await createStrapiClient({ baseUrl: strapi.url }).findAll('events')).toEqual([]);
  });

  it('sends the API token when it has one, and none otherwise', async () => {
    const strapi = await fakeStrapi(paginated(1));
    await createStrapiClient({ baseUrl: strapi.url, token: 'sekret' }).findAll('events');
    await createStrapiClient({ baseUrl: strapi.url }).findAll('events');
    expect(strapi.headers[0]!.authorization).toBe('Bearer sekret');
    expect(strapi.headers[1]!.authorization).toBeUndefined();
  });

  it('retries 5xx with backoff and succeeds when Strapi recovers', async () => {
    let calls = 0;
    const waits: number[] = [];
    const strapi = await fakeStrapi((req, res, url) => (++calls < 3 ? json(res, 503, { error: { message: 'busy' } }) : paginated(2)(req, res, url)));
    const client = createStrapiClient({ baseUrl: strapi.url, backoffMs: 100, sleep: async (ms) => void waits.push(ms) });
    expect(await client.findAll('guides')).toHaveLength(2);
    expect(waits).toEqual([100, 200]);
  });

  it('honours Retry-After on 429', async () => {
    let calls = 0;
    const waits: number[] = [];
    const strapi = await fakeStrapi((req, res, url) => (++calls === 1 ? json(res, 429, {}, { 'Retry-After': '2' }) : paginated(1)(req, res, url)));
    await createStrapiClient({ baseUrl: strapi.url, sleep: async (ms) => void waits.push(ms) }).findAll('guides');
    expect(waits).toEqual([2000]);
  });

  it('gives up after the retries with an error naming the URL and the status', async () => {
    const strapi = await fakeStrapi((_req, res) => json(res, 500, { error: { message: 'Baza danych niedostępna' } }));
    const error = await createStrapiClient({ baseUrl: strapi.url, retries: 2, sleep: noSleep }).findAll('events').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StrapiError);
    const strapiError = error as StrapiError;
    expect(strapiError.status).toBe(500);
    expect(strapiError.attempts).toBe(3);
    expect(strapiError.url).toContain(`${strapi.url}/api/events`);
    expect(strapiError.message).toMatch(/answered 500.*after 3 attempts: Baza danych niedostępna/);
    expect(strapi.requests).toHaveLength(3);
  });

  it('does not retry client errors and points at the token on 401/403', async () => {
    const strapi = await fakeStrapi((_req, res) => json(res, 403, { error: { message: 'Forbidden' } }));
    const error = (await createStrapiClient({ baseUrl: strapi.url, sleep: noSleep }).findAll('events').catch((e: unknown) => e)) as StrapiError;
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/STRAPI_TOKEN/);
    expect(strapi.requests).toHaveLength(1);
  });

  it('reports a refused connection as a network error after retrying', async () => {
    const strapi = await fakeStrapi(paginated(1));
    const url = strapi.url;
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const error = (await createStrapiClient({ baseUrl: url, retries: 1, sleep: noSleep }).findAll('events').catch((e: unknown) => e)) as StrapiError;
    expect(error).toBeInstanceOf(StrapiError);
    expect(error.status).toBeNull();
    expect(error.attempts).toBe(2);
    expect(error.message).toMatch(/network error.*Is Strapi running/);
  });

  it('times out a request that never gets an answer', async () => {
    const strapi = await fakeStrapi(() => {
      /* never answers */
    });
    const error = (await createStrapiClient({ baseUrl: strapi.url, timeoutMs: 200, retries: 1, sleep: noSleep }).findAll('events').catch((e: unknown) => e)) as StrapiError;
    expect(error.message).toMatch(/no answer within 200 ms/);
    expect(strapi.requests).toHaveLength(2);
  });

  it('rejects a body that is not JSON', async () => {
    const strapi = await fakeStrapi((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>proxy error</html>');
    });
    await expect(createStrapiClient({ baseUrl: strapi.url }).findAll('events')).rejects.toThrow(/not valid JSON: <html>proxy error/);
  });

  it('rejects JSON that is not a Strapi list instead of treating it as empty', async () => {
    const strapi = await fakeStrapi((_req, res) => json(res, 200, { data: null }));
    await expect(createStrapiClient({ baseUrl: strapi.url }).findAll('events')).rejects.toThrow(/did not answer with a Strapi list/);
  });

  it('refuses a list whose size changed between pages', async () => {
    let total = 150;
    const strapi = await fakeStrapi((req, res, url) => {
      paginated(total)(req, res, url);
      total += 1;
    });
    await expect(createStrapiClient({ baseUrl: strapi.url }).findAll('events')).rejects.toThrow(/changed while it was being read/);
  });

  it('reads a single type and fails loudly when it is missing', async () => {
    const strapi = await fakeStrapi((_req, res, url) => (url.pathname === '/api/global' ? json(res, 200, { data: { siteName: 'Centrum' } }) : json(res, 404, { data: null, error: { message: 'Not Found' } })));
    const client = createStrapiClient({ baseUrl: strapi.url });
    expect(await client.findSingle('global')).toEqual({ siteName: 'Centrum' });
    await expect(client.findSingle('missing')).rejects.toThrow(/answered 404.*Not Found/);
  });
});
