/**
 * The mails of volunteering applications, in Polish, through the shared letter (mail/letter.ts).
 * The applicant's mails carry the applicant's link (confirm, withdraw); the organisation's carry
 * the organisation's (answer), and a reply to them goes to the applicant. Every link opens a page
 * with a button; nothing changes on a GET.
 */
import type { Core } from '@strapi/strapi';
import { composeLetter, escapeHtml, linkPage, sendMail, type LinkForm, type Mail } from '../mail/letter';
import { formConfig, formSettings, type FormSettings } from '../public-forms/settings';
import { DECLINE_REASONS } from '../shared/volunteer-application-results';
import type { Language } from '../languages/locales';
import { sitePathIn } from '../languages/words';
import { VOLUNTEER_WORDS_PL, type VolunteerWords } from './mail-words';
import { VOLUNTEER_WORDS_EN } from './mail-words-en';
import { VOLUNTEER_WORDS_UK } from './mail-words-uk';
import { ADULT_AGE } from '../shared/volunteer-offers';
import { NOTE_MAX } from './rules';
import { applicantToken, organizationToken, translatedOffer, type Application, type Offer } from './service';
import { offerIn, type DigestOffer, type Interest } from './interests';
import { linkToken } from '../public-forms/link-tokens';

export interface VolunteeringSettings {
  confirmHours: number;
  remindAfterDays: number;
  expiryNoticeDays: number;
  eraseMonths: number;
  rateLimitPerIp: number;
  rateLimitPerEmail: number;
}

export const volunteeringSettings = (strapi: Core.Strapi): VolunteeringSettings => formConfig<VolunteeringSettings>(strapi, 'volunteering', 'the volunteering routes');

export type ApplicantLink = 'confirm' | 'withdraw';

export const applicantLink = (settings: FormSettings, action: ApplicantLink, application: Pick<Application, 'linkId'>): string =>
  `${settings.publicUrl}/api/volunteer-applications/${action}?token=${applicantToken(settings.secret, application)}`;
export const answerLink = (settings: FormSettings, application: Pick<Application, 'answerLinkId'>): string =>
  `${settings.publicUrl}/api/volunteer-applications/answer?token=${organizationToken(settings.secret, application)}`;
export const offerUrl = (settings: FormSettings, offer: Pick<Offer, 'slug'>, language: Language = 'pl'): string => `${settings.siteUrl}${sitePathIn(`/wolontariat/${offer.slug}/`, language)}`;

const WORDS: Record<Language, VolunteerWords> = { pl: VOLUNTEER_WORDS_PL, uk: VOLUNTEER_WORDS_UK, en: VOLUNTEER_WORDS_EN };
/** What the applicant's mails and link pages say, in the application's language. */
export const volunteerWords = (language: Language): VolunteerWords => WORDS[language];
/** The applicant's language named in Polish, for the organisation's mail. */
const LANGUAGE_IN_POLISH: Record<Language, string> = { pl: 'polski', uk: 'ukraiński', en: 'angielski' };

const FOOTER_ORGANIZATION = 'Centrum Obywatelskie, ul. Reymonta 20, Kraków. Dostajesz tę wiadomość jako osoba kontaktowa oferty wolontariatu na stronie Centrum. Dane zgłaszających przekazujemy wyłącznie do rozpatrzenia zgłoszenia – prosimy ich nie udostępniać dalej.';

/** The applicant's age as the organisation reads it. */
export function ageText(application: Pick<Application, 'age'>, offer: Pick<Offer, 'minimumAge'>): string {
  if (application.age === 'minor') return `niepełnoletni/-a (od ${offer.minimumAge} do ${ADULT_AGE - 1} lat) – dostarczy pisemną zgodę rodzica lub opiekuna`;
  return `ma ukończone ${Math.max(offer.minimumAge, ADULT_AGE)} lat`;
}

export type ApplicantMailKind = 'confirm_application' | 'submitted' | 'accepted' | 'declined' | 'withdrawn';

/**
 * A mail to the applicant, in the application's language. `translatedSlug` is the offer's address
 * in that language when it has one (else the mail links to the Polish page).
 */
