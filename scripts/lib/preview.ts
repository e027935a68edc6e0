/**
 * The editors' draft preview: a small HTTP server of its own that builds the whole site from the
 * CMS's drafts (SITE_CONTENT_STATUS=draft) into a private folder and serves it at the root of its
 * own origin, so the site's root-relative links, styles and images work as on the public site.
 *
 * Strapi's "Open preview" (cms/config/admin.ts) points at /podglad/?uid=…&documentId=…&status=…&secret=….
 * That entry checks the secret, finds the document's page, waits for a build that started after
 * the request (so it contains what the editor just saved) and redirects to the page. A cookie
 * derived from the secret then admits the rest of the preview: without it nothing is served, since
 * the preview build holds every draft. Nothing is ever written into the public output folder.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { paths } from '../../site/src/lib/urls';
import { buildSite } from '../build-site.ts';
import { CommandError } from './cms.ts';
import { parseEnv } from './cms-env.ts';
import { CMS_ENV_FILE, SITE_DIR } from './paths.ts';

export const DEFAULT_PREVIEW_PORT = 4322;
/** Where the CLI keeps its builds and Astro cache (git-ignored). */
export const DEFAULT_PREVIEW_DIR = path.join(SITE_DIR, '.preview');
const ENTRY = /^\/podglad\/?$/;
const COOKIE = 'co_podglad';

export interface PreviewOptions {
  /** 0 picks a free port; see `url` of the result. */
  port: number;
  /** Default 0.0.0.0, like Strapi: nothing is served without the secret or its cookie. */
  host?: string;
  strapiUrl: string;
  /** An API token: the CMS shows drafts to tokens only (a read-only one is enough). */
  token: string;
  /** The same PREVIEW_SECRET the CMS puts into its preview links. */
  secret: string;
  /** The preview's own folder (builds, Astro cache); never the public output. */
  workDir: string;
  /** Canonical address written into the pages; the site's default when left out. */
  siteUrl?: string;
  /** The public output folder(s), which workDir must stay clear of; SITE_OUT_DIR or site/dist by default. */
  publicDirs?: string[];
  /** Builds the site into `outDir`; buildSite by default (tests may stand in). */
  build?: (outDir: string, env: NodeJS.ProcessEnv) => Promise<string>;
  log?: (line: string) => void;
}

export interface PreviewServer {
  url: string;
  /** Content changed (e.g. a CMS webhook): rebuild in the background, so open previews show it on reload. */
  invalidate(): void;
  /** Stops serving, waits for a running build and removes the preview builds (the cache stays). */
  close(): Promise<void>;
}

interface PreviewType {
  plural: string;
  query?: Record<string, string>;
  pagePath(doc: PreviewDocument): string;
}

interface PreviewDocument {
  documentId: string;
  slug: string;
  updatedAt: string | null;
  categorySlug: string | null;
}

/** Content types with a page of their own; the same list as PREVIEWABLE in cms/config/admin.ts. */
const TYPES: Record<string, PreviewType> = {
  'api::guide.guide': { plural: 'guides', query: { 'populate[category][fields][0]': 'slug' }, pagePath: (doc) => paths.guide(doc.categorySlug, doc.slug) },
  'api::event.event': { plural: 'events', pagePath: (doc) => paths.event(doc.slug) },
  'api::article.article': { plural: 'articles', pagePath: (doc) => paths.article(doc.slug) },
  'api::organization.organization': { plural: 'organizations', pagePath: (doc) => paths.organization(doc.slug) },
  'api::page.page': { plural: 'pages', pagePath: (doc) => paths.page(doc.slug) },
  'api::room.room': { plural: 'rooms', pagePath: (doc) => paths.room(doc.slug) },
  'api::volunteer-offer.volunteer-offer': { plural: 'volunteer-offers', pagePath: (doc) => paths.volunteerOffer(doc.slug) },
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.zip': 'application/zip',
};

