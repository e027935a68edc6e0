/**
 * Every answer the "Dla organizacji" forms of the static site can get — asking for a sign-in link
 * to the organisations' panel, and asking to join the directory — as a page of the site: the CMS
 * redirects to `/dla-organizacji/<slug>/`, and the site builds one page per entry from this table
 * (shared with site/ like volunteer-application-results.ts). An unknown address gets the same
 * answer as a known one, so the form cannot tell anyone which addresses belong to organisations.
 */
import { resultPage as page, type ResultPage } from './signup-results';

export interface OrgPanelResultPage extends ResultPage {
  /** The form field a correction is about (its label on the form). */
  field?: string;
}

const fix = (slug: string, field: string, message: string): OrgPanelResultPage => ({ ...page(slug, `Popraw pole „${field}”`, message, 'error', 400), field });

export const ORG_PANEL_RESULTS = {
  check_email: page(
    'sprawdz-poczte',
    'Sprawdź skrzynkę e-mail',
    'Jeśli ten adres należy do organizacji partnerskiej albo osoby, którą organizacja zgłosiła do panelu, wysłaliśmy na niego link do logowania. Link działa 30 minut i tylko raz. Nie widzisz wiadomości? Zajrzyj do folderu spam albo napisz do Centrum.',
    'success',
    202,
  ),
  signed_out: page('wylogowano', 'Wylogowano', 'Wylogowaliśmy Cię z panelu organizacji. Aby wrócić, poproś o nowy link do logowania.', 'success', 200),
  session_ended: page('sesja-wygasla', 'Sesja wygasła', 'Nie było Cię w panelu przez 8 godzin albo redakcja zmieniła dostęp Twojej organizacji, więc wylogowaliśmy Cię. Poproś o nowy link do logowania.', 'info', 401),
  unknown_link: page('link-nieaktualny', 'Link do logowania jest nieaktualny', 'Ten link był już użyty albo minęło 30 minut od jego wysłania. Poproś o nowy link do logowania.', 'error', 410),
  invalid_token: page('link-niepelny', 'Link jest niepełny', 'Link z wiadomości jest niepełny. Skopiuj go w całości albo kliknij go w wiadomości.', 'error', 400),
  rate_limited: page('za-duzo-prob', 'Za dużo prób', 'Z tego adresu wysłano w krótkim czasie zbyt wiele próśb. Odczekaj kilka minut i spróbuj ponownie.', 'error', 429),
  mail_failed: page('blad-wysylki', 'Nie udało się wysłać wiadomości', 'Nie mogliśmy wysłać wiadomości e-mail. Spróbuj ponownie za chwilę; jeśli problem się powtarza, napisz do Centrum.', 'error', 503),
  invalid_email: fix('popraw-e-mail', 'Adres e-mail', 'Podaj poprawny adres e-mail, np. biuro@fundacja.org.pl – bez spacji, polskich liter, cudzysłowów i nawiasów.'),
  // "Poproś o dołączenie" (/dla-organizacji/dolacz/); rate_limited and mail_failed above answer it too.
  join_received: page(
    'prosba-wyslana',
    'Prośba o dołączenie wysłana',
    'Dziękujemy! Redakcja Centrum sprawdzi dane organizacji i odpowie osobie kontaktowej e-mailem. Potwierdzenie z przesłanymi danymi wysłaliśmy na jej adres. Gdy prośba zostanie przyjęta, organizacja pojawi się w katalogu, a osoba kontaktowa będzie mogła logować się do panelu.',
    'success',
    202,
  ),
  too_fast: page('wyslano-za-szybko', 'Popraw formularz', 'Formularz został wysłany zbyt szybko jak na wypełnienie go przez człowieka. Sprawdź dane i wyślij go ponownie.', 'error', 400),
  invalid_name: fix('popraw-nazwe-organizacji', 'Nazwa organizacji', 'Podaj pełną nazwę organizacji (od 2 do 200 znaków).'),
  invalid_legal_form: fix('wybierz-forme-prawna', 'Forma prawna', 'Wybierz formę prawną z listy; jeśli żadna nie pasuje, wybierz „inna forma”.'),
  invalid_krs: fix('popraw-krs', 'Numer KRS', 'Numer KRS ma dokładnie 10 cyfr, np. 0000123456 – przepisz go z odpisu z KRS.'),
  missing_krs: fix('podaj-krs', 'Numer KRS', 'Fundacje, stowarzyszenia i spółdzielnie socjalne są wpisane do KRS – podaj numer (10 cyfr, np. 0000123456).'),
  invalid_nip: fix('popraw-nip', 'NIP', 'To nie jest poprawny NIP – sprawdź, czy ma 10 cyfr i nie ma literówki (nie zgadza się suma kontrolna). NIP jest nieobowiązkowy.'),
  invalid_regon: fix('popraw-regon', 'REGON', 'To nie jest poprawny REGON – ma 9 lub 14 cyfr i musi zgadzać się suma kontrolna. REGON jest nieobowiązkowy.'),
  invalid_short_description: fix('popraw-opis', 'Krótki opis', 'Napisz w kilku zdaniach, czym zajmuje się organizacja (od 20 do 300 znaków).'),
  invalid_website: fix('popraw-strone-www', 'Strona internetowa', 'Podaj pełny adres strony zaczynający się od https:// lub http:// (np. https://fundacja.org.pl) albo zostaw pole puste.'),
  invalid_org_email: fix('popraw-e-mail-organizacji', 'E-mail organizacji', 'Podaj poprawny adres e-mail organizacji, np. biuro@fundacja.org.pl – bez spacji, polskich liter, cudzysłowów i nawiasów.'),
  invalid_phone: fix('popraw-telefon-organizacji', 'Telefon organizacji', 'Telefon jest nieobowiązkowy; jeśli go podajesz: cyfry, spacje, myślniki, nawiasy, ewentualnie + na początku (np. +48 12 345 67 89).'),
  invalid_district: fix('wybierz-dzielnice', 'Dzielnica', 'Wybierz dzielnicę Krakowa z listy albo zostaw „nie podaję”.'),
  invalid_contact_name: fix('popraw-osobe-kontaktowa', 'Imię i nazwisko osoby kontaktowej', 'Podaj imię i nazwisko osoby kontaktowej (od 2 do 120 znaków).'),
  invalid_contact_email: fix('popraw-e-mail-osoby-kontaktowej', 'E-mail osoby kontaktowej', 'Podaj poprawny adres e-mail osoby kontaktowej, np. jan.kowalski@example.pl – bez spacji, polskich liter, cudzysłowów i nawiasów.'),
  invalid_contact_phone: fix('popraw-telefon-osoby-kontaktowej', 'Telefon osoby kontaktowej', 'Telefon jest nieobowiązkowy; jeśli go podajesz: cyfry, spacje, myślniki, nawiasy, ewentualnie + na początku (np. +48 600 100 200).'),
  invalid_consent_version: fix('odswiez-strone', 'Zgoda', 'Treść zgody pod formularzem zmieniła się, odkąd otwarto stronę, albo formularz jej nie przesłał. Odśwież stronę „Poproś o dołączenie”, przeczytaj zgodę i wyślij prośbę ponownie.'),
  missing_consent: fix('zaznacz-zgode', 'Zgoda', 'Aby wysłać prośbę, zaznacz zgodę na przetwarzanie danych.'),
} as const satisfies Record<string, OrgPanelResultPage>;

export type OrgPanelResultCode = keyof typeof ORG_PANEL_RESULTS;

export const orgPanelResultPath = (code: OrgPanelResultCode): string => `/dla-organizacji/${ORG_PANEL_RESULTS[code].slug}/`;

/** The answers of the join form, whose pages lead back to it; the others lead to the sign-in form. */
export const ORG_JOIN_RESULT_CODES = [
  'join_received', 'too_fast', 'invalid_name', 'invalid_legal_form', 'invalid_krs', 'missing_krs', 'invalid_nip', 'invalid_regon', 'invalid_short_description',
  'invalid_website', 'invalid_org_email', 'invalid_phone', 'invalid_district', 'invalid_contact_name', 'invalid_contact_email', 'invalid_contact_phone',
  'invalid_consent_version', 'missing_consent',
] as const satisfies readonly OrgPanelResultCode[];

export const isJoinResult = (code: OrgPanelResultCode): boolean => (ORG_JOIN_RESULT_CODES as readonly string[]).includes(code);