export function composeApplicantMail(kind: ApplicantMailKind, application: Application, offer: Offer, settings: FormSettings, confirmHours: number, translatedSlug: string | null = null): Mail {
  const words = volunteerWords(application.language);
  const facts = {
    offer: application.offerTitle,
    organization: offer.organizationName,
    contact: [offer.contactName, offer.organizationName].filter((part): part is string => Boolean(part)).join(', ') || null,
    confirmHours,
    reserve: application.reserve,
    minor: application.age === 'minor',
    declineReason: application.declineReason,
  };
  const page = translatedSlug ? offerUrl(settings, { slug: translatedSlug }, application.language) : offerUrl(settings, offer);
  const board = `${settings.siteUrl}${sitePathIn('/wolontariat/', application.language)}`;
  const withdraw = { ...words.withdraw, url: applicantLink(settings, 'withdraw', application) };
  const note = application.answerNote ? [[words.details.note, application.answerNote] as [string, string]] : [];
  const parts: Record<ApplicantMailKind, { details?: [string, string][]; action?: typeof withdraw }> = {
    confirm_application: { action: { ...words.confirm, url: applicantLink(settings, 'confirm', application) } },
    submitted: { details: [[words.details.offer, page], [words.details.availability, application.availability ?? '']], action: withdraw },
    accepted: {
      details: [
        [words.details.contact, offer.contactName ?? offer.organizationName ?? ''],
        [words.details.email, offer.contactEmail ?? ''],
        ...(offer.contactPhone ? [[words.details.phone, offer.contactPhone] as [string, string]] : []),
        ...note,
      ],
      action: withdraw,
    },
    declined: { details: [...note, [words.details.board, board]] },
    withdrawn: {},
  };
  const { details, action } = parts[kind];
  return composeLetter({ to: application.email ?? '', name: application.name ?? '', subject: words.subjects[kind](application.offerTitle), lead: words.leads[kind](facts), details, action, footer: words.footer, language: application.language });
}

export type OrganizationMailKind = 'new_application' | 'withdrawn';

/** To the offer's contact address, with Reply-To the applicant, so answering the mail reaches them. */
export function composeOrganizationMail(kind: OrganizationMailKind, application: Application, offer: Offer, settings: FormSettings): Mail {
  if (!offer.contactEmail) throw new Error(`Volunteering: offer ${offer.documentId} has no contact address, so application ${application.id} cannot reach the organisation.`);
  const applicant = application.name ?? 'Zgłaszający';
  if (kind === 'withdrawn') {
    return composeLetter({
      to: offer.contactEmail,
      name: offer.contactName ?? offer.organizationName ?? 'Organizacjo',
      subject: `Zgłoszenie wycofane: ${offer.title}`,
      lead: `${applicant} wycofał(a) zgłoszenie do oferty „${offer.title}”. Nie trzeba już na nie odpowiadać.`,
      footer: FOOTER_ORGANIZATION,
    });
  }
  return composeLetter({
    to: offer.contactEmail,
    replyTo: application.email ?? undefined,
    name: offer.contactName ?? offer.organizationName ?? 'Organizacjo',
    subject: `${application.reserve ? 'Zgłoszenie rezerwowe' : 'Nowe zgłoszenie'} do wolontariatu: ${offer.title}`,
    lead: `${applicant} chce pomagać w ofercie „${offer.title}”${application.reserve ? ' (zgłoszenie rezerwowe: macie już komplet przyjętych wolontariuszy)' : ''}. Odpowiedzcie przyciskiem poniżej – przyjęcie albo odmowa z powodem pójdzie do zgłaszającego e-mailem. Odpowiedź na tę wiadomość trafi prosto do niego.`,
    details: [
      ['Imię i nazwisko', applicant],
      ['E-mail', application.email ?? ''],
      ...(application.phone ? [['Telefon', application.phone] as [string, string]] : []),
      ['Wiek', ageText(application, offer)],
      ['Kiedy może pomagać', application.availability ?? ''],
      ...(application.message ? [['Kilka słów o sobie', application.message] as [string, string]] : []),
      // Sent from the offer's page in another language: the organisation knows how to answer.
      ...(application.language !== 'pl' ? [['Język formularza', LANGUAGE_IN_POLISH[application.language]] as [string, string]] : []),
    ],
    action: { label: 'Odpowiedz na zgłoszenie', url: answerLink(settings, application), note: 'Zgłaszający czeka na odpowiedź; po 7 dniach bez niej przypomnimy o zgłoszeniu.' },
    footer: FOOTER_ORGANIZATION,
  });
}

