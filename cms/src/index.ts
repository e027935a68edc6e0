import type { Core } from '@strapi/strapi';
import { registerValidation } from './validation/document-middleware';
import { registerDraftGuard } from './access/draft-guard';
import { enforcePublicPermissions } from './access/permissions';
import { applyAdminLabels } from './admin-config/labels';
import { syncRebuildWebhook } from './publishing/rebuild-webhook';
import { registerRegistrationEditing } from './registrations/editor';
import { registrationExportRoute } from './registrations/export';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDraftGuard(strapi);
    registerValidation(strapi);
    registerRegistrationEditing(strapi);
    // An admin API route (behind the admin's login, unlike the content API): organisers' CSV export.
    const admin = strapi.admin as unknown as { routes: Record<string, unknown> };
    admin.routes['co-registrations'] = { type: 'admin', routes: [registrationExportRoute(strapi)] };
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const { added, removed } = await enforcePublicPermissions(strapi);
    if (added.length || removed.length) {
      strapi.log.info(`Public role: granted ${added.length} read permissions, revoked ${removed.length} others.`);
    }
    await applyAdminLabels(strapi);
    strapi.log.info(await syncRebuildWebhook(strapi));
  },
};
