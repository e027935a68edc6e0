/**
 * What a room request's mails and link pages say, per language: the Polish words here, the
 * Ukrainian and English ones in mail-words-uk.ts and mail-words-en.ts (the compiler checks they
 * are complete). The coordinators' side (the admin) stays Polish.
 */
import type { RoomLinkAction, RoomMailKind } from './mail';

/** What a sentence about a request knows, already in the mail's language. */
export interface RoomFacts {
  /** The room's name, unquoted (translated where the room is). */
  room: string;
  /** "wtorek, 12 stycznia 2027, 16:00–18:00, co tydzień do 9 lutego 2027" (RoomWords.when). */
  when: string;
  confirmHours: number;
  /** The coordinator's message with a decision, if any (as written, in any language). */
  reason: string | null;
}

export interface RoomWords {
  /** The requested time: `day` ("wtorek, 12 stycznia 2027") and `hours` ("16:00–18:00") from Luxon in the language; `until` the last weekly date. */
  when: (day: string, hours: string, until: string | null) => string;
  subjects: Record<RoomMailKind, (room: string) => string>;
  leads: Record<RoomMailKind, (facts: RoomFacts) => string>;
  confirm: { label: string; note: string };
  withdraw: { label: string; note: string };
  footer: string;
  /** The approved dates' calendar file: its entries' title and description. */
  calendar: { title: (room: string) => string; description: string; fileName: string };
  linkPages: Record<RoomLinkAction, { title: string; lead: string; button: string }>;
  /** The reason stored and mailed when an event of the centre takes an approved time (`when`); a weekly request ends whole. */
  displaced: (when: string, series: boolean) => string;
}

const what = (f: RoomFacts) => `salę „${f.room}” (${f.when})`;

export const ROOM_WORDS_PL: RoomWords = {
  when: (day, hours, until) => `${day}, ${hours}${until ? `, co tydzień do ${until}` : ''}`,
  subjects: {
    confirm_request: (r) => `Potwierdź wniosek o salę: ${r}`,
    requested: (r) => `Wniosek o salę czeka na decyzję: ${r}`,
    needs_information: (r) => `Potrzebujemy informacji: wniosek o salę ${r}`,
    approved: (r) => `Sala zarezerwowana: ${r}`,
    rejected: (r) => `Wniosek o salę nieprzyjęty: ${r}`,
    withdrawn: (r) => `Wniosek o salę wycofany: ${r}`,
    turned_down: (r) => `Termin sali przyznany innej grupie: ${r}`,
  },
  leads: {
    confirm_request: (f) => `Otrzymaliśmy wniosek o ${what(f)}. Potwierdź adres e-mail w ciągu ${f.confirmHours} godzin – dopiero wtedy wniosek trafi do koordynatora sal.`,
    requested: (f) => `Dziękujemy, wniosek o ${what(f)} czeka na decyzję koordynatora sal. Odpowiedź wyślemy na ten adres. Termin jest zarezerwowany dopiero po akceptacji.`,
    needs_information: (f) => `Koordynator sal potrzebuje więcej informacji, by rozpatrzyć wniosek o ${what(f)}:${f.reason ? ` ${f.reason}` : ''} Odpowiedz na tę wiadomość.`,
    approved: (f) => `Wniosek o ${what(f)} został przyjęty – sala jest zarezerwowana dla Ciebie.${f.reason ? ` Wiadomość od koordynatora: ${f.reason}` : ''} Terminy do kalendarza są w załączniku.`,
    rejected: (f) => `Niestety nie możemy udostępnić Ci sali: ${what(f)}. Uzasadnienie:${f.reason ? ` ${f.reason}` : ''}`,
    withdrawn: (f) => `Wycofaliśmy Twój wniosek o ${what(f)}. Dziękujemy, że dałeś/-aś znać.`,
    turned_down: (f) => `Niestety termin, o który prosisz (${what(f)}), przyznaliśmy już innemu wnioskowi, więc Twój nie może zostać przyjęty. Sprawdź wolne godziny na stronie sali i złóż nowy wniosek.`,
  },
  confirm: { label: 'Potwierdź wniosek', note: 'Jeśli to nie Ty składałeś/-aś wniosek, zignoruj tę wiadomość – bez potwierdzenia wniosek wygaśnie.' },
  withdraw: { label: 'Wycofaj wniosek', note: 'Jeśli sala nie będzie już potrzebna, wycofaj wniosek – termin dostanie ktoś inny.' },
  footer: 'Centrum Obywatelskie, ul. Reymonta 20, Kraków. Dostajesz tę wiadomość, bo ktoś podał ten adres we wniosku o salę na stronie Centrum. Dane wniosku usuwamy po terminie, zgodnie z polityką prywatności.',
  calendar: { title: (r) => `${r} – rezerwacja`, description: 'Sala w Centrum Obywatelskim, ul. Reymonta 20, Kraków.', fileName: 'rezerwacja.ics' },
  linkPages: {
    confirm: { title: 'Potwierdź wniosek o salę', lead: 'Kliknij przycisk, aby potwierdzić adres e-mail i przekazać wniosek koordynatorowi sal:', button: 'Potwierdzam wniosek' },
    withdraw: { title: 'Wycofanie wniosku o salę', lead: 'Kliknij przycisk, aby wycofać wniosek i zwolnić termin:', button: 'Wycofuję wniosek' },
  },
  displaced: (when, series) =>
    `Centrum potrzebuje tej sali w terminie ${when} na własne wydarzenie, dlatego musimy odwołać przyznaną rezerwację${series ? ' – całą serię cotygodniowych spotkań' : ''}. Przepraszamy – odpowiedz na tę wiadomość, a pomożemy znaleźć inny termin albo inną salę.`,
};
