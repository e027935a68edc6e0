import type { Core } from '@strapi/strapi';

/**
 * Strapi's request log line ("GET /api/events?… (12 ms) 200"), except that the routes of the
 * public forms with mailed links (sign-ups, room requests, volunteering applications) and of the
 * organisations' panel (its sign-in link) are logged without their query: a mailed link's token is a
 * key to someone's sign-up, request or organisation and must not end up in log files.
 */
const WITHOUT_QUERY = ['/api/signups', '/api/room-requests', '/api/volunteer-applications', '/api/volunteer-interests', '/panel'];

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { method: string; url: string; path: string; status: number }, next: () => Promise<void>) => {
    const start = Date.now();
    await next();
    const path = ctx.path.toLowerCase();
    const url = WITHOUT_QUERY.some((prefix) => path.startsWith(prefix)) ? ctx.path : ctx.url;
    strapi.log.http(`${ctx.method} ${url} (${Math.ceil(Date.now() - start)} ms) ${ctx.status}`);
  };
