import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../scripts/lib/preview.ts';

/**
 * The preview server's own rules, with a stand-in for Strapi's REST API and for the site build
 * (the real ones are exercised in tests/cms/preview.test.ts).
 */
const SECRET = 'sekret-podgladu-testowy';
const tempDir = mkdtempSync(path.join(tmpdir(), 'co-preview-unit-'));

type Version = { documentId: string; slug: string | null; updatedAt: string; category?: { slug: string } | null };
const documents = new Map<string, { draft: Version; published?: Version }>([
  ['g1', { draft: { documentId: 'g1', slug: 'jak-zalozyc-fundacje', updatedAt: '2026-01-02T10:00:00.000Z', category: { slug: 'zakladanie-organizacji' } } }],
  ['g2', { draft: { documentId: 'g2', slug: 'bez-tematu', updatedAt: '2026-01-02T10:00:00.000Z', category: null } }],
  [
    'g3',
    {
      draft: { documentId: 'g3', slug: 'zmieniony', updatedAt: '2026-01-03T10:00:00.000Z', category: null },
      published: { documentId: 'g3', slug: 'zmieniony', updatedAt: '2026-01-02T10:00:00.000Z', category: null },
    },
  ],
  [
    'g4',
    {
      draft: { documentId: 'g4', slug: 'bez-zmian', updatedAt: '2026-01-02T10:00:00.000Z', category: null },
      published: { documentId: 'g4', slug: 'bez-zmian', updatedAt: '2026-01-02T10:00:00.000Z', category: null },
    },
  ],
  ['g5', { draft: { documentId: 'g5', slug: 'niepelny', updatedAt: '2026-01-02T10:00:00.000Z', category: null } }],
]);
const cmsRequests: string[] = [];
let strapi: http.Server;
let strapiUrl = '';