/** The weekly nudge: the offer's applications nobody has answered, each with its answer link. */
export function composeReminderMail(offer: Offer, waiting: readonly Application[], settings: FormSettings, days: number): Mail {
  if (!offer.contactEmail) throw new Error(`Volunteering: offer ${offer.documentId} has no contact address for its reminder.`);
  return composeLetter({
    to: offer.contactEmail,
    name: offer.contactName ?? offer.organizationName ?? 'Organizacjo',
    subject: `Czekają na odpowiedź: ${waiting.length} ${waiting.length === 1 ? 'zgłoszenie' : 'zgłoszenia'} – ${offer.title}`,
    lead: `Te osoby zgłosiły się do oferty „${offer.title}” ponad ${days} dni temu i wciąż czekają na odpowiedź. Nawet odmowa jest lepsza niż cisza – zajmie minutę.`,
    details: waiting.map((application) => [application.name ?? 'Zgłaszający', answerLink(settings, application)] as [string, string]),
    footer: FOOTER_ORGANIZATION,
  });
}

/** A week before an offer stops taking applications: the organisation may ask the centre to extend it. */
export function composeExpiryMail(offer: Offer, lastDay: string, settings: FormSettings): Mail {
  if (!offer.contactEmail) throw new Error(`Volunteering: offer ${offer.documentId} has no contact address for its expiry notice.`);
  return composeLetter({
    to: offer.contactEmail,
    name: offer.contactName ?? offer.organizationName ?? 'Organizacjo',
    subject: `Oferta wolontariatu wkrótce wygaśnie: ${offer.title}`,
    lead: `Oferta „${offer.title}” przyjmuje zgłoszenia do ${lastDay}; potem zniknie z tablicy wolontariatu. Jeśli nadal szukacie wolontariuszy, odpowiedzcie na tę wiadomość – przedłużymy ją albo zaktualizujemy.`,
    link: { label: 'Oferta na stronie', url: offerUrl(settings, offer) },
    footer: FOOTER_ORGANIZATION,
  });
}

export async function mailApplicant(strapi: Core.Strapi, kind: ApplicantMailKind, application: Application, offer: Offer): Promise<void> {
  if (!application.email) throw new Error(`Volunteering: application ${application.id} has no e-mail address (erased?), so its "${kind}" mail cannot go.`);
  const translated = await translatedOffer(strapi, offer.documentId, application.language);
  await sendMail(strapi, composeApplicantMail(kind, application, offer, formSettings(strapi), volunteeringSettings(strapi).confirmHours, translated?.slug ?? null));
}

/** A mail about a change already made: a failure is logged by application id only, and the change stands. */
export async function tellAfterChange(strapi: Core.Strapi, what: string, application: Application, send: () => Promise<void>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    // The SMTP error can quote the address; only its class goes to the log.
    strapi.log.error(`Volunteering: application ${application.id} is ${application.state}, but the "${what}" mail failed (${error instanceof Error ? error.name : 'error'}).`);
    return false;
  }
}

export const applicantLinkPage = (action: ApplicantLink, application: Application, token: string, siteUrl: string): string =>
  linkPage({ ...volunteerWords(application.language).linkPages[action], subject: application.offerTitle, detail: application.organizationName ?? '', token, siteUrl, language: application.language });

