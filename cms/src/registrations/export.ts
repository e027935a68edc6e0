/**
 * The organisers' list of an event's sign-ups as CSV: UTF-8 with a byte-order mark, so that
 * spreadsheet programs show Polish letters, and cells that a spreadsheet would run as a formula
 * (starting with = + - @) prefixed with an apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { TIME_ZONE, type RegistrationStatus } from './rules';
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

const safe = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
const local = (value: string | Date | null): string => (value ? DateTime.fromJSDate(new Date(value), { zone: TIME_ZONE }).toFormat('yyyy-MM-dd HH:mm') : '');

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
  ].map((cell) => safe(String(cell))));
  return `\uFEFF${stringify([header, ...body], { record_delimiter: 'windows' })}`;
}

/** GET /admin/co/registrations.csv?event=<documentId>: for editors who may read sign-ups in the admin. */
export function registrationExportRoute(strapi: Core.Strapi) {
  return {
    method: 'GET',
    path: '/co/registrations.csv',
    handler: async (ctx: { query: Record<string, unknown>; state: { userAbility?: { can(action: string, subject: string): boolean } }; status: number; body: unknown; set(name: string, value: string): void }) => {
      if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.read', REGISTRATION)) {
        ctx.status = 403;
        ctx.body = { error: { status: 403, message: 'Brak uprawnień do odczytu zapisów.' } };
        return;
      }
      const event = typeof ctx.query.event === 'string' ? ctx.query.event : '';
      if (!/^[a-z0-9]{10,40}$/.test(event)) {
        ctx.status = 400;
        ctx.body = { error: { status: 400, message: 'Podaj wydarzenie: ?event=<identyfikator wydarzenia>.' } };
        return;
      }
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
    handler: async (ctx: Parameters<ReturnType<typeof registrationExportRoute>['handler']>[0]) => {
      if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.read', REGISTRATION)) {
        ctx.status = 403;
        ctx.body = { error: { status: 403, message: 'Brak uprawnień do odczytu zapisów.' } };
        return;
      }
      const event = typeof ctx.query.event === 'string' ? ctx.query.event : '';
      if (!/^[a-z0-9]{10,40}$/.test(event)) {
        ctx.status = 400;
        ctx.body = { error: { status: 400, message: 'Podaj wydarzenie: ?event=<identyfikator wydarzenia>.' } };
        return;
      }
      const rows = (await strapi.db.query(REGISTRATION).findMany({ where: { eventDocumentId: event }, select: ['state', 'holdsSeat', 'occurrenceDate', 'slotLabel'] })) as { state: RegistrationStatus; holdsSeat: boolean; occurrenceDate: string; slotLabel: string | null }[];
      const counts = Object.fromEntries(Object.keys(STATE_LABELS).map((state) => [state, rows.filter((row) => row.state === state).length]));
      const byDate = new Map<string, number>();
      for (const row of rows) if (row.holdsSeat) byDate.set(`${row.occurrenceDate}${row.slotLabel ? ` ${row.slotLabel}` : ''}`, (byDate.get(`${row.occurrenceDate}${row.slotLabel ? ` ${row.slotLabel}` : ''}`) ?? 0) + 1);
      const tallies = await strapi.db.query('api::registration-tally.registration-tally').findMany({ where: { eventDocumentId: event }, orderBy: { occurrenceDate: 'asc' } });
      ctx.body = { data: { total: rows.length, counts, seatsHeld: Object.fromEntries([...byDate].sort()), tallies } };
    },
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  };
}
