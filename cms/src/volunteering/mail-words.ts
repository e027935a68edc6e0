/**
 * What a volunteering application's mails to the applicant and their link pages say, per language:
 * the Polish words here, the Ukrainian and English ones in mail-words-uk.ts and mail-words-en.ts.
 * The organisation's mails stay Polish (they name the applicant's language).
 */
import type { ApplicantMailKind, ApplicantLink, InterestLink } from './mail';
import { DECLINE_REASONS, type DeclineReason } from '../shared/volunteer-application-results';

/** What a sentence about an application knows. */
export interface ApplicationFacts {
  /** The offer's title, unquoted. */
  offer: string;
  /** The organisation's name, or null when the offer has none. */
  organization: string | null;
  /** The contact person and organisation, or null. */
  contact: string | null;
  confirmHours: number;
  reserve: boolean;
  minor: boolean;
  /** Why the organisation declined, or null when it gave no stock reason. */
  declineReason: DeclineReason | null;
}

export interface VolunteerWords {
  subjects: Record<ApplicantMailKind, (offer: string) => string>;
  leads: Record<ApplicantMailKind, (facts: ApplicationFacts) => string>;
  confirm: { label: string; note: string };
  withdraw: { label: string; note: string };
  /** Labels of the facts under a mail's lead. */
  details: { offer: string; availability: string; contact: string; email: string; phone: string; note: string; board: string };
  footer: string;
  /** The sentence a decline mail quotes for each stock reason. */
  declineSentences: Record<DeclineReason, string>;
  linkPages: Record<ApplicantLink, { title: string; lead: string; button: string }>;
  /** "Zgłoś gotowość": the confirmation, the weekly offers and their link pages. */
  interest: InterestWords;
}

export interface InterestWords {
  confirmSubject: string;
  confirmLead: (confirmHours: number) => string;
  confirm: { label: string; note: string };
  digestSubjectOne: (offer: string) => string;
  digestSubjectMany: (count: number) => string;
  digestLead: (shown: number, more: number) => string;
  /** Said after an offer's title when it has no translation in the mail's language. */
  inPolish: string;
  unsubscribe: string;
  footer: string;
  linkPages: Record<InterestLink, { title: string; lead: string; button: string }>;
  /** What a link page says it is about. */
  linkSubject: string;
}

