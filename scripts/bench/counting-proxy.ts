import http from 'node:http';
import { listen, type Listening } from '../lib/http-server.ts';

export interface Traffic {
  requests: number;
  /** Response bytes (bodies as sent, headers not counted). */
  bytes: number;
  /** Requests and bytes per first two path segments ("/api/events", "/uploads/x.jpg" → "/uploads"). */
  byPath: Map<string, { requests: number; bytes: number }>;
}

export interface CountingProxy extends Listening {
  /** What passed through since the start or the last reset(). */
  traffic(): Traffic;
  reset(): void;
}

const group = (url: string): string => {
  const pathname = url.split('?')[0] ?? '/';
  const parts = pathname.split('/').filter(Boolean);
  return parts[0] === 'api' ? `/api/${parts[1] ?? ''}` : `/${parts[0] ?? ''}`;
};

/**
 * A pass-through HTTP proxy on 127.0.0.1 in front of `target` that counts requests and response
 * bytes, so a build pointed at it (STRAPI_URL) shows how much it asks of the CMS.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  let traffic: Traffic = { requests: 0, bytes: 0, byPath: new Map() };
  const server = http.createServer((req, res) => {
    const key = group(req.url ?? '/');
    const entry = traffic.byPath.get(key) ?? { requests: 0, bytes: 0 };
    traffic.byPath.set(key, entry);
    traffic.requests += 1;
    entry.requests += 1;
    const counted = traffic;
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host }, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('data', (chunk: Buffer) => {
          counted.bytes += chunk.length;
          entry.bytes += chunk.length;
        });
        answer.pipe(res);
      },
    );
    forward.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`Proxy error: ${error.message}\n`);
    });
    req.pipe(forward);
  });
  const listening = await listen(server, 0, '127.0.0.1');
  return {
    ...listening,
    traffic: () => traffic,
    reset: () => {
      traffic = { requests: 0, bytes: 0, byPath: new Map() };
    },
    close: async () => {
      await listening.close();
      agent.destroy();
    },
  };
}
