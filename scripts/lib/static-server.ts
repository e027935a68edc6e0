import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { listen, type Listening } from './http-server.ts';

type Handler = ReturnType<typeof sirv>;

export type StaticServer = Listening;

/**
 * Serves whatever folder `root()` names at the moment of each request (the `live` release), so a
 * switch of the live link takes effect at once without restarting. Folders without a trailing
 * slash are redirected to it (the site's canonical form); unknown paths get the site's 404.html.
 */
export async function startStaticServer({ port, host = '127.0.0.1', root }: { port: number; host?: string; root: () => string | null }): Promise<StaticServer> {
  let current: { dir: string; handler: Handler } | null = null;
  const handlerFor = (dir: string): Handler => {
    if (current?.dir !== dir) {
      current = {
        dir,
        handler: sirv(dir, {
          dev: false,
          etag: true,
          extensions: ['html'],
          setHeaders: (res, pathname) => {
            // Astro's bundles carry a content hash in their names; everything else may change.
            res.setHeader('Cache-Control', pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache');
            if (pathname.endsWith('.ics')) res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
          },
        }),
      };
    }
    return current.handler;
  };

  const server = http.createServer((req, res) => {
    const dir = root();
    if (!dir) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '10' });
      res.end('Strona jest właśnie budowana po raz pierwszy – odśwież za chwilę.\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = url.pathname;
    }
    if (!pathname.endsWith('/') && !path.extname(pathname) && existsSync(path.join(dir, pathname, 'index.html'))) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      res.end();
      return;
    }
    handlerFor(dir)(req, res, () => {
      const notFound = path.join(dir, '404.html');
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'Nie znaleziono\n');
    });
  });
  return listen(server, port, host);
}
