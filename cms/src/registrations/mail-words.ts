/**
 * What the sign-up mails and link pages say, per language: the Polish words here, the Ukrainian
 * and English ones in mail-words-uk.ts and mail-words-en.ts (the compiler checks they are complete).
 */
import type { MailKind } from './mail';

/** The parts a sentence needs: the event's title in quotes, when, and what else the mail knows. */
export interface SignupFacts {
  /** „Warsztat…” – already quoted the language's way. */
  title: string;
  /** "wtorek, 12 stycznia 2027, godz. 16:00" (SignupWords.when). */
  when: string;
  /** How long an unconfirmed seat is kept. */
  confirmHours: number;
  /** The organiser's message with a decision, if any. */
  reason: string | null;
  /** Whether the sign-up holds a seat while it waits for confirmation. */
  holdsSeat: boolean;
}

export interface SignupWords {
  /** Quotes the event's title: „…” in Polish and Ukrainian, “…” in English. */
  quote: (title: string) => string;
  /** A date and hour: the weekday, day and month come from Luxon in the language; `time` is "16:00" or a slot label. */
  when: (day: string, time: string) => string;
  subjects: Record<MailKind, (eventTitle: string) => string>;
  leads: Record<MailKind, (facts: SignupFacts) => string>;
  confirm: { label: string; note: string };
  cancel: { label: string; note: string };
  leaveWaitlist: { label: string; note: string };
  withdraw: { label: string; note: string };
  eventPage: string;
  footer: string;
  /** The .ics file's description. */
  yourSignup: (when: string) => string;
  /** The page a mailed link opens. */
  linkPages: Record<'confirm' | 'cancel', { title: string; lead: string; button: string }>;
}

export const SIGNUP_WORDS_PL: SignupWords = {
  quote: (title) => `„${title}”`,
  when: (day, time) => `${day}, godz. ${time}`,
  subjects: {
    confirm_request: (t) => `Potwierdź zapis: ${t}`,
    confirmed: (t) => `Zapis potwierdzony: ${t}`,
    waitlisted: (t) => `Lista rezerwowa: ${t}`,
    awaiting_approval: (t) => `Zgłoszenie czeka na decyzję: ${t}`,
    promoted: (t) => `Zwolniło się miejsce: ${t}`,
    reminder: (t) => `Przypomnienie: ${t}`,
    approved: (t) => `Zgłoszenie przyjęte: ${t}`,
    rejected: (t) => `Zgłoszenie nieprzyjęte: ${t}`,
    cancelled: (t) => `Rezygnacja przyjęta: ${t}`,
  },
  leads: {
    confirm_request: (f) =>
      f.holdsSeat
        ? `Zapisano Cię na ${f.title} (${f.when}). Miejsce czeka na Ciebie przez ${f.confirmHours} godzin: potwierdź adres e-mail, inaczej zapis wygaśnie.`
        : `Chcesz zapisać się na ${f.title} (${f.when}). Potwierdź adres e-mail, a zapis trafi na listę (rezerwową albo do akceptacji organizatora – napiszemy, co dalej).`,
    confirmed: (f) => `Masz miejsce na ${f.title}: ${f.when}. W załączniku jest termin do dodania do kalendarza.`,
    waitlisted: (f) => `Wszystkie miejsca na ${f.title} (${f.when}) są zajęte, więc zapisaliśmy Cię na listę rezerwową. Gdy ktoś zrezygnuje, pierwsza osoba z listy dostaje miejsce od razu – wtedy napiszemy.`,
    awaiting_approval: (f) => `Dziękujemy za zgłoszenie na ${f.title} (${f.when}). O udziale decyduje organizator; odpowiedź wyślemy na ten adres.`,
    promoted: (f) => `Dobra wiadomość: zwolniło się miejsce na ${f.title} (${f.when}) i jest Twoje – nic więcej nie musisz robić.`,
    reminder: (f) => `Przypominamy o Twoim zapisie na ${f.title}: ${f.when}. Do zobaczenia!`,
    approved: (f) => `Organizator przyjął Twoje zgłoszenie na ${f.title} (${f.when}) – masz miejsce.${f.reason ? ` Wiadomość od organizatora: ${f.reason}` : ''}`,
    rejected: (f) => `Niestety organizator nie przyjął Twojego zgłoszenia na ${f.title} (${f.when}).${f.reason ? ` Uzasadnienie: ${f.reason}` : ''} Zapraszamy na inne wydarzenia Centrum.`,
    cancelled: (f) => `Twój zapis na ${f.title} (${f.when}) został anulowany. Dziękujemy, że dałeś/-aś znać.`,
  },
  confirm: { label: 'Potwierdź zapis', note: 'Jeśli to nie Ty zapisywałeś/-aś się, zignoruj tę wiadomość – bez potwierdzenia zapis wygaśnie.' },
  cancel: { label: 'Zrezygnuj z udziału', note: 'Jeśli nie możesz przyjść, zrezygnuj – miejsce dostanie kolejna osoba.' },
  leaveWaitlist: { label: 'Wypisz się z listy rezerwowej', note: 'Nie chcesz już czekać? Wypisz się.' },
  withdraw: { label: 'Wycofaj zgłoszenie', note: 'Jeśli zmienisz zdanie, wycofaj zgłoszenie.' },
  eventPage: 'Strona wydarzenia',
  footer: 'Centrum Obywatelskie, ul. Reymonta 20, Kraków. Dostajesz tę wiadomość, bo ktoś podał ten adres w formularzu zapisu na stronie Centrum. Dane zapisu usuwamy po wydarzeniu, zgodnie z polityką prywatności.',
  yourSignup: (when) => `Twój zapis: ${when}.`,
  linkPages: {
    confirm: { title: 'Potwierdź zapis', lead: 'Kliknij przycisk, aby potwierdzić adres e-mail i zapis na:', button: 'Potwierdzam zapis' },
    cancel: { title: 'Rezygnacja z zapisu', lead: 'Kliknij przycisk, aby zrezygnować z zapisu na:', button: 'Rezygnuję z udziału' },
  },
};