beforeAll(async () => {
  strapi = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    cmsRequests.push(`${req.headers.authorization} ${url.pathname}${url.search}`);
    const match = /^\/api\/guides\/([^/]+)$/.exec(url.pathname);
    const doc = match ? documents.get(match[1]!) : undefined;
    const version = url.searchParams.get('status') === 'published' ? doc?.published : doc?.draft;
    res.writeHead(version ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(version ? { data: version } : { data: null, error: { status: 404 } }));
  });
  await new Promise<void>((resolve) => strapi.listen(0, '127.0.0.1', resolve));
  strapiUrl = `http://127.0.0.1:${(strapi.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => strapi.close(resolve));
  rmSync(tempDir, { recursive: true, force: true });
});

/** A build that writes one page per guide, counts its runs and waits for `release()` when told to. */
function fakeBuild() {
  const state = { runs: 0, envs: [] as NodeJS.ProcessEnv[], fail: null as string | null, hold: null as Promise<void> | null };
  const build = async (outDir: string, env: NodeJS.ProcessEnv) => {
    state.runs += 1;
    state.envs.push(env);
    const run = state.runs;
    if (state.hold) await state.hold;
    if (state.fail) throw new Error(state.fail);
    const write = (pagePath: string, html: string) => {
      mkdirSync(path.join(outDir, pagePath), { recursive: true });
      writeFileSync(path.join(outDir, pagePath, 'index.html'), html);
    };
    write('/baza-wiedzy/zakladanie-organizacji/jak-zalozyc-fundacje/', `<p>Fundacja, build ${run}</p>`);
    write('/baza-wiedzy/inne/bez-tematu/', `<p>Bez tematu, build ${run}</p>`);
    write('/baza-wiedzy/inne/bez-zmian/', '<p>Bez zmian</p>');
    writeFileSync(path.join(outDir, '404.html'), '<p>Nie ma takiej strony</p>');
    mkdirSync(path.join(outDir, '_astro'), { recursive: true });
    writeFileSync(path.join(outDir, '_astro', 'site.css'), 'body{}');
    return `[WARN] [glob-loader] guides: pominięto wersję roboczą g5 – summary: Required\n`;
  };
  return { state, build };
}

const servers: PreviewServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function start(build = fakeBuild()) {
  const workDir = path.join(tempDir, `work-${servers.length}-${Date.now()}`);
  const server = await startPreviewServer({ port: 0, host: '127.0.0.1', strapiUrl, token: 'token-tylko-do-odczytu', secret: SECRET, workDir, build: build.build, log: () => {} });
  servers.push(server);
  return { server, ...build, workDir };
}

const entry = (server: PreviewServer, params: Record<string, string>) => `${server.url}/podglad/?${new URLSearchParams({ uid: 'api::guide.guide', status: 'draft', secret: SECRET, ...params })}`;
const get = (url: string, cookie?: string) => fetch(url, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });
const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0]!;

describe('draft preview server', () => {
  it('builds drafts with the token, redirects to the page and serves it to the holder of the cookie', async () => {
    const { server, state } = await start();
    const response = await get(entry(server, { documentId: 'g1' }));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/baza-wiedzy/zakladanie-organizacji/jak-zalozyc-fundacje/');
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    expect(state.envs[0]).toMatchObject({ STRAPI_URL: strapiUrl, STRAPI_TOKEN: 'token-tylko-do-odczytu', SITE_CONTENT_STATUS: 'draft' });
    expect(cmsRequests.at(-1)).toBe(`Bearer token-tylko-do-odczytu /api/guides/g1?status=draft&populate%5Bcategory%5D%5Bfields%5D%5B0%5D=slug`);

    const cookie = cookieOf(response);
    const page = await get(`${server.url}${response.headers.get('location')}`, cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toBe('<p>Fundacja, build 1</p>');
    expect((await get(`${server.url}/_astro/site.css`, cookie)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const missing = await get(`${server.url}/nie-ma/`, cookie);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Nie ma takiej strony');
    // A guide without a topic lives under "inne", as on the site.
    expect((await get(entry(server, { documentId: 'g2' }))).headers.get('location')).toBe('/baza-wiedzy/inne/bez-tematu/');
  });

  it('refuses a wrong or missing secret, and serves nothing without the cookie', async () => {
    const { server, state } = await start();
    for (const url of [entry(server, { documentId: 'g1', secret: 'zly-sekret' }), `${server.url}/podglad/?uid=api::guide.guide&documentId=g1`]) {
      const response = await get(url);
      expect(response.status).toBe(401);
      expect(await response.text()).toContain('Brak dostępu do podglądu');
    }
    expect(state.runs).toBe(0);
    await get(entry(server, { documentId: 'g1' }));
    expect((await get(`${server.url}/baza-wiedzy/zakladanie-organizacji/jak-zalozyc-fundacje/`)).status).toBe(401);
    expect((await get(`${server.url}/baza-wiedzy/zakladanie-organizacji/jak-zalozyc-fundacje/`, 'co_podglad=podrobione')).status).toBe(401);
    const robots = await get(`${server.url}/robots.txt`);
    expect(await robots.text()).toBe('User-agent: *\nDisallow: /\n');
  });

  it('never serves a file outside the build', async () => {
    const { server, workDir } = await start();
    writeFileSync(path.join(workDir, 'poza.html'), 'tajne');
    const cookie = cookieOf(await get(entry(server, { documentId: 'g1' })));
    for (const attempt of ['/../poza.html', '/%2e%2e/poza.html', '/..%2fpoza.html', '/%2e%2e%5cpoza.html', '/%00', '/%E0%A4%A']) {
      const response = await rawGet(server, attempt, cookie);
      expect(response.status, attempt).toBe(404);
      expect(response.body).not.toContain('tajne');
    }
  });

  it('answers in Polish when there is nothing to preview', async () => {
    const { server, state } = await start();
    const category = await get(entry(server, { uid: 'api::category.category', documentId: 'g1' }));
    expect(category.status).toBe(400);
    expect(await category.text()).toContain('nie mają w serwisie własnej strony');
    expect((await get(entry(server, { uid: 'toString', documentId: 'g1' }))).status).toBe(400);
    expect((await get(entry(server, { documentId: 'usuniety' }))).status).toBe(404);
    expect((await get(entry(server, { documentId: 'g1', status: 'archived' }))).status).toBe(400);
    expect(state.runs).toBe(0);
  });

  it('stands in for the published version only while the draft has no unpublished changes', async () => {
    const { server } = await start();
    expect((await get(entry(server, { documentId: 'g4', status: 'published' }))).headers.get('location')).toBe('/baza-wiedzy/inne/bez-zmian/');
    const modified = await get(entry(server, { documentId: 'g3', status: 'published' }));
    expect(modified.status).toBe(409);
    expect(await modified.text()).toContain('różni się od opublikowanej');
    expect((await get(entry(server, { documentId: 'g1', status: 'published' }))).status).toBe(404);
  });

  it('names the missing field when a draft could not get a page', async () => {
    const { server } = await start();
    const response = await get(entry(server, { documentId: 'g5' }));
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('pominięto wersję roboczą g5 – summary: Required');
  });

  it('shows a failed build as 502 with its error', async () => {
    const build = fakeBuild();
    build.state.fail = 'guides: the CMS answered 500';
    const { server } = await start(build);
    const response = await get(entry(server, { documentId: 'g1' }));
    expect(response.status).toBe(502);
    const html = await response.text();
    expect(html).toContain('Nie udało się zbudować podglądu');
    expect(html).toContain('guides: the CMS answered 500');
  });

  it('shares builds: requests during a build wait together for one that starts after them', async () => {
    const build = fakeBuild();
    let release!: () => void;
    build.state.hold = new Promise<void>((resolve) => (release = resolve));
    const { server, state } = await start(build);
    const first = get(entry(server, { documentId: 'g1' }));
    await waitFor(() => state.runs === 1);
    // Both arrive while the first build runs; it may have read the CMS before their saves.
    const second = get(entry(server, { documentId: 'g1' }));
    const third = get(entry(server, { documentId: 'g2' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    build.state.hold = null;
    release();
    const responses = await Promise.all([first, second, third]);
    expect(responses.map((r) => r.status)).toEqual([302, 302, 302]);
    expect(state.runs).toBe(2);
    const page = await get(`${server.url}/baza-wiedzy/zakladanie-organizacji/jak-zalozyc-fundacje/`, cookieOf(responses[1]!));
    expect(await page.text()).toBe('<p>Fundacja, build 2</p>');
    // Every new request builds again: an editor opens the preview right after saving.
    await get(entry(server, { documentId: 'g1' }));
    expect(state.runs).toBe(3);
  });

  it('rebuilds in the background when told that content changed', async () => {
    const { server, state } = await start();
    server.invalidate();
    expect(state.runs).toBe(0);
    const cookie = cookieOf(await get(entry(server, { documentId: 'g1' })));
    server.invalidate();
    await waitFor(() => state.runs === 2);
    await waitFor(async () => (await (await get(`${server.url}/baza-wiedzy/inne/bez-tematu/`, cookie)).text()).includes('build 2'));
  });

  it('refuses a folder that overlaps the public output', async () => {
    const publicDir = path.join(tempDir, 'dist');
    await expect(startPreviewServer({ port: 0, host: '127.0.0.1', strapiUrl, token: 't', secret: SECRET, workDir: path.join(publicDir, 'podglad'), publicDirs: [publicDir] })).rejects.toThrow(/overlaps the public output/);
    await expect(startPreviewServer({ port: 0, host: '127.0.0.1', strapiUrl, token: 't', secret: SECRET, workDir: tempDir, publicDirs: [publicDir] })).rejects.toThrow(/overlaps the public output/);
    await expect(startPreviewServer({ port: 0, host: '127.0.0.1', strapiUrl, token: 't', secret: '', workDir: path.join(tempDir, 'x') })).rejects.toThrow(/PREVIEW_SECRET/);
  });
});

/** A request with the path sent exactly as given (fetch would normalise the dots away). */
function rawGet(server: PreviewServer, requestPath: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    http
      .get({ hostname, port, path: requestPath, headers: { Cookie: cookie } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the preview server.');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
