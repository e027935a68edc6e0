/**
 * Every answer a room request form or a mailed link can get, as a page of the static site: the
 * CMS redirects to `/rezerwacje/<slug>/`, and the site builds one page per entry from this table.
 * (Shared with site/ like signup-results.ts.) A problem with one field names that field.
 */
import { resultPage as page, type ResultPage } from './signup-results';

export interface RoomRequestResultPage extends ResultPage {
  /** The form field a correction is about (its label on the form). */
  field?: string;
}

const refused = (slug: string, title: string, message: string): RoomRequestResultPage => page(slug, title, message, 'error', 409);
const fix = (slug: string, field: string, message: string): RoomRequestResultPage => ({ ...page(slug, `Popraw pole „${field}”`, message, 'error', 400), field });

export const ROOM_REQUEST_RESULTS = {
  check_email: page('sprawdz-poczte', 'Sprawdź skrzynkę e-mail', 'Wysłaliśmy wiadomość z linkiem. Kliknij w niej „Potwierdź wniosek” – dopiero wtedy wniosek trafi do koordynatora sal. Nie widzisz wiadomości? Zajrzyj do folderu spam.', 'success', 202),
  repeat: page('wniosek-juz-zlozony', 'Ten wniosek już złożono', 'Z tego adresu e-mail jest już wniosek o tę salę w tym terminie, więc nie dodaliśmy drugiego. Wysłaliśmy jeszcze raz wiadomość z linkami.', 'info', 200),
  requested: page('wniosek-przyjety', 'Wniosek czeka na decyzję', 'Dziękujemy. Koordynator sal sprawdzi wniosek i odpowie e-mailem – zwykle w ciągu dwóch dni roboczych. Termin jest zarezerwowany dopiero po akceptacji.', 'success', 200),
  already: page('wniosek-potwierdzony', 'Wniosek był już potwierdzony', 'Ten wniosek został już potwierdzony albo rozpatrzony. Odpowiedź koordynatora przyjdzie e-mailem.', 'info', 200),
  expired: page('wniosek-wygasl', 'Wniosek wygasł', 'Wniosek nie został potwierdzony w ciągu 48 godzin, więc wygasł. Złóż go ponownie na stronie sali.', 'error', 409),
  withdrawn: page('wniosek-wycofany', 'Wniosek wycofany', 'Wniosek został wycofany, a termin zwolniony. Wysłaliśmy potwierdzenie e-mailem.', 'success', 200),
  not_withdrawable: page('nie-mozna-wycofac', 'Tego wniosku nie można już wycofać', 'Wniosek został już wycofany, odrzucony albo termin się rozpoczął. W razie pytań napisz do Centrum.', 'error', 409),
  unknown_link: page('link-nieaktualny', 'Link jest nieaktualny', 'Nie znaleźliśmy wniosku dla tego linku. Mógł zostać skopiowany niecały albo dane wniosku zostały już usunięte.', 'error', 404),
  invalid_token: page('link-niepelny', 'Link jest niepełny', 'Link z wiadomości jest niepełny. Skopiuj go w całości albo kliknij go w wiadomości.', 'error', 400),
  unknown_room: page('nieznana-sala', 'Nie ma takiej sali', 'Tej sali nie ma już w ofercie Centrum. Wybierz salę z listy na stronie.', 'error', 404),
  slot_taken: refused('termin-zajety', 'Termin jest zajęty', 'W tym czasie sala jest zajęta przez wydarzenie albo przyznaną rezerwację. Sprawdź wolne godziny w kalendarzu sali i wybierz inny termin.'),
  outside_hours: refused('poza-godzinami-otwarcia', 'Poza godzinami otwarcia', 'Sale udostępniamy tylko w godzinach otwarcia Centrum, podanych w stopce strony. Wybierz godziny w tych granicach.'),
  too_soon: refused('za-krotki-termin', 'Za mało czasu na rozpatrzenie', 'Wniosek trzeba złożyć z wyprzedzeniem – najwcześniejszy możliwy termin podaje formularz. Wybierz późniejszą datę.'),
  too_far: refused('za-odlegly-termin', 'Za odległy termin', 'Sale rezerwujemy z wyprzedzeniem najwyżej podanym w formularzu. Złóż wniosek później.'),
  too_many_people: refused('za-duzo-osob', 'Sala jest za mała', 'Przewidywana liczba uczestników przekracza pojemność sali. Wybierz większą salę albo zmniejsz liczbę osób.'),
  rate_limited: page('za-duzo-prob', 'Za dużo prób', 'Z tego adresu wysłano w krótkim czasie zbyt wiele formularzy. Odczekaj kilka minut i spróbuj ponownie.', 'error', 429),
  mail_failed: page('blad-wysylki', 'Nie udało się wysłać wiadomości', 'Wniosek nie został przyjęty, bo nie mogliśmy wysłać wiadomości e-mail. Spróbuj ponownie za chwilę; jeśli problem się powtarza, napisz do Centrum.', 'error', 503),
  invalid_room: fix('popraw-sale', 'Sala', 'Nie wiadomo, której sali dotyczy wniosek. Otwórz stronę sali i wyślij formularz stamtąd.'),
  invalid_organisation: fix('popraw-organizacje', 'Organizacja lub grupa', 'Podaj nazwę organizacji albo grupy (od 2 do 200 znaków).'),
  invalid_krs: fix('popraw-krs', 'Numer KRS', 'Numer KRS ma 10 cyfr, np. 0000123456. Grupa nieformalna zostawia to pole puste.'),
  invalid_name: fix('popraw-osobe-kontaktowa', 'Osoba kontaktowa', 'Podaj imię i nazwisko osoby kontaktowej (od 2 do 120 znaków).'),
  invalid_email: fix('popraw-e-mail', 'Adres e-mail', 'Podaj poprawny adres e-mail, np. jan.kowalski@example.pl – bez spacji, polskich liter, cudzysłowów i nawiasów.'),
  invalid_phone: fix('popraw-telefon', 'Telefon', 'Podaj numer telefonu: cyfry, spacje, myślniki, ewentualnie + na początku (od 9 do 20 znaków).'),
  invalid_purpose: fix('popraw-cel', 'Cel spotkania', 'Opisz cel spotkania (od 10 do 1000 znaków) – na jego podstawie koordynator decyduje o udostępnieniu sali.'),
  invalid_date: fix('popraw-date', 'Data', 'Podaj datę w formacie RRRR-MM-DD, np. 2027-01-15.'),
  invalid_time: fix('popraw-godziny', 'Godziny', 'Podaj godziny od–do w formacie GG:MM; koniec musi być później niż początek tego samego dnia.'),
  invalid_participants: fix('popraw-liczbe-osob', 'Liczba uczestników', 'Podaj przewidywaną liczbę uczestników: liczbę od 1 do 500.'),
  invalid_equipment: fix('popraw-wyposazenie', 'Potrzebne wyposażenie', 'Opis wyposażenia może mieć najwyżej 500 znaków.'),
  invalid_repeat: fix('popraw-powtarzanie', 'Powtarzaj co tydzień do', 'Data końca powtarzania musi być późniejsza niż pierwszy termin i w formacie RRRR-MM-DD.'),
  invalid_consent_version: fix('odswiez-strone', 'Zgoda', 'Treść zgody pod formularzem zmieniła się, odkąd otwarto stronę, albo formularz jej nie przesłał. Odśwież stronę sali, przeczytaj zgodę i wyślij wniosek ponownie.'),
  missing_consent: fix('zaznacz-zgode', 'Zgoda', 'Aby złożyć wniosek, zaznacz zgodę na przetwarzanie danych.'),
} as const satisfies Record<string, RoomRequestResultPage>;

export type RoomRequestResultCode = keyof typeof ROOM_REQUEST_RESULTS;
export type RoomRequestResultTexts = Record<RoomRequestResultCode, { title: string; message: string; field?: string }>;

export const roomRequestResultPath = (code: RoomRequestResultCode): string => `/rezerwacje/${ROOM_REQUEST_RESULTS[code].slug}/`;

/**
 * The booking window the CMS applies unless configured otherwise (ROOM_REQUEST_MIN_DAYS,
 * ROOM_REQUEST_MAX_MONTHS). The form shows the window in effect, which the CMS publishes with the
 * busy times (GET /api/room-requests/busy, meta.bookingWindow), not this default.
 */
export const DEFAULT_BOOKING_WINDOW = { minDays: 2, maxMonths: 2 } as const;

/** An event without an end time holds its room this long (the CMS's checks and the site's availability alike). */
export const EVENT_WITHOUT_END_MS = 2 * 3_600_000;
