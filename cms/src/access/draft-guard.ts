import type { Core, Modules } from '@strapi/strapi';

const READ_ACTIONS = new Set(['findMany', 'findOne', 'findFirst', 'count']);
// Strapi 5.54 names the API-token strategy "content-api-token"; earlier 5.x releases said "api-token".
const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

interface ReadContext {
  action: string;
  params: { status?: string };
}

interface RequestState {
  state?: {
    route?: { info?: { type?: string } };
    auth?: { strategy?: { name?: string } };
  };
}

/**
 * Strapi 5 lets anyone who may `find` a type read its drafts with `?status=draft`. Content-API
 * reads are therefore pinned to published versions unless the caller presents an API token
 * (the draft preview uses a read-only one). Requests are recognised by the route Strapi matched,
 * not by the URL, because the router ignores case (`/API/events` is the same route).
 * The admin panel and server-side code are untouched.
 */
export function registerDraftGuard(strapi: Core.Strapi): void {
  const middleware = async (context: ReadContext, next: () => Promise<unknown>) => {
    if (READ_ACTIONS.has(context.action)) {
      const ctx = strapi.requestContext.get() as RequestState | undefined;
      const isContentApi = ctx?.state?.route?.info?.type === 'content-api';
      if (isContentApi && !TOKEN_STRATEGIES.has(ctx?.state?.auth?.strategy?.name ?? '')) {
        context.params.status = 'published';
      }
    }
    return next();
  };
  strapi.documents.use(middleware as unknown as Modules.Documents.Middleware.Middleware);
}