// Every answer: not for search engines, not for caches (each build replaces the last), and the
// preview's addresses are not passed on to sites the drafts link to.
const COMMON_HEADERS = { 'X-Robots-Tag': 'noindex, nofollow', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' };

class PreviewError extends Error {
  constructor(readonly status: number, readonly title: string, message: string, readonly details?: string) {
    super(message);
    this.name = 'PreviewError';
  }
}

export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const { host = '0.0.0.0', secret, token, log = (line: string) => console.log(line) } = options;
  if (!secret) throw new Error('The draft preview needs PREVIEW_SECRET, the same value the CMS uses in its preview links.');
  if (!token) throw new Error('The draft preview needs an API token (STRAPI_TOKEN): the CMS shows drafts to API tokens only.');
  const strapiUrl = options.strapiUrl.replace(/\/+$/, '');
  const workDir = path.resolve(options.workDir);
  assertPrivate(workDir, options.publicDirs ?? [path.resolve(process.env.SITE_OUT_DIR ?? path.join(SITE_DIR, 'dist'))]);
  mkdirSync(workDir, { recursive: true });
  removeBuilds(workDir);
  const build = options.build ?? ((outDir, env) => buildSite(outDir, env, { capture: true }));
  const buildEnv: NodeJS.ProcessEnv = {
    STRAPI_URL: strapiUrl,
    STRAPI_TOKEN: token,
    SITE_CONTENT_STATUS: 'draft',
    SITE_CACHE_DIR: path.join(workDir, 'cache'),
    ...(options.siteUrl ? { SITE_URL: options.siteUrl } : {}),
  };
  const session = createHmac('sha256', secret).update('co-preview-session').digest('hex');

  // Builds: at most one runs; whoever asks while it runs shares the one queued after it.
  let serving: { dir: string; output: string } | null = null;
  let running: { startedAt: number; done: Promise<void> } | null = null;
  let queued: Promise<void> | null = null;
  let generation = 0;
  let closed = false;

  function startBuild(): Promise<void> {
    const dir = path.join(workDir, `site-${Date.now()}-${++generation}`);
    const run = { startedAt: performance.now(), done: Promise.resolve() };
    running = run;
    run.done = (async () => {
      try {
        const output = await build(dir, buildEnv);
        const previous = serving;
        serving = { dir, output };
        log(`Podgląd: wersje robocze zbudowane w ${((performance.now() - run.startedAt) / 1000).toFixed(1)} s`);
        // A response may still be reading the previous build's files.
        if (previous) setTimeout(() => rmSync(previous.dir, { recursive: true, force: true }), 10_000).unref();
      } catch (error) {
        rmSync(dir, { recursive: true, force: true });
        log(`Podgląd: budowanie nie powiodło się: ${firstLine(error)}`);
        throw error;
      } finally {
        if (running === run) running = null;
      }
    })();
    return run.done;
  }

  /** Resolves once a build that started at `since` or later has finished. */
  function buildStartedAfter(since: number): Promise<void> {
    if (closed) return Promise.reject(new Error('The preview server is closed.'));
    if (!running) return startBuild();
    if (running.startedAt >= since) return running.done;
    queued ??= running.done
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return closed ? Promise.reject(new Error('The preview server is closed.')) : startBuild();
      });
    return queued;
  }

  async function openPreview(url: URL, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestedAt = performance.now();
    if (!sameSecret(url.searchParams.get('secret') ?? '', secret)) {
      throw new PreviewError(401, 'Brak dostępu do podglądu', 'Link podglądu jest nieprawidłowy albo nieaktualny. Otwórz podgląd ponownie z panelu CMS (przycisk „Otwórz podgląd”).');
    }
    const uid = url.searchParams.get('uid') ?? '';
    const type = Object.hasOwn(TYPES, uid) ? TYPES[uid] : undefined;
    if (!type) throw new PreviewError(400, 'Brak podglądu', `Treści typu „${uid}” nie mają w serwisie własnej strony, więc nie ma czego pokazać w podglądzie.`);
    const documentId = url.searchParams.get('documentId') ?? '';
    if (!documentId) throw new PreviewError(400, 'Brak podglądu', 'W linku podglądu brakuje identyfikatora dokumentu (documentId).');
    const status = url.searchParams.get('status') ?? 'draft';
    if (status !== 'draft' && status !== 'published') throw new PreviewError(400, 'Brak podglądu', `Nieznany stan dokumentu „${status}”; podgląd zna wersję roboczą (draft) i opublikowaną (published).`);

    const draft = await findDocument(type, documentId, 'draft');
    if (!draft) throw new PreviewError(404, 'Nie ma takiego dokumentu', 'Tego dokumentu nie ma w CMS – mógł zostać usunięty.');
    if (status === 'published') {
      const published = await findDocument(type, documentId, 'published');
      if (!published) throw new PreviewError(404, 'Brak opublikowanej wersji', 'Ten dokument nie został jeszcze opublikowany. Podgląd wersji roboczej otworzysz w zakładce „Wersja robocza”.');
      // The preview holds drafts only; it can stand for the published version only while the two are equal.
      if (isLater(draft.updatedAt, published.updatedAt)) {
        throw new PreviewError(409, 'Wersja robocza różni się od opublikowanej', 'Podgląd pokazuje wersje robocze, a ta ma zmiany, których nie opublikowano. Opublikowaną wersję zobaczysz na stronie publicznej; zmiany – w zakładce „Wersja robocza”.');
      }
    }
    if (!draft.slug) throw new PreviewError(422, 'Strona jeszcze nie powstała', 'Wersja robocza nie ma jeszcze adresu (pole „Adres (slug)”). Uzupełnij tytuł lub adres i zapisz.');
    const pagePath = type.pagePath(draft);

    try {
      await buildStartedAfter(requestedAt);
    } catch (error) {
      throw new PreviewError(502, 'Nie udało się zbudować podglądu', 'Budowanie strony z wersji roboczych nie powiodło się. Popraw wskazany błąd w CMS albo przekaż ten komunikat administratorowi.', buildErrorText(error));
    }
    const current = serving;
    if (!current || !resolveFile(current.dir, pagePath)) {
      const notes = current ? current.output.split('\n').filter((line) => line.includes(documentId)).map((line) => stripAnsi(line).replace(/^.*?\[WARN\]\s*(\[[^\]]*\]\s*)?/, '')).join('\n') : '';
      throw new PreviewError(422, 'Strona jeszcze nie powstała', 'W zbudowanym podglądzie nie ma strony tego dokumentu. Zwykle brakuje w wersji roboczej wymaganego pola – uzupełnij je i zapisz.', notes || undefined);
    }
    const secure = req.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
    res.writeHead(302, { ...COMMON_HEADERS, Location: pagePath, 'Set-Cookie': `${COOKIE}=${session}; Path=/; HttpOnly; SameSite=Lax${secure}` });
    res.end();
  }

  async function findDocument(type: PreviewType, documentId: string, status: 'draft' | 'published'): Promise<PreviewDocument | null> {
    const query = new URLSearchParams({ status, ...type.query });
    const url = `${strapiUrl}/api/${type.plural}/${encodeURIComponent(documentId)}?${query}`;
    let response: Response;
    try {
      response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, signal: AbortSignal.timeout(15_000) });
    } catch (error) {
      throw new PreviewError(502, 'CMS nie odpowiada', `Nie udało się połączyć z CMS (${strapiUrl}).`, firstLine(error));
    }
    if (response.status === 404) return null;
    if (!response.ok) {
      throw new PreviewError(502, 'CMS odmówił odpowiedzi', `CMS odpowiedział kodem ${response.status} na zapytanie o dokument.`, `GET ${url.replace(strapiUrl, '')}: ${(await response.text()).slice(0, 500)}`);
    }
    return toPreviewDocument(await response.json(), url);
  }

  function serveFile(url: URL, req: http.IncomingMessage, res: http.ServerResponse): void {
    if (url.pathname === '/robots.txt') return send(res, req, 200, 'text/plain; charset=utf-8', 'User-agent: *\nDisallow: /\n');
    if (!hasSession(req.headers.cookie, session)) {
      throw new PreviewError(401, 'Brak dostępu do podglądu', 'Podgląd wersji roboczych otwiera się z panelu CMS: wejdź w dokument i wybierz „Otwórz podgląd”.');
    }
    const current = serving;
    if (!current) throw new PreviewError(404, 'Podgląd jeszcze nie powstał', 'Otwórz podgląd z panelu CMS: wejdź w dokument i wybierz „Otwórz podgląd”.');
    const file = resolveFile(current.dir, url.pathname);
    if (file) return stream(res, req, 200, file);
    const notFound = path.join(current.dir, '404.html');
    if (existsSync(notFound)) return stream(res, req, 404, notFound);
    throw new PreviewError(404, 'Nie ma takiej strony', 'Tej strony nie ma w podglądzie.');
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    const respond = async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new PreviewError(405, 'Niedozwolona metoda', 'Podgląd można tylko oglądać.');
      if (ENTRY.test(url.pathname) && url.searchParams.has('uid')) await openPreview(url, req, res);
      else serveFile(url, req, res);
    };
    respond().catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const known = error instanceof PreviewError ? error : new PreviewError(500, 'Błąd podglądu', 'Podgląd napotkał nieoczekiwany błąd.', firstLine(error));
      if (!(error instanceof PreviewError)) log(`Podgląd: ${req.method} ${url.pathname}: ${firstLine(error)}`);
      send(res, req, known.status, 'text/html; charset=utf-8', errorPage(known));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `Port ${options.port} on ${host} is already in use; choose another one for the preview: PREVIEW_PORT=<port>.` : `The preview server cannot listen on ${host}:${options.port}: ${error.message}`)),
    );
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`,
    invalidate() {
      // Only a preview someone has opened is worth keeping fresh.
      if (!closed && serving) buildStartedAfter(performance.now()).catch(() => undefined);
    },
    async close() {
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // Let a running build finish, so no Astro process outlives the server and no folder reappears.
      await Promise.allSettled([running?.done, queued]);
      removeBuilds(workDir);
    },
  };
}

/** Constant-time comparison of the given secret with the expected one (hashed to equal lengths first). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return given !== '' && timingSafeEqual(digest(given), digest(expected));
}

function hasSession(cookieHeader: string | undefined, session: string): boolean {
  const value = (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === COOKIE)?.[1];
  return value !== undefined && sameSecret(value, session);
}

/** The file a URL path names inside `root` (a folder means its index.html), or null; never anything outside root. */
function resolveFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  let file = path.join(root, path.posix.normalize(`/${decoded}`));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function stream(res: http.ServerResponse, req: http.IncomingMessage, status: number, file: string): void {
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': type, 'Content-Length': statSync(file).size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function send(res: http.ServerResponse, req: http.IncomingMessage, status: number, type: string, body: string): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function errorPage(error: PreviewError): string {
  return `<!doctype html>
