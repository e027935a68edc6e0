import type { Core } from '@strapi/strapi';
import { FEEDBACK, ratings } from './service';

type AdminContext = { query: Record<string, unknown>; state: { userAbility?: { can(action: string, subject: string): boolean } }; status: number; body: unknown; set(name: string, value: string): void };

/**
 * GET /admin/co/guide-feedback: every rated guide with its answers, reasons and newest comments,
 * those needing improvement first — the editors' "Oceny poradników" page; with ?guide=<documentId>
 * only that guide's (the panel beside the guide in the editor). For editors who may read the
 * ratings in the content manager.
 */
export function guideFeedbackRoute(strapi: Core.Strapi) {
  return {
    method: 'GET',
    path: '/co/guide-feedback',
    handler: async (ctx: AdminContext) => {
      if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.read', FEEDBACK)) {
        ctx.status = 403;
        ctx.body = { error: { status: 403, message: 'Brak uprawnień do odczytu ocen poradników.' } };
        return;
      }
      ctx.set('Cache-Control', 'no-store');
      const guide = typeof ctx.query.guide === 'string' ? ctx.query.guide : null;
      const all = await ratings(strapi);
      ctx.body = { data: guide ? all.filter((rating) => rating.guideDocumentId === guide) : all };
    },
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  };
}