export const VOLUNTEER_WORDS_PL: VolunteerWords = {
  subjects: {
    confirm_application: (o) => `Potwierdź zgłoszenie do wolontariatu: ${o}`,
    submitted: (o) => `Zgłoszenie wysłane: ${o}`,
    accepted: (o) => `Organizacja przyjęła Twoje zgłoszenie: ${o}`,
    declined: (o) => `Odpowiedź na zgłoszenie: ${o}`,
    withdrawn: (o) => `Zgłoszenie wycofane: ${o}`,
  },
  leads: {
    confirm_application: (f) => `Otrzymaliśmy Twoje zgłoszenie do oferty „${f.offer}” (${f.organization ?? 'organizacja partnerska'}). Potwierdź adres e-mail w ciągu ${f.confirmHours} godzin – dopiero wtedy zgłoszenie trafi do organizacji.`,
    submitted: (f) =>
      `Dziękujemy! Twoje zgłoszenie do oferty „${f.offer}” (${f.organization ?? 'organizacja partnerska'}) trafiło do organizacji${f.reserve ? ' jako zgłoszenie rezerwowe – organizacja ma już komplet wolontariuszy i odezwie się, gdy zwolni się miejsce' : ''}. Odpowie Ci: ${f.contact ?? 'organizacja'}.`,
    accepted: (f) =>
      `Dobra wiadomość: ${f.organization ?? 'organizacja'} przyjmuje Twoje zgłoszenie do oferty „${f.offer}”. Osoba kontaktowa odezwie się, by umówić szczegóły – możesz też napisać pierwsza/pierwszy.${f.minor ? ' Pamiętaj o pisemnej zgodzie rodzica lub opiekuna na pierwsze spotkanie.' : ''}`,
    declined: (f) =>
      `Dziękujemy za chęć pomocy. Tym razem organizacja nie może przyjąć Twojego zgłoszenia do oferty „${f.offer}”: ${f.declineReason ? VOLUNTEER_WORDS_PL.declineSentences[f.declineReason] : 'nie podała powodu.'} Na tablicy wolontariatu czekają inne oferty.`,
    withdrawn: (f) => `Wycofaliśmy Twoje zgłoszenie do oferty „${f.offer}” (${f.organization ?? 'organizacja partnerska'}). Jeśli trafiło już do organizacji, daliśmy jej znać. Dziękujemy, że dałeś/-aś znać.`,
  },
  confirm: { label: 'Potwierdź zgłoszenie', note: 'Jeśli to nie Ty się zgłaszałeś/-aś, zignoruj tę wiadomość – bez potwierdzenia zgłoszenie wygaśnie, a dane usuniemy.' },
  withdraw: { label: 'Wycofaj zgłoszenie', note: 'Jeśli zmienisz zdanie, wycofaj zgłoszenie – organizacja dostanie wiadomość.' },
  details: { offer: 'Oferta', availability: 'Kiedy możesz pomagać', contact: 'Osoba kontaktowa', email: 'E-mail', phone: 'Telefon', note: 'Wiadomość od organizacji', board: 'Tablica wolontariatu' },
  footer: 'Centrum Obywatelskie, ul. Reymonta 20, Kraków. Dostajesz tę wiadomość, bo ktoś podał ten adres w zgłoszeniu do oferty wolontariatu na stronie Centrum. Dane zgłoszenia usuwamy po zakończeniu oferty, zgodnie z polityką prywatności.',
  // The admin and the organisation's answer page show the same reasons (DECLINE_REASONS).
  declineSentences: Object.fromEntries(Object.entries(DECLINE_REASONS).map(([code, { sentence }]) => [code, sentence])) as Record<DeclineReason, string>,
  linkPages: {
    confirm: { title: 'Potwierdź zgłoszenie do wolontariatu', lead: 'Kliknij przycisk, aby potwierdzić adres e-mail i przekazać zgłoszenie organizacji:', button: 'Potwierdzam zgłoszenie' },
    withdraw: { title: 'Wycofanie zgłoszenia', lead: 'Kliknij przycisk, aby wycofać zgłoszenie; organizacja dostanie wiadomość:', button: 'Wycofuję zgłoszenie' },
  },
  interest: {
    confirmSubject: 'Potwierdź: nowe oferty wolontariatu e-mailem',
    confirmLead: (hours) =>
      `Ktoś (pewnie Ty) poprosił na stronie Centrum Obywatelskiego, by raz w tygodniu wysyłać na ten adres nowe oferty wolontariatu pasujące do wybranych obszarów i dzielnicy. Potwierdź w ciągu ${hours} godzin – bez tego nic nie wyślemy, a dane usuniemy.`,
    confirm: { label: 'Potwierdzam', note: 'Jeśli to nie Ty, zignoruj tę wiadomość.' },
    digestSubjectOne: (offer) => `Nowa oferta wolontariatu: ${offer}`,
    digestSubjectMany: (count) => `Nowe oferty wolontariatu dla Ciebie: ${count}`,
    digestLead: (shown, more) =>
      `W tym tygodniu na tablicy wolontariatu pojawiły się oferty pasujące do Twoich wyborów.${more > 0 ? ` Pokazujemy ${shown}; ${more} kolejnych znajdziesz na tablicy.` : ''} Zgłaszasz się na stronie oferty, bez zakładania konta.`,
    inPolish: 'po polsku',
    unsubscribe: 'Wypisz mnie (jednym kliknięciem, bez logowania)',
    footer: 'Centrum Obywatelskie, ul. Reymonta 20, Kraków. Dostajesz tę wiadomość, bo ten adres zapisano na stronie Centrum do powiadomień o nowych ofertach wolontariatu. Wypisanie się jednym kliknięciem usuwa dane zapisu.',
    linkPages: {
      confirm: { title: 'Nowe oferty wolontariatu e-mailem', lead: 'Kliknij przycisk, by raz w tygodniu dostawać nowe oferty pasujące do Twoich wyborów:', button: 'Potwierdzam' },
      unsubscribe: { title: 'Wypisanie z ofert wolontariatu', lead: 'Kliknij przycisk, by nie dostawać więcej ofert; dane zapisu usuniemy:', button: 'Wypisz mnie' },
    },
    linkSubject: 'Tablica wolontariatu Centrum Obywatelskiego',
  },
};
