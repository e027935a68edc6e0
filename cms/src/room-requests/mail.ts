/**
 * The mails of a room request, in Polish, through the shared letter (mail/letter.ts). Every link
 * opens a page with a button; the address was checked strictly by the form's rules.
 */
import { DateTime } from 'luxon';
import type { Core } from '@strapi/strapi';
import { composeLetter, linkPage, sendMail, type Mail } from '../mail/letter';
import { linkToken } from '../public-forms/link-tokens';
import { formConfig, formSettings, type FormSettings } from '../public-forms/settings';
import { TIME_ZONE } from '../shared/recurrence';
import { buildCalendar } from '../shared/calendar';
import { meetings } from './rules';
import type { RoomRequest } from './service';

export type RoomMailKind = 'confirm_request' | 'requested' | 'needs_information' | 'approved' | 'rejected' | 'withdrawn' | 'turned_down';
export type RoomLinkAction = 'confirm' | 'withdraw';

export interface RoomRequestSettings {
  minDays: number;
  maxMonths: number;
  confirmHours: number;
  eraseDays: number;
  rateLimitPerIp: number;
  rateLimitPerEmail: number;
}

export const roomRequestSettings = (strapi: Core.Strapi): RoomRequestSettings => formConfig<RoomRequestSettings>(strapi, 'room-requests', 'the room request routes');

const local = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(TIME_ZONE).setLocale('pl');

/** "wtorek, 12 stycznia 2027, 16:00–18:00, co tydzień do 9 lutego 2027" (Kraków time). */
export function whenRequested(request: Pick<RoomRequest, 'startsAt' | 'endsAt' | 'repeatUntil'>): string {
  const start = local(request.startsAt);
  const once = `${start.toFormat('cccc, d MMMM yyyy')}, ${start.toFormat('HH:mm')}–${local(request.endsAt).toFormat('HH:mm')}`;
  return request.repeatUntil ? `${once}, co tydzień do ${DateTime.fromISO(request.repeatUntil, { zone: TIME_ZONE }).setLocale('pl').toFormat('d MMMM yyyy')}` : once;
}

export const roomLinkFor = (settings: FormSettings, action: RoomLinkAction, request: Pick<RoomRequest, 'linkId'>): string =>
  `${settings.publicUrl}/api/room-requests/${action}?token=${linkToken(settings.secret, request.linkId)}`;

/** The approved meetings as an .ics file for the applicant's calendar. */
function calendarFile(request: RoomRequest, settings: FormSettings): string {
  return buildCalendar(
    meetings(request).map((meeting, index) => ({
      documentId: `${request.documentId}-${index}`,
      title: `${request.roomName} – rezerwacja`,
      description: 'Sala w Centrum Obywatelskim, ul. Reymonta 20, Kraków.',
      url: settings.siteUrl,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      allDay: false,
      location: `Centrum Obywatelskie, ul. Reymonta 20, Kraków – ${request.roomName}`,
      status: 'scheduled' as const,
      updatedAt: new Date().toISOString(),
      recurrence: null,
    })),
    { name: `Centrum Obywatelskie – ${request.roomName}`, domain: new URL(settings.siteUrl).host },
  );
}

