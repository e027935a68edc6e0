/**
 * The organisers' list of an event's sign-ups as CSV (the spreadsheet-safe CSV every form's
 * export shares, admin-config/admin-routes.ts), and the counts the event's edit view shows.
 */
import type { Core } from '@strapi/strapi';
import { localTime as local, readableTarget, spreadsheetCsv, type AdminContext } from '../admin-config/admin-routes';
import type { RegistrationStatus } from './rules';
import { REGISTRATION } from './service';

export const STATE_LABELS: Record<RegistrationStatus, string> = {
  awaiting_confirmation: 'czeka na potwierdzenie e-mailem',
  confirmed: 'potwierdzony',
  waitlisted: 'lista rezerwowa',
  awaiting_approval: 'czeka na akceptację',
  rejected: 'odrzucony',
  cancelled: 'rezygnacja',
  expired: 'wygasł',
  attended: 'obecny',
  no_show: 'nieobecny',
};

const NEED_LABELS: Record<string, string> = { sign_language: 'tłumacz PJM', induction_loop: 'pętla indukcyjna', step_free: 'bez schodów', other: 'inne' };

interface Row {
  eventTitle: string;
  occurrenceDate: string;
  slotLabel: string | null;
  state: RegistrationStatus;
  name: string;
  email: string;
  organisation: string | null;
  needs: unknown;
  needsOther: string | null;
  createdAt: string | Date;
  confirmedAt: string | Date | null;
}

export function registrationsCsv(rows: Row[]): string {
  const header = ['Wydarzenie', 'Dzień', 'Godzina (okienko)', 'Stan', 'Imię i nazwisko', 'E-mail', 'Organizacja', 'Potrzeby', 'Inne potrzeby', 'Zapisano', 'Potwierdzono'];
  const body = rows.map((row) => [
    row.eventTitle,
    row.occurrenceDate,
    row.slotLabel ?? '',
    STATE_LABELS[row.state] ?? row.state,
    row.name,
    row.email,
    row.organisation ?? '',
    (Array.isArray(row.needs) ? row.needs : []).map((need) => NEED_LABELS[String(need)] ?? String(need)).join(', '),
    row.needsOther ?? '',
    local(row.createdAt),
    local(row.confirmedAt),
  ]);
  return spreadsheetCsv(header, body);
}

/** The event an admin route was asked about, when the editor may read sign-ups; otherwise answers 403 or 400 and returns null. */
const requestedEvent = (ctx: AdminContext): string | null => readableTarget(ctx, REGISTRATION, 'event', 'zapisy', 'wydarzenie');

/** GET /admin/co/registrations.csv?event=<documentId>: for editors who may read sign-ups in the admin. */
export function registrationExportRoute(strapi: Core.Strapi) {
  return {
    method: 'GET',
    path: '/co/registrations.csv',
    handler: async (ctx: AdminContext) => {
      const event = requestedEvent(ctx);
      if (!event) return;
      const rows = (await strapi.db.query(REGISTRATION).findMany({ where: { eventDocumentId: event }, orderBy: [{ occurrenceDate: 'asc' }, { startsAt: 'asc' }, { createdAt: 'asc' }] })) as Row[];
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="zapisy-${event}.csv"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = registrationsCsv(rows);
    },
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  };
}

/**
 * GET /admin/co/registrations/summary?event=<documentId>: the counts the event's edit view shows
 * (per state, and seats held per date and slot), plus the tallies of erased dates.
 */
export function registrationSummaryRoute(strapi: Core.Strapi) {
  return {
    method: 'GET',
    path: '/co/registrations/summary',
    handler: async (ctx: AdminContext) => {
      const event = requestedEvent(ctx);
      if (!event) return;
      const rows = (await strapi.db.query(REGISTRATION).findMany({ where: { eventDocumentId: event }, select: ['state', 'holdsSeat', 'occurrenceDate', 'slotLabel'] })) as { state: RegistrationStatus; holdsSeat: boolean; occurrenceDate: string; slotLabel: string | null }[];
      const counts = Object.fromEntries(Object.keys(STATE_LABELS).map((state) => [state, rows.filter((row) => row.state === state).length]));
      const byDate = new Map<string, number>();
      for (const row of rows) {
        if (!row.holdsSeat) continue;
        const unit = row.slotLabel ? `${row.occurrenceDate} ${row.slotLabel}` : row.occurrenceDate;
        byDate.set(unit, (byDate.get(unit) ?? 0) + 1);
      }
      const tallies = await strapi.db.query('api::registration-tally.registration-tally').findMany({ where: { eventDocumentId: event }, orderBy: { occurrenceDate: 'asc' } });
      ctx.body = { data: { total: rows.length, counts, seatsHeld: Object.fromEntries([...byDate].sort()), tallies } };
    },
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  };
}
