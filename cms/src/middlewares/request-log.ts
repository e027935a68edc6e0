import type { Core } from '@strapi/strapi';

/**
 * Strapi's request log line ("GET /api/events?… (12 ms) 200"), except that the sign-up routes are
 * logged without their query: a mailed link's token is a key to someone's sign-up and must not
 * end up in log files.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { method: string; url: string; path: string; status: number }, next: () => Promise<void>) => {
    const start = Date.now();
    await next();
    const url = ctx.path.toLowerCase().startsWith('/api/signups') ? ctx.path : ctx.url;
    strapi.log.http(`${ctx.method} ${url} (${Math.ceil(Date.now() - start)} ms) ${ctx.status}`);
  };
