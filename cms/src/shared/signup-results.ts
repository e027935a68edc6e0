/**
 * Every answer a visitor can get from a sign-up form or a mailed link, as a page of the static
 * site: the CMS redirects to `/zapisy/<slug>/`, and the site builds one page per entry from this
 * table, so the two never disagree. (Shared with site/ like recurrence.ts.)
 */
export type Tone = 'success' | 'info' | 'error';

export interface ResultPage {
  slug: string;
  title: string;
  message: string;
  tone: Tone;
  /** HTTP status of the JSON answer (API clients and tests ask for JSON). */
  status: number;
}

/** One answer's page; the feedback and room request tables are made of these too. */
export const resultPage = (slug: string, title: string, message: string, tone: Tone, status: number): ResultPage => ({ slug, title, message, tone, status });
const page = resultPage;
const fix = (slug: string, message: string): ResultPage => page(slug, 'Popraw formularz', message, 'error', 400);

export const RESULT_PAGES = {
  check_email: page('sprawdz-poczte', 'Sprawdź skrzynkę e-mail', 'Wysłaliśmy wiadomość z linkiem. Otwórz go i kliknij „Potwierdź zapis” – dopiero wtedy zapis jest ważny. Nie widzisz wiadomości? Zajrzyj do folderu spam.', 'success', 202),
  repeat: page('juz-zapisano', 'Ten adres jest już zapisany', 'Na ten termin jest już zapis z tym adresem e-mail, więc nie dodaliśmy drugiego. Wysłaliśmy jeszcze raz wiadomość z linkami do potwierdzenia albo rezygnacji.', 'info', 200),
  confirmed: page('potwierdzono', 'Zapis potwierdzony', 'Masz miejsce. Szczegóły i termin do kalendarza wysłaliśmy e-mailem. Jeśli nie możesz przyjść, zrezygnuj linkiem z wiadomości – miejsce dostanie kolejna osoba.', 'success', 200),
  waitlisted: page('lista-rezerwowa', 'Jesteś na liście rezerwowej', 'Wszystkie miejsca są zajęte. Gdy ktoś zrezygnuje, pierwsza osoba z listy dostaje miejsce od razu i wiadomość e-mail.', 'info', 200),
  awaiting_approval: page('zgloszenie-przyjete', 'Zgłoszenie czeka na decyzję', 'O udziale decyduje organizator. Odpowiedź – przyjęcie albo odmowę z uzasadnieniem – wyślemy e-mailem.', 'info', 200),
  cancelled: page('rezygnacja-przyjeta', 'Rezygnacja przyjęta', 'Zapis został anulowany i wysłaliśmy potwierdzenie e-mailem. Jeśli była lista rezerwowa, miejsce dostała kolejna osoba.', 'success', 200),
  unknown_link: page('link-nieaktualny', 'Link jest nieaktualny', 'Nie znaleźliśmy zapisu dla tego linku. Mógł zostać skopiowany niecały albo dane zapisu zostały już usunięte po wydarzeniu.', 'error', 404),
  not_cancellable: page('nie-mozna-zrezygnowac', 'Tego zapisu nie można już zmienić', 'Zapis jest już anulowany, wygasł albo termin się rozpoczął. W razie pytań napisz do Centrum.', 'error', 409),
  not_on_site: page('zapisy-niedostepne', 'Zapisy przez stronę są niedostępne', 'Na to wydarzenie nie zapisuje się przez formularz na stronie. Sposób zapisu podaje strona wydarzenia.', 'error', 409),
  event_cancelled: page('wydarzenie-odwolane', 'Wydarzenie odwołane lub przełożone', 'Zapisy są wstrzymane, bo wydarzenie zostało odwołane albo przełożone. Nowy termin ogłosimy na stronie wydarzenia.', 'error', 409),
  no_such_date: page('nieznany-termin', 'Nie ma takiego terminu', 'Wybrany termin nie należy do tego wydarzenia. Wybierz jeden z terminów podanych na stronie wydarzenia.', 'error', 409),
  no_such_slot: page('nieznana-godzina', 'Nie ma takiej godziny', 'Wybrana godzina nie należy do tego terminu. Wybierz jedną z godzin podanych na stronie wydarzenia.', 'error', 409),
  not_open_yet: page('zapisy-jeszcze-nieotwarte', 'Zapisy jeszcze się nie rozpoczęły', 'Datę otwarcia zapisów podaje strona wydarzenia. Wróć wtedy – formularz zadziała.', 'error', 409),
  closed: page('zapisy-zamkniete', 'Zapisy są zamknięte', 'Termin zapisów na to wydarzenie minął.', 'error', 409),
  past: page('termin-minal', 'Ten termin już się rozpoczął', 'Na termin, który się rozpoczął albo minął, nie można się już zapisać ani go potwierdzić. Sprawdź kolejne terminy na stronie wydarzenia.', 'error', 409),
  full: page('brak-miejsc', 'Brak wolnych miejsc', 'Wszystkie miejsca na ten termin są zajęte, a wydarzenie nie prowadzi listy rezerwowej. Sprawdź inne terminy na stronie wydarzenia.', 'error', 409),
  rate_limited: page('za-duzo-prob', 'Za dużo prób', 'Z tego adresu wysłano w krótkim czasie zbyt wiele formularzy. Odczekaj kilka minut i spróbuj ponownie.', 'error', 429),
  mail_failed: page('blad-wysylki', 'Nie udało się wysłać wiadomości', 'Zapis nie został przyjęty, bo nie mogliśmy wysłać wiadomości e-mail. Spróbuj ponownie za chwilę; jeśli problem się powtarza, napisz do Centrum.', 'error', 503),
  invalid_event: fix('popraw-wydarzenie', 'Nie wiadomo, na które wydarzenie jest ten zapis. Otwórz stronę wydarzenia i wyślij formularz stamtąd.'),
  invalid_date: fix('popraw-termin', 'Wybierz termin z listy.'),
  invalid_slot: fix('popraw-godzine', 'Wybierz godzinę z listy.'),
  invalid_name: fix('popraw-imie-i-nazwisko', 'Podaj imię i nazwisko (od 2 do 120 znaków).'),
  invalid_email: fix('popraw-e-mail', 'Podaj poprawny adres e-mail, np. jan.kowalski@example.pl – bez spacji, polskich liter, cudzysłowów i nawiasów.'),
  invalid_organisation: fix('popraw-organizacje', 'Nazwa organizacji może mieć najwyżej 200 znaków.'),
  invalid_needs: fix('popraw-potrzeby', 'Wybierz potrzeby z listy.'),
  invalid_needs_other: fix('popraw-opis-potrzeb', 'Opis potrzeb może mieć najwyżej 500 znaków.'),
  invalid_consent_version: fix('odswiez-strone', 'Treść zgody pod formularzem zmieniła się, odkąd otwarto stronę, albo formularz jej nie przesłał. Odśwież stronę wydarzenia, przeczytaj zgodę i zapisz się ponownie.'),
  missing_consent: fix('zaznacz-zgode', 'Aby się zapisać, zaznacz zgodę na przetwarzanie danych.'),
  too_fast: fix('wyslano-za-szybko', 'Formularz został wysłany zbyt szybko jak na wypełnienie go przez człowieka. Sprawdź dane i wyślij go ponownie.'),
  invalid_token: fix('link-niepelny', 'Link z wiadomości jest niepełny. Skopiuj go w całości albo kliknij go w wiadomości.'),
} as const satisfies Record<string, ResultPage>;

export type ResultCode = keyof typeof RESULT_PAGES;

/** An answer page's words in another language (signup-results-uk.ts, -en.ts); its address and status stay the Polish page's. */
export type ResultTexts<C extends string> = Record<C, { title: string; message: string }>;

export const resultPath = (code: ResultCode): string => `/zapisy/${RESULT_PAGES[code].slug}/`;
