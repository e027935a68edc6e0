/**
 * The editors' view of an offer's applications: counts per state (the offer's side panel) and
 * the list as CSV, behind the admin's login and the permission to read applications.
 */
import type { Core } from '@strapi/strapi';
import { localTime, readableTarget, spreadsheetCsv, type AdminContext } from '../admin-config/admin-routes';
import { DECLINE_REASONS, type DeclineReason } from '../shared/volunteer-application-results';
import { STATES, type ApplicationState } from './rules';
import { APPLICATION, asApplication } from './service';

export const STATE_LABELS: Record<ApplicationState, string> = {
  awaiting_confirmation: 'czeka na potwierdzenie e-mailem',
  submitted: 'czeka na odpowiedź organizacji',
  accepted: 'przyjęte',
  declined: 'odrzucone',
  withdrawn: 'wycofane',
  expired: 'niepotwierdzone',
};

const target = (ctx: AdminContext): string | null => readableTarget(ctx, APPLICATION, 'offer', 'zgłoszenia do wolontariatu', 'ofertę');

export function applicationsCsv(rows: unknown[]): string {
  const header = ['Oferta', 'Stan', 'Rezerwowe', 'Imię i nazwisko', 'E-mail', 'Telefon', 'Wiek', 'Kiedy może pomagać', 'Kilka słów o sobie', 'Powód odmowy', 'Wiadomość organizacji', 'Zgłoszono', 'Potwierdzono', 'Odpowiedź', 'Dane usunięte'];
  return spreadsheetCsv(
    header,
    rows.map(asApplication).map((a) => [
      a.offerTitle,
      STATE_LABELS[a.state] ?? a.state,
      a.reserve ? 'tak' : '',
      a.name,
      a.email,
      a.phone,
      a.age === 'minor' ? 'niepełnoletni (zgoda rodzica)' : a.age === 'adult' ? 'pełnoletni' : '',
      a.availability,
      a.message,
      a.declineReason ? DECLINE_REASONS[a.declineReason as DeclineReason].label : '',
      a.answerNote,
      localTime(a.createdAt),
      localTime(a.confirmedAt),
      localTime(a.answeredAt),
      localTime(a.erasedAt),
    ]),
  );
}

/** GET /admin/co/volunteer-applications.csv?offer=<documentId> */
export function applicationExportRoute(strapi: Core.Strapi) {
  return {
    method: 'GET',
    path: '/co/volunteer-applications.csv',
    handler: async (ctx: AdminContext) => {
      const offer = target(ctx);
      if (!offer) return;
      const rows: unknown[] = await strapi.db.query(APPLICATION).findMany({ where: { offerDocumentId: offer }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="zgloszenia-${offer}.csv"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = applicationsCsv(rows);
    },
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  };
}

/** GET /admin/co/volunteer-applications/summary?offer=<documentId>: counts per state, reserves, and how many wait a week or more. */
export function applicationSummaryRoute(strapi: Core.Strapi) {
  return {
    method: 'GET',
    path: '/co/volunteer-applications/summary',
    handler: async (ctx: AdminContext) => {
      const offer = target(ctx);
      if (!offer) return;
      const rows = ((await strapi.db.query(APPLICATION).findMany({ where: { offerDocumentId: offer } })) as unknown[]).map(asApplication);
      const weekAgo = Date.now() - 7 * 86_400_000;
      ctx.body = {
        data: {
          total: rows.length,
          counts: Object.fromEntries(STATES.map((state) => [state, rows.filter((row) => row.state === state).length])),
          reserve: rows.filter((row) => row.reserve && row.state !== 'withdrawn' && row.state !== 'expired').length,
          waitingOverWeek: rows.filter((row) => row.state === 'submitted' && row.confirmedAt !== null && Date.parse(row.confirmedAt) < weekAgo).length,
        },
      };
    },
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  };
}
