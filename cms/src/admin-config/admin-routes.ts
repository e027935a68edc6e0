/**
 * What the admin routes of the public forms share: the CSV editors download (UTF-8 with a
 * byte-order mark, so that spreadsheet programs show Polish letters; cells a spreadsheet would
 * run as a formula, starting with = + - @, prefixed with an apostrophe) and the check that the
 * editor may read the entries asked about.
 */
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';

const TIME_ZONE = 'Europe/Warsaw';

export type AdminContext = {
  query: Record<string, unknown>;
  state: { userAbility?: { can(action: string, subject: string): boolean } };
  status: number;
  body: unknown;
  set(name: string, value: string): void;
};

const safe = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export function spreadsheetCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const body = rows.map((row) => row.map((cell) => safe(cell === null || cell === undefined ? '' : String(cell))));
  return `\uFEFF${stringify([[...header], ...body], { record_delimiter: 'windows' })}`;
}

/** A stored time as Kraków wall-clock time for a spreadsheet, '' when there is none. */
export const localTime = (value: string | Date | null | undefined): string => (value ? DateTime.fromJSDate(new Date(value), { zone: TIME_ZONE }).toFormat('yyyy-MM-dd HH:mm') : '');

/**
 * The documentId in `?<param>=` when the editor may read `uid` in the admin (the same permission
 * as its list in the content manager); otherwise answers 403 or 400 and returns null.
 */
export function readableTarget(ctx: AdminContext, uid: string, param: string, noun: string, what: string): string | null {
  const refuse = (status: number, message: string): null => {
    ctx.status = status;
    ctx.body = { error: { status, message } };
    return null;
  };
  if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.read', uid)) return refuse(403, `Brak uprawnień do odczytu: ${noun}.`);
  const value = typeof ctx.query[param] === 'string' ? (ctx.query[param] as string) : '';
  return /^[a-z0-9]{10,40}$/.test(value) ? value : refuse(400, `Podaj ${what}: ?${param}=<identyfikator>.`);
}
