/**
 * The mails of a room request, in the language of its form (mail-words*.ts), through the shared letter (mail/letter.ts). Every link
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
import { loadRoom, translatedRoom, type RoomRequest } from './service';
import type { Language } from '../languages/locales';
import { sitePathIn } from '../languages/words';
import { ROOM_WORDS_PL, type RoomWords } from './mail-words';
import { ROOM_WORDS_EN } from './mail-words-en';
import { ROOM_WORDS_UK } from './mail-words-uk';

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

const local = (iso: string, language: Language) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(TIME_ZONE).setLocale(language);

const WORDS: Record<Language, RoomWords> = { pl: ROOM_WORDS_PL, uk: ROOM_WORDS_UK, en: ROOM_WORDS_EN };
/** What a room request's mails and link pages say, in its language. */
export const roomWords = (language: Language): RoomWords => WORDS[language];

/** "wtorek, 12 stycznia 2027, 16:00–18:00, co tydzień do 9 lutego 2027" (Kraków time), in the request's language. */
export function whenRequested(request: Pick<RoomRequest, 'startsAt' | 'endsAt' | 'repeatUntil'>, language: Language = 'pl'): string {
  const start = local(request.startsAt, language);
  const until = request.repeatUntil ? DateTime.fromISO(request.repeatUntil, { zone: TIME_ZONE }).setLocale(language).toFormat('d MMMM yyyy') : null;
  return roomWords(language).when(start.toFormat('cccc, d MMMM yyyy'), `${start.toFormat('HH:mm')}–${local(request.endsAt, language).toFormat('HH:mm')}`, until);
}

export const roomLinkFor = (settings: FormSettings, action: RoomLinkAction, request: Pick<RoomRequest, 'linkId'>): string =>
  `${settings.publicUrl}/api/room-requests/${action}?token=${linkToken(settings.secret, request.linkId)}`;

/** The room as a mail names it: its translated name and page where the request's language has one. */
export interface MailRoom {
  name: string;
  /** The room's page, in the language of `name`. */
  url: string;
}

/** The approved meetings as an .ics file for the applicant's calendar. */
function calendarFile(request: RoomRequest, room: MailRoom, settings: FormSettings): string {
  const words = roomWords(request.language).calendar;
  return buildCalendar(
    meetings(request).map((meeting, index) => ({
      documentId: `${request.documentId}-${index}`,
      title: words.title(room.name),
      description: words.description,
      url: room.url,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      allDay: false,
      location: `Centrum Obywatelskie, ul. Reymonta 20, Kraków – ${room.name}`,
      status: 'scheduled' as const,
      updatedAt: new Date().toISOString(),
      recurrence: null,
    })),
    { name: `Centrum Obywatelskie – ${room.name}`, domain: new URL(settings.siteUrl).host },
  );
}

/**
 * A mail to the applicant, in the request's language. `room` is the room's name and page in that
 * language where it is translated (else the Polish ones, the request's own copy of the name).
 */
export function composeRoomMail(kind: RoomMailKind, request: RoomRequest, settings: FormSettings, confirmHours: number, room: MailRoom = { name: request.roomName, url: settings.siteUrl }): Mail {
  const words = roomWords(request.language);
  const facts = { room: room.name, when: whenRequested(request, request.language), confirmHours, reason: request.decisionReason };
  const withdraw = { ...words.withdraw, url: roomLinkFor(settings, 'withdraw', request) };
  const actions: Partial<Record<RoomMailKind, { label: string; url: string; note: string }>> = {
    confirm_request: { ...words.confirm, url: roomLinkFor(settings, 'confirm', request) },
    requested: withdraw,
    needs_information: withdraw,
    approved: withdraw,
  };
  return composeLetter({
    to: request.email ?? '',
    name: request.contactName ?? '',
    subject: words.subjects[kind](room.name),
    lead: words.leads[kind](facts),
    action: actions[kind],
    footer: words.footer,
    attachments: kind === 'approved' ? [{ filename: words.calendar.fileName, content: calendarFile(request, room, settings), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] : undefined,
    language: request.language,
  });
}

/** The room's name and page in the request's language (the translated room where there is one). */
export async function mailRoom(strapi: Core.Strapi, request: RoomRequest): Promise<MailRoom> {
  const settings = formSettings(strapi);
  const translated = await translatedRoom(strapi, request.roomDocumentId, request.language);
  if (translated) return { name: translated.name, url: `${settings.siteUrl}${sitePathIn(`/sale/${translated.slug}/`, request.language)}` };
  const polish = await loadRoom(strapi, request.roomDocumentId);
  return { name: request.roomName, url: polish ? `${settings.siteUrl}/sale/${polish.slug}/` : settings.siteUrl };
}

export async function mailRequest(strapi: Core.Strapi, kind: RoomMailKind, request: RoomRequest): Promise<void> {
  if (!request.email) throw new Error(`Room requests: request ${request.id} has no e-mail address (erased?), so its "${kind}" mail cannot go.`);
  await sendMail(strapi, composeRoomMail(kind, request, formSettings(strapi), roomRequestSettings(strapi).confirmHours, await mailRoom(strapi, request)));
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

/** The page a mailed link opens, in the request's language. */
export const roomLinkPage = (action: RoomLinkAction, request: RoomRequest, token: string, siteUrl: string, room: MailRoom = { name: request.roomName, url: siteUrl }): string =>
  linkPage({ ...roomWords(request.language).linkPages[action], subject: room.name, detail: whenRequested(request, request.language), token, siteUrl, language: request.language });