export function composeRoomMail(kind: RoomMailKind, request: RoomRequest, settings: FormSettings, confirmHours: number): Mail {
  const what = `salę „${request.roomName}” (${whenRequested(request)})`;
  const withdraw = { label: 'Wycofaj wniosek', url: roomLinkFor(settings, 'withdraw', request), note: 'Jeśli sala nie będzie już potrzebna, wycofaj wniosek – termin dostanie ktoś inny.' };
  const reason = request.decisionReason ? ` ${request.decisionReason}` : '';
  const parts: Record<RoomMailKind, { subject: string; lead: string; action?: typeof withdraw }> = {
    confirm_request: {
      subject: `Potwierdź wniosek o salę: ${request.roomName}`,
      lead: `Otrzymaliśmy wniosek o ${what}. Potwierdź adres e-mail w ciągu ${confirmHours} godzin – dopiero wtedy wniosek trafi do koordynatora sal.`,
      action: { label: 'Potwierdź wniosek', url: roomLinkFor(settings, 'confirm', request), note: 'Jeśli to nie Ty składałeś/-aś wniosek, zignoruj tę wiadomość – bez potwierdzenia wniosek wygaśnie.' },
    },
    requested: { subject: `Wniosek o salę czeka na decyzję: ${request.roomName}`, lead: `Dziękujemy, wniosek o ${what} czeka na decyzję koordynatora sal. Odpowiedź wyślemy na ten adres. Termin jest zarezerwowany dopiero po akceptacji.`, action: withdraw },
    needs_information: { subject: `Potrzebujemy informacji: wniosek o salę ${request.roomName}`, lead: `Koordynator sal potrzebuje więcej informacji, by rozpatrzyć wniosek o ${what}:${reason} Odpowiedz na tę wiadomość.`, action: withdraw },
    approved: { subject: `Sala zarezerwowana: ${request.roomName}`, lead: `Wniosek o ${what} został przyjęty – sala jest zarezerwowana dla Ciebie.${reason ? ` Wiadomość od koordynatora:${reason}` : ''} Terminy do kalendarza są w załączniku.`, action: withdraw },
    rejected: { subject: `Wniosek o salę nieprzyjęty: ${request.roomName}`, lead: `Niestety nie możemy udostępnić Ci sali: ${what}. Uzasadnienie:${reason}` },
    withdrawn: { subject: `Wniosek o salę wycofany: ${request.roomName}`, lead: `Wycofaliśmy Twój wniosek o ${what}. Dziękujemy, że dałeś/-aś znać.` },
    turned_down: { subject: `Termin sali przyznany innej grupie: ${request.roomName}`, lead: `Niestety termin, o który prosisz (${what}), przyznaliśmy już innemu wnioskowi, więc Twój nie może zostać przyjęty. Sprawdź wolne godziny na stronie sali i złóż nowy wniosek.` },
  };
  const { subject, lead, action } = parts[kind];
  return composeLetter({
    to: request.email ?? '',
    name: request.contactName ?? '',
    subject,
    lead,
    action,
    footer: 'Centrum Obywatelskie, ul. Reymonta 20, Kraków. Dostajesz tę wiadomość, bo ktoś podał ten adres we wniosku o salę na stronie Centrum. Dane wniosku usuwamy po terminie, zgodnie z polityką prywatności.',
    attachments: kind === 'approved' ? [{ filename: 'rezerwacja.ics', content: calendarFile(request, settings), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] : undefined,
  });
}

export async function mailRequest(strapi: Core.Strapi, kind: RoomMailKind, request: RoomRequest): Promise<void> {
  if (!request.email) throw new Error(`Room requests: request ${request.id} has no e-mail address (erased?), so its "${kind}" mail cannot go.`);
  await sendMail(strapi, composeRoomMail(kind, request, formSettings(strapi), roomRequestSettings(strapi).confirmHours));
}

/** A mail about a change already made: its failure is logged by request id, nothing personal, and the change stands. */
export async function tellApplicant(strapi: Core.Strapi, kind: RoomMailKind, request: RoomRequest): Promise<boolean> {
  try {
    await mailRequest(strapi, kind, request);
    return true;
  } catch (error) {
    strapi.log.error(`Room requests: request ${request.id} is ${request.state}, but the "${kind}" mail failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

const LINK_TEXT: Record<RoomLinkAction, { title: string; lead: string; button: string }> = {
  confirm: { title: 'Potwierdź wniosek o salę', lead: 'Kliknij przycisk, aby potwierdzić adres e-mail i przekazać wniosek koordynatorowi sal:', button: 'Potwierdzam wniosek' },
  withdraw: { title: 'Wycofanie wniosku o salę', lead: 'Kliknij przycisk, aby wycofać wniosek i zwolnić termin:', button: 'Wycofuję wniosek' },
};

export const roomLinkPage = (action: RoomLinkAction, request: RoomRequest, token: string, siteUrl: string): string =>
  linkPage({ ...LINK_TEXT[action], subject: request.roomName, detail: whenRequested(request), token, siteUrl });
