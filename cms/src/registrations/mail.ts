/**
 * The mails of a sign-up, in Polish, as plain text and HTML. Every link opens a page with a
 * button (a GET never changes anything: mail scanners follow links); the address was checked
 * strictly by input.ts before it gets here.
 */
import { DateTime } from 'luxon';
import type { Core } from '@strapi/strapi';
import { buildCalendar } from '../shared/calendar';
import { composeLetter, sendMail, type Mail } from '../mail/letter';
import { linkToken } from '../public-forms/link-tokens';
import { formConfig, type FormSettings } from '../public-forms/settings';
import { loadEvent, type Registration } from './service';
import { TIME_ZONE } from './rules';

export type { Mail };

export type MailKind = 'confirm_request' | 'confirmed' | 'waitlisted' | 'awaiting_approval' | 'promoted' | 'cancelled' | 'reminder' | 'approved' | 'rejected';

/** The sign-ups' part of config/registrations.ts, with what every form reads from it (public-forms/settings.ts). */
export interface RegistrationSettings extends FormSettings {
  confirmHours: number;
  reminderHours: number;
  eraseDays: number;
  rateLimitPerIp: number;
  rateLimitPerEmail: number;
}

export const registrationSettings = (strapi: Core.Strapi): RegistrationSettings => formConfig<RegistrationSettings>(strapi, 'registrations', 'the sign-up routes');

/** What a mail says about the event beyond the registration's own copy of its title. */
export interface MailEvent {
  documentId: string;
  slug?: string | null;
  updatedAt?: string | null;
}

/** The event's page on the site; the same address as site/src/lib/urls.ts `paths.event` (a unit test holds them together). */
export const eventPageUrl = (siteUrl: string, slug: string): string => `${siteUrl}/wydarzenia/${slug}/`;

/** The booked date or slot as an .ics file, with the UID the site's calendar feeds give that date. */
export function calendarFile(registration: Registration, event: MailEvent, settings: RegistrationSettings): string {
  const url = event.slug ? eventPageUrl(settings.siteUrl, event.slug) : settings.siteUrl;
  return buildCalendar(
    [
      {
        documentId: event.documentId,
        title: registration.eventTitle,
        description: `Twój zapis: ${when(registration)}.`,
        url,
        startsAt: registration.startsAt,
        endsAt: registration.endsAt,
        allDay: false,
        location: null,
        status: 'scheduled',
        updatedAt: event.updatedAt ?? new Date().toISOString(),
        recurrence: null,
      },
    ],
    { name: `Centrum Obywatelskie – ${registration.eventTitle}`, domain: new URL(settings.siteUrl).host },
  );
}

/** "wtorek, 12 stycznia 2027, godz. 16:00" (Kraków time), the way the site writes dates. */
export function when(registration: Pick<Registration, 'startsAt' | 'slotLabel'>): string {
  const start = DateTime.fromISO(registration.startsAt, { zone: TIME_ZONE }).setLocale('pl');
  const day = start.toFormat('cccc, d MMMM yyyy');
  return registration.slotLabel ? `${day}, godz. ${registration.slotLabel}` : `${day}, godz. ${start.toFormat('HH:mm')}`;
}

export const linkFor = (settings: RegistrationSettings, action: 'confirm' | 'cancel', registration: Pick<Registration, 'linkId'>): string =>
  `${settings.publicUrl}/api/signups/${action}?token=${linkToken(settings.secret, registration.linkId)}`;

interface Parts {
  subject: string;
  lead: string;
  action?: { label: string; url: string; note: string };
}