<html lang="pl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>${escapeHtml(error.title)} – podgląd</title></head>
<body style="font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#111">
<h1>${escapeHtml(error.title)}</h1>
<p>${escapeHtml(error.message)}</p>
${error.details ? `<pre style="white-space:pre-wrap;background:#f3f3f3;padding:1rem;border:1px solid #999">${escapeHtml(error.details)}</pre>` : ''}
</body>
</html>
`;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');
const firstLine = (error: unknown): string => stripAnsi(error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** What a failed build said, trimmed to the lines an editor or admin can act on. */
function buildErrorText(error: unknown): string {
  const text = stripAnsi(error instanceof CommandError ? error.output || error.message : error instanceof Error ? error.message : String(error));
  return text.trim().split('\n').slice(-40).join('\n');
}

function isLater(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && new Date(a).getTime() > new Date(b).getTime();
}

/** The fields the preview needs from a REST answer, checked rather than trusted. */
function toPreviewDocument(body: unknown, url: string): PreviewDocument {
  const data = isRecord(body) ? body.data : undefined;
  if (!isRecord(data) || typeof data.documentId !== 'string') throw new PreviewError(502, 'Nieoczekiwana odpowiedź CMS', `CMS odpowiedział na ${url} bez dokumentu.`);
  const category = isRecord(data.category) ? data.category : null;
  return {
    documentId: data.documentId,
    slug: typeof data.slug === 'string' ? data.slug : '',
    updatedAt: typeof data.updatedAt === 'string' ? data.updatedAt : null,
    categorySlug: category && typeof category.slug === 'string' ? category.slug : null,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Drafts must never land where the public site is served from, nor the public site inside the preview's folder. */
function assertPrivate(workDir: string, publicDirs: string[]): void {
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
  for (const publicDir of publicDirs.map((dir) => path.resolve(dir))) {
    if (inside(workDir, publicDir) || inside(publicDir, workDir)) {
      throw new Error(`The preview folder ${workDir} overlaps the public output ${publicDir}; drafts must never reach the public site. Choose another folder.`);
    }
  }
}

/** The preview's own site folders (site-…), from this run or an interrupted one. */
function removeBuilds(workDir: string): void {
  if (!existsSync(workDir)) return;
  for (const name of readdirSync(workDir)) {
    if (name.startsWith('site-')) rmSync(path.join(workDir, name), { recursive: true, force: true });
  }
}

/** Settings for the standalone server from the environment (and cms/.env for the secret). */
export function previewOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): PreviewOptions {
  const cmsEnv = existsSync(CMS_ENV_FILE) ? parseEnv(readFileSync(CMS_ENV_FILE, 'utf8')) : {};
  const port = Number(env.PREVIEW_PORT || DEFAULT_PREVIEW_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PREVIEW_PORT must be a port number, not "${env.PREVIEW_PORT}".`);
  return {
    port,
    host: env.PREVIEW_HOST || undefined,
    strapiUrl: env.STRAPI_URL || 'http://127.0.0.1:1337',
    token: env.STRAPI_TOKEN ?? '',
    secret: env.PREVIEW_SECRET || cmsEnv.PREVIEW_SECRET || '',
    workDir: DEFAULT_PREVIEW_DIR,
    siteUrl: env.SITE_URL || undefined,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  Promise.resolve()
    .then(() => startPreviewServer(previewOptionsFromEnv()))
    .then((preview) => {
      console.log(`Podgląd wersji roboczych: ${preview.url} (otwierany z panelu CMS)`);
      const stop = () => void preview.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
