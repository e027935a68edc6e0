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
import { loadEvent, translatedEvent, type Registration } from './service';
import type { Language } from '../languages/locales';
import { sitePathIn } from '../languages/words';
import { SIGNUP_WORDS_PL, type SignupWords } from './mail-words';
import { SIGNUP_WORDS_EN } from './mail-words-en';
import { SIGNUP_WORDS_UK } from './mail-words-uk';
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
  /** The language of `slug`: the translation's address when the sign-up's language has one, else Polish. */
  language?: Language;
}

/** The event's page on the site; the same address as site/src/lib/urls.ts `paths.event` (a unit test holds them together). */
export const eventPageUrl = (siteUrl: string, slug: string, language: Language = 'pl'): string => `${siteUrl}${sitePathIn(`/wydarzenia/${slug}/`, language)}`;

const WORDS: Record<Language, SignupWords> = { pl: SIGNUP_WORDS_PL, uk: SIGNUP_WORDS_UK, en: SIGNUP_WORDS_EN };
/** What the mails and link pages of a sign-up say, in its language. */
export const signupWords = (language: Language): SignupWords => WORDS[language];

/** The booked date or slot as an .ics file, with the UID the site's calendar feeds give that date. */
export function calendarFile(registration: Registration, event: MailEvent, settings: RegistrationSettings): string {
  const url = event.slug ? eventPageUrl(settings.siteUrl, event.slug, event.language) : settings.siteUrl;
  return buildCalendar(
    [
      {
        documentId: event.documentId,
        title: registration.eventTitle,
        description: signupWords(registration.language).yourSignup(when(registration)),
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

/** "wtorek, 12 stycznia 2027, godz. 16:00" (Kraków time, in the sign-up's language), the way the site writes dates. */
export function when(registration: Pick<Registration, 'startsAt' | 'slotLabel'> & { language?: Language }): string {
  const language = registration.language ?? 'pl';
  const start = DateTime.fromISO(registration.startsAt, { zone: TIME_ZONE }).setLocale(language);
  return signupWords(language).when(start.toFormat('cccc, d MMMM yyyy'), registration.slotLabel ?? start.toFormat('HH:mm'));
}

export const linkFor = (settings: RegistrationSettings, action: 'confirm' | 'cancel', registration: Pick<Registration, 'linkId'>): string =>
  `${settings.publicUrl}/api/signups/${action}?token=${linkToken(settings.secret, registration.linkId)}`;

interface Parts {
  subject: string;
  lead: string;
  action?: { label: string; url: string; note: string };
}

function parts(kind: MailKind, registration: Registration, settings: RegistrationSettings): Parts {
  const words = signupWords(registration.language);
  const facts = { title: words.quote(registration.eventTitle), when: when(registration), confirmHours: settings.confirmHours, reason: registration.decisionReason, holdsSeat: registration.holdsSeat };
  const cancel = { ...words.cancel, url: linkFor(settings, 'cancel', registration) };
  const action: Partial<Record<MailKind, Parts['action']>> = {
    confirm_request: { ...words.confirm, url: linkFor(settings, 'confirm', registration) },
    confirmed: cancel,
    waitlisted: { ...cancel, ...words.leaveWaitlist },
    awaiting_approval: { ...cancel, ...words.withdraw },
    promoted: cancel,
    reminder: cancel,
    approved: cancel,
  };
  return { subject: words.subjects[kind](registration.eventTitle), lead: words.leads[kind](facts), action: action[kind] };
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
    link: event?.slug ? { label: signupWords(registration.language).eventPage, url: eventPageUrl(settings.siteUrl, event.slug, event.language) } : undefined,
    footer: signupWords(registration.language).footer,
    language: registration.language,
    attachments: withSeat && event ? [{ filename: 'wydarzenie.ics', content: calendarFile(registration, event, settings), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] : undefined,
  });
}

/** Composes and sends one mail about a registration, reading the event for its link and calendar file. */
export async function mailAbout(strapi: Core.Strapi, kind: MailKind, registration: Registration, event?: MailEvent | null): Promise<void> {
  const polish = event ?? (await loadEvent(strapi, registration.eventDocumentId)) ?? undefined;
  // The event's page in the sign-up's language, where it is translated.
  const translated = polish && registration.language !== 'pl' ? await translatedEvent(strapi, polish.documentId, registration.language) : null;
  const about = polish && translated ? { ...polish, slug: translated.slug, language: registration.language } : polish;
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
