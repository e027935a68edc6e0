/**
 * A stopping CMS (SIGTERM from systemd, a deployment, a restart) finishes the requests it is
 * answering before it goes. Strapi's own shutdown destroys every open connection at once, so a
 * sign-up being saved would be cut off: its sender sees an error although the seat may be taken.
 * This counts the requests in flight and, in the app's destroy lifecycle (which Strapi runs before
 * it closes the server), stops taking new connections and waits for those requests — at most
 * SHUTDOWN_GRACE_SECONDS. A proxy in front sends new requests to another instance meanwhile.
 */
import type { Core } from '@strapi/strapi';

let inFlight = 0;
let idle: (() => void) | null = null;

/** Counts every request, outermost of all middlewares (registered in the app's register phase). */
export function registerRequestCounting(strapi: Core.Strapi): void {
  strapi.server.use(async (_ctx: unknown, next: () => Promise<unknown>) => {
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
      if (inFlight === 0) idle?.();
    }
  });
}

/** Stops accepting connections and waits for the requests in flight, at most `graceMs`; how many were still running after it. */
export async function drainRequests(strapi: Core.Strapi, graceMs: number): Promise<number> {
  const server = strapi.server.httpServer;
  // New connections are refused from here; idle keep-alive ones are closed by Node.
  if (server.listening) server.close();
  if (inFlight === 0) return 0;
  strapi.log.info(`Shutting down: waiting for ${inFlight} request(s) in flight (at most ${Math.round(graceMs / 1000)} s).`);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, graceMs);
    idle = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  idle = null;
  if (inFlight > 0) strapi.log.warn(`Shutting down: ${inFlight} request(s) still running after ${Math.round(graceMs / 1000)} s are cut off.`);
  return inFlight;
}
