import type { Core } from '@strapi/strapi';
import { registerValidation } from './validation/document-middleware';
import { registerDraftGuard } from './access/draft-guard';
import { enforcePublicPermissions } from './access/permissions';
import { applyAdminLabels } from './admin-config/labels';
import { syncRebuildWebhook } from './publishing/rebuild-webhook';
import { registerRegistrationEditing } from './registrations/editor';
import { registrationExportRoute, registrationSummaryRoute } from './registrations/export';
import { guideFeedbackRoute } from './feedback/admin';
import { registerRoomRequestEditing } from './room-requests/editor';
import { registerRoomCalendarGuard } from './room-requests/event-calendar';
import { ensureConsentHistory, ensureTranslatedConsentVersions, registerConsentVersioning } from './public-forms/consent';
import { applicationExportRoute, applicationSummaryRoute } from './volunteering/export';
import { moderationRoutes } from './org-panel/moderation-admin';
import { panelRoutes } from './org-panel/routes';
import { ensureEventLanguages, ensureLocales, registerTranslationGuard } from './languages/setup';
import { drainRequests, registerRequestCounting } from './operations/graceful-shutdown';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerRequestCounting(strapi);
    registerDraftGuard(strapi);
    // Before validation: a translation is checked with the shared fields it takes from the Polish entry.
    registerTranslationGuard(strapi);
    registerValidation(strapi);
    registerRegistrationEditing(strapi);
    registerRoomRequestEditing(strapi);
    registerRoomCalendarGuard(strapi);
    registerConsentVersioning(strapi);
    // Admin API routes (behind the admin's login, unlike the content API): the organisers' CSV exports,
    // the counts the event's and the offer's edit views show, and the ranked guide ratings.
    const admin = strapi.admin as unknown as { routes: Record<string, unknown> };
    admin.routes['co-registrations'] = { type: 'admin', routes: [registrationExportRoute(strapi), registrationSummaryRoute(strapi)] };
    admin.routes['co-feedback'] = { type: 'admin', routes: [guideFeedbackRoute(strapi)] };
    admin.routes['co-volunteering'] = { type: 'admin', routes: [applicationExportRoute(strapi), applicationSummaryRoute(strapi)] };
    // "Zgłoszenia": the editors' decisions on what organisations propose in their panel.
    admin.routes['co-submissions'] = { type: 'admin', routes: moderationRoutes(strapi) };
    // The organisations' panel: HTML pages at the CMS's own address, outside /api (src/org-panel/).
    strapi.server.routes(panelRoutes(strapi) as unknown as Core.RouteInput[]);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const languages = await ensureLocales(strapi);
    if (languages.length > 0) strapi.log.info(`Languages: ${languages.join(', ')}.`);
    const polishEvents = await ensureEventLanguages(strapi);
    if (polishEvents > 0) strapi.log.info(`Languages: ${polishEvents} event rows from before the event languages marked "Po polsku".`);
    const { added, removed } = await enforcePublicPermissions(strapi);
    if (added.length || removed.length) {
      strapi.log.info(`Public role: granted ${added.length} read permissions, revoked ${removed.length} others.`);
    }
    await applyAdminLabels(strapi);
    const opened = await ensureConsentHistory(strapi);
    if (opened.length > 0) strapi.log.info(`Consent history: first versions ${opened.join(', ')} recorded from the site settings.`);
    const dated = await ensureTranslatedConsentVersions(strapi);
    if (dated > 0) strapi.log.info(`Consent texts: ${dated} translations of the settings marked as translating the Polish texts of now.`);
    strapi.log.info(await syncRebuildWebhook(strapi));
  },

  // Before Strapi closes the server: the requests being answered are finished first.
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await drainRequests(strapi, (strapi.config.get('server.shutdownGraceSeconds', 20) as number) * 1000);
  },
};