function parts(kind: MailKind, registration: Registration, settings: RegistrationSettings): Parts {
  const cancel = { label: 'Zrezygnuj z udziału', url: linkFor(settings, 'cancel', registration), note: 'Jeśli nie możesz przyjść, zrezygnuj – miejsce dostanie kolejna osoba.' };
  const title = `„${registration.eventTitle}”`;
  switch (kind) {
    case 'confirm_request':
      return {
        subject: `Potwierdź zapis: ${registration.eventTitle}`,
        lead: registration.holdsSeat
          ? `Zapisano Cię na ${title} (${when(registration)}). Miejsce czeka na Ciebie przez ${settings.confirmHours} godzin: potwierdź adres e-mail, inaczej zapis wygaśnie.`
          : `Chcesz zapisać się na ${title} (${when(registration)}). Potwierdź adres e-mail, a zapis trafi na listę (rezerwową albo do akceptacji organizatora – napiszemy, co dalej).`,
        action: { label: 'Potwierdź zapis', url: linkFor(settings, 'confirm', registration), note: 'Jeśli to nie Ty zapisywałeś/-aś się, zignoruj tę wiadomość – bez potwierdzenia zapis wygaśnie.' },
      };
    case 'confirmed':
      return { subject: `Zapis potwierdzony: ${registration.eventTitle}`, lead: `Masz miejsce na ${title}: ${when(registration)}. W załączniku jest termin do dodania do kalendarza.`, action: cancel };
    case 'waitlisted':
      return {
        subject: `Lista rezerwowa: ${registration.eventTitle}`,
        lead: `Wszystkie miejsca na ${title} (${when(registration)}) są zajęte, więc zapisaliśmy Cię na listę rezerwową. Gdy ktoś zrezygnuje, pierwsza osoba z listy dostaje miejsce od razu – wtedy napiszemy.`,
        action: { ...cancel, label: 'Wypisz się z listy rezerwowej', note: 'Nie chcesz już czekać? Wypisz się.' },
      };
    case 'awaiting_approval':
      return {
        subject: `Zgłoszenie czeka na decyzję: ${registration.eventTitle}`,
        lead: `Dziękujemy za zgłoszenie na ${title} (${when(registration)}). O udziale decyduje organizator; odpowiedź wyślemy na ten adres.`,
        action: { ...cancel, label: 'Wycofaj zgłoszenie', note: 'Jeśli zmienisz zdanie, wycofaj zgłoszenie.' },
      };
    case 'promoted':
      return { subject: `Zwolniło się miejsce: ${registration.eventTitle}`, lead: `Dobra wiadomość: zwolniło się miejsce na ${title} (${when(registration)}) i jest Twoje – nic więcej nie musisz robić.`, action: cancel };
    case 'reminder':
      return { subject: `Przypomnienie: ${registration.eventTitle}`, lead: `Przypominamy o Twoim zapisie na ${title}: ${when(registration)}. Do zobaczenia!`, action: cancel };
    case 'approved':
      return {
        subject: `Zgłoszenie przyjęte: ${registration.eventTitle}`,
        lead: `Organizator przyjął Twoje zgłoszenie na ${title} (${when(registration)}) – masz miejsce.${registration.decisionReason ? ` Wiadomość od organizatora: ${registration.decisionReason}` : ''}`,
        action: cancel,
      };
    case 'rejected':
      return {
        subject: `Zgłoszenie nieprzyjęte: ${registration.eventTitle}`,
        lead: `Niestety organizator nie przyjął Twojego zgłoszenia na ${title} (${when(registration)}).${registration.decisionReason ? ` Uzasadnienie: ${registration.decisionReason}` : ''} Zapraszamy na inne wydarzenia Centrum.`,
      };
    case 'cancelled':
      return { subject: `Rezygnacja przyjęta: ${registration.eventTitle}`, lead: `Twój zapis na ${title} (${when(registration)}) został anulowany. Dziękujemy, że dałeś/-aś znać.` };
  }
}

/** One mail about one registration; with the event, it links to the event's page, and a seat comes with an .ics. */
export function composeMail(kind: MailKind, registration: Registration, settings: RegistrationSettings, event?: MailEvent): Mail {
  const { subject, lead, action } = parts(kind, registration, settings);
  const withSeat = kind === 'confirmed' || kind === 'promoted' || kind === 'approved';
  return composeLetter({
    to: registration.email,
    name: registration.name,
    subject,
    lead,
    action,
    link: event?.slug ? { label: 'Strona wydarzenia', url: eventPageUrl(settings.siteUrl, event.slug) } : undefined,
    footer: 'Centrum Obywatelskie, ul. Reymonta 20, Kraków. Dostajesz tę wiadomość, bo ktoś podał ten adres w formularzu zapisu na stronie Centrum. Dane zapisu usuwamy po wydarzeniu, zgodnie z polityką prywatności.',
    attachments: withSeat && event ? [{ filename: 'wydarzenie.ics', content: calendarFile(registration, event, settings), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] : undefined,
  });
}

/** Composes and sends one mail about a registration, reading the event for its link and calendar file. */
export async function mailAbout(strapi: Core.Strapi, kind: MailKind, registration: Registration, event?: MailEvent | null): Promise<void> {
  const about = event ?? (await loadEvent(strapi, registration.eventDocumentId)) ?? undefined;
  await sendMail(strapi, composeMail(kind, registration, registrationSettings(strapi), about));
}

/**
 * A mail about a change already made (confirmed, cancelled, moved up, reminded). Its failure is
 * logged — by registration id, nothing personal — rather than thrown: the change stands either
 * way. Returns whether the mail went out.
 */
export async function tell(strapi: Core.Strapi, kind: MailKind, registration: Registration): Promise<boolean> {
  try {
    await mailAbout(strapi, kind, registration);
    return true;
  } catch (error) {
    strapi.log.error(`Sign-ups: registration ${registration.id} is ${registration.state}, but the "${kind}" mail failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