/** The organisation's page: accept (with an optional message), or decline with a stock reason. */
export function answerPage(application: Application, token: string, siteUrl: string): string {
  const reasons = Object.entries(DECLINE_REASONS)
    .map(([value, { label }], i) => `<label><input type="radio" name="reason" value="${value}"${i === 0 ? ' required' : ''}> ${escapeHtml(label)}</label>`)
    .join('\n');
  const note = (id: string, label: string) => `<label for="${id}">${escapeHtml(label)}</label>\n<textarea id="${id}" name="note" rows="4" maxlength="${NOTE_MAX}"></textarea>\n`;
  const forms: LinkForm[] = [
    { heading: 'Przyjmujemy', button: 'Przyjmuję zgłoszenie', fieldsHtml: `<input type="hidden" name="decision" value="accept">\n${note('note-accept', 'Wiadomość do wolontariusza (nieobowiązkowa), np. termin pierwszego spotkania')}` },
    { heading: 'Nie tym razem', button: 'Wysyłam odmowę', fieldsHtml: `<input type="hidden" name="decision" value="decline">\n<fieldset>\n<legend>Powód odmowy</legend>\n${reasons}\n</fieldset>\n${note('note-decline', 'Wiadomość do zgłaszającego (przy „Inny powód” – wymagana)')}` },
  ];
  const detail = [application.name, application.reserve ? 'zgłoszenie rezerwowe' : null].filter(Boolean).join(' – ');
  return linkPage({ title: 'Odpowiedź na zgłoszenie do wolontariatu', lead: 'Zgłaszający dostanie e-mail z Waszą odpowiedzią. Przy przyjęciu przekażemy mu dane osoby kontaktowej oferty.', subject: application.offerTitle, detail, token, siteUrl, forms });
}

export type InterestLink = 'confirm' | 'unsubscribe';

export const interestLink = (settings: FormSettings, action: InterestLink, interest: Pick<Interest, 'linkId'>): string =>
  `${settings.publicUrl}/api/volunteer-interests/${action}?token=${linkToken(settings.secret, interest.linkId)}`;

/** The confirmation of "Zgłoś gotowość", in the language of the page it was sent from. */
export function composeInterestConfirmMail(interest: Interest, settings: FormSettings, confirmHours: number): Mail {
  const words = volunteerWords(interest.language).interest;
  return composeLetter({
    to: interest.email ?? '',
    name: interest.name ?? '',
    subject: words.confirmSubject,
    lead: words.confirmLead(confirmHours),
    action: { label: words.confirm.label, url: interestLink(settings, 'confirm', interest), note: words.confirm.note },
    footer: words.footer,
    language: interest.language,
  });
}

/**
 * The weekly mail of new matching offers, in the subscriber's language: each offer by its
 * translated title and page where it has one, else its Polish ones (and so said). It carries
 * RFC 8058 one-click unsubscribe headers, so mail programs offer "wypisz" that works without
 * opening anything, and the same link in the text.
 */
export function composeDigestMail(interest: Interest, offers: readonly DigestOffer[], more: number, settings: FormSettings): Mail {
  const unsubscribe = interestLink(settings, 'unsubscribe', interest);
  const words = volunteerWords(interest.language).interest;
  const shown = offers.map((offer) => ({ offer, words: offerIn(offer, interest.language) }));
  return composeLetter({
    to: interest.email ?? '',
    name: interest.name ?? '',
    subject: shown.length === 1 ? words.digestSubjectOne(shown[0]!.words.title) : words.digestSubjectMany(shown.length + more),
    lead: words.digestLead(shown.length, more),
    details: shown.map(({ offer, words: own }) => [
      `${own.title}${offer.organizationName ? ` (${offer.organizationName})` : ''}${own.language !== interest.language ? ` – ${words.inPolish}` : ''}`,
      `${own.summary}\n${offerUrl(settings, own, own.language)}`,
    ] as [string, string]),
    link: { label: words.unsubscribe, url: unsubscribe },
    footer: words.footer,
    headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    language: interest.language,
  });
}

/** The page a mailed link of "Zgłoś gotowość" opens, in the subscriber's language. */
export function interestLinkPage(action: InterestLink, interest: Pick<Interest, 'language'>, token: string, siteUrl: string): string {
  const words = volunteerWords(interest.language).interest;
  return linkPage({ ...words.linkPages[action], subject: words.linkSubject, detail: `${siteUrl}${sitePathIn('/wolontariat/', interest.language)}`, token, siteUrl, language: interest.language });
}
