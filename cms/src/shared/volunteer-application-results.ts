/**
 * Every answer the volunteering application form and its mailed links can get, as a page of the
 * static site: the CMS redirects to `/zgloszenia/<slug>/`, and the site builds one page per entry
 * from this table (shared with site/ like room-request-results.ts). A problem with one field names
 * the field as the form labels it. The reasons an organisation may give for declining live here
 * too, since the answer page, the applicant's mail and the admin show the same words.
 */
import { resultPage as page, type ResultPage } from './signup-results';

export interface ApplicationResultPage extends ResultPage {
  /** The form field a correction is about (its label on the form). */
  field?: string;
}

const fix = (slug: string, field: string, message: string): ApplicationResultPage => ({ ...page(slug, `Popraw pole „${field}”`, message, 'error', 400), field });

export const APPLICATION_RESULTS = {
  check_email: page('sprawdz-poczte', 'Sprawdź skrzynkę e-mail', 'Wysłaliśmy wiadomość z linkiem. Kliknij w niej „Potwierdź zgłoszenie” – dopiero wtedy zgłoszenie trafi do organizacji. Nie widzisz wiadomości? Zajrzyj do folderu spam.', 'success', 202),
  repeat: page('zgloszenie-juz-wyslane', 'To zgłoszenie już wysłano', 'Z tego adresu e-mail jest już zgłoszenie do tej oferty, więc nie dodaliśmy drugiego. Wysłaliśmy jeszcze raz wiadomość z linkiem.', 'info', 200),
  submitted: page('zgloszenie-wyslane', 'Zgłoszenie trafiło do organizacji', 'Dziękujemy! Organizacja dostała Twoje zgłoszenie e-mailem i odpowie na podany adres. Potwierdzenie z opisem oferty i danymi osoby, która odpowie, wysłaliśmy do Ciebie.', 'success', 200),
  reserve: page('lista-rezerwowa', 'Jesteś na liście rezerwowej', 'Organizacja ma już komplet wolontariuszy, więc Twoje zgłoszenie trafiło na listę rezerwową. Organizacja je dostała i odezwie się, gdy zwolni się miejsce.', 'info', 200),
  already: page('zgloszenie-potwierdzone', 'Zgłoszenie było już potwierdzone', 'To zgłoszenie zostało już potwierdzone. Odpowiedź organizacji przyjdzie e-mailem.', 'info', 200),
  expired: page('zgloszenie-wygaslo', 'Zgłoszenie wygasło', 'Zgłoszenie nie zostało potwierdzone w ciągu 48 godzin, więc wygasło. Wyślij je ponownie ze strony oferty.', 'error', 409),
  withdrawn: page('zgloszenie-wycofane', 'Zgłoszenie wycofane', 'Wycofaliśmy Twoje zgłoszenie; jeśli trafiło już do organizacji, daliśmy jej znać.', 'success', 200),
  not_withdrawable: page('nie-mozna-wycofac', 'Tego zgłoszenia nie można już wycofać', 'Zgłoszenie zostało już wycofane albo organizacja na nie odpowiedziała odmownie.', 'error', 409),
  accepted: page('zgloszenie-przyjete', 'Wysłaliśmy wiadomość o przyjęciu', 'Wolontariusz dostał e-mail, że przyjmujecie jego zgłoszenie, z danymi osoby kontaktowej. Umówcie się bezpośrednio.', 'success', 200),
  declined: page('zgloszenie-odrzucone', 'Wysłaliśmy odpowiedź odmowną', 'Zgłaszający dostał e-mail z podanym powodem. Dziękujemy za odpowiedź – dzięki niej nikt nie czeka na próżno.', 'success', 200),
  already_answered: page('juz-odpowiedziano', 'Na to zgłoszenie już odpowiedziano', 'To zgłoszenie ma już odpowiedź albo zostało wycofane przez zgłaszającego, więc niczego nie zmieniliśmy.', 'info', 409),
  unknown_link: page('link-nieaktualny', 'Link jest nieaktualny', 'Nie znaleźliśmy zgłoszenia dla tego linku. Mógł zostać skopiowany niecały albo dane zgłoszenia zostały już usunięte.', 'error', 404),
  invalid_token: page('link-niepelny', 'Link jest niepełny', 'Link z wiadomości jest niepełny. Skopiuj go w całości albo kliknij go w wiadomości.', 'error', 400),
  unknown_offer: page('nieznana-oferta', 'Nie ma takiej oferty', 'Tej oferty nie ma już na tablicy wolontariatu. Wybierz inną ofertę z listy.', 'error', 404),
  recruitment_closed: page('rekrutacja-zakonczona', 'Rekrutacja zakończona', 'Ta oferta nie przyjmuje już zgłoszeń: minął jej termin albo organizacja ma komplet wolontariuszy. Na tablicy wolontariatu znajdziesz inne oferty.', 'error', 409),
  too_young: page('za-mlody-wiek', 'Ta oferta ma wyższy próg wieku', 'Ta oferta jest dla osób pełnoletnich, więc nie możemy przyjąć zgłoszenia osoby niepełnoletniej. Na tablicy wolontariatu wybierz filtr wieku, by zobaczyć oferty dla Ciebie.', 'error', 409),
  rate_limited: page('za-duzo-prob', 'Za dużo prób', 'Z tego adresu wysłano w krótkim czasie zbyt wiele formularzy. Odczekaj kilka minut i spróbuj ponownie.', 'error', 429),
  mail_failed: page('blad-wysylki', 'Nie udało się wysłać wiadomości', 'Zgłoszenie nie zostało przyjęte, bo nie mogliśmy wysłać wiadomości e-mail. Spróbuj ponownie za chwilę; jeśli problem się powtarza, napisz do Centrum.', 'error', 503),
  invalid_offer: fix('popraw-oferte', 'Oferta', 'Nie wiadomo, której oferty dotyczy zgłoszenie. Otwórz stronę oferty i wyślij formularz stamtąd.'),
  invalid_name: fix('popraw-imie', 'Imię i nazwisko', 'Podaj imię i nazwisko (od 2 do 120 znaków).'),
  invalid_email: fix('popraw-e-mail', 'Adres e-mail', 'Podaj poprawny adres e-mail, np. jan.kowalski@example.pl – bez spacji, polskich liter, cudzysłowów i nawiasów.'),
  invalid_phone: fix('popraw-telefon', 'Telefon', 'Numer telefonu jest nieobowiązkowy; jeśli go podajesz: cyfry, spacje, myślniki, ewentualnie + na początku (od 9 do 20 znaków).'),
  invalid_availability: fix('popraw-dostepnosc', 'Kiedy możesz pomagać', 'Napisz, kiedy możesz pomagać (od 3 do 500 znaków), np. „wtorki po 16:00” albo „dowolny weekend”.'),
  invalid_message: fix('popraw-wiadomosc', 'Kilka słów o sobie', 'Wiadomość może mieć najwyżej 1500 znaków.'),
  invalid_age: fix('potwierdz-wiek', 'Wiek', 'Zaznacz, ile masz lat: oferta ma próg wieku, a osoby niepełnoletnie potrzebują pisemnej zgody rodzica lub opiekuna.'),
  invalid_consent_version: fix('odswiez-strone', 'Zgoda', 'Treść zgody pod formularzem zmieniła się, odkąd otwarto stronę, albo formularz jej nie przesłał. Odśwież stronę oferty, przeczytaj zgodę i wyślij zgłoszenie ponownie.'),
  missing_consent: fix('zaznacz-zgode', 'Zgoda', 'Aby wysłać zgłoszenie, zaznacz zgodę na przetwarzanie danych.'),
  invalid_reason: fix('wybierz-powod', 'Powód odmowy', 'Wybierz powód odmowy; przy „Inny powód” napisz go w polu wiadomości (do 1000 znaków).'),
} as const satisfies Record<string, ApplicationResultPage>;

export type ApplicationResultCode = keyof typeof APPLICATION_RESULTS;

/** The applicant's answer pages in another language (volunteer-application-results-uk.ts, -en.ts); `field` is the form's label in it. */
export type ApplicationResultTexts = Record<ApplicationResultCode, { title: string; message: string; field?: string }>;

export const applicationResultPath = (code: ApplicationResultCode): string => `/zgloszenia/${APPLICATION_RESULTS[code].slug}/`;

/**
 * Every answer of "Zgłoś gotowość" (new matching offers by mail, without a specific offer) and of
 * its links, as pages under /wolontariat/gotowosc/<slug>/.
 */
export const INTEREST_RESULTS = {
  check_email: page('sprawdz-poczte', 'Sprawdź skrzynkę e-mail', 'Wysłaliśmy wiadomość z linkiem. Kliknij w niej „Potwierdzam” – dopiero wtedy zaczniemy wysyłać nowe oferty. Nie widzisz wiadomości? Zajrzyj do folderu spam.', 'success', 202),
  repeat: page('juz-zapisano', 'Ten adres jest już zapisany', 'Ten adres dostaje już oferty albo czeka na potwierdzenie. Wysłaliśmy jeszcze raz wiadomość z linkiem.', 'info', 200),
  active: page('zapisano', 'Gotowe – będziemy pisać', 'Raz w tygodniu, gdy pojawią się nowe oferty pasujące do Twoich wyborów, wyślemy je e-mailem. Każda wiadomość ma link do wypisania się jednym kliknięciem.', 'success', 200),
  already: page('juz-potwierdzono', 'Adres był już potwierdzony', 'Ten adres już dostaje nowe oferty. Nic nie zmieniliśmy.', 'info', 200),
  expired: page('link-wygasl', 'Link wygasł', 'Zapis nie został potwierdzony w ciągu 48 godzin, więc wygasł, a dane usunęliśmy. Zapisz się ponownie.', 'error', 409),
  unsubscribed: page('wypisano', 'Wypisano', 'Nie będziemy już wysyłać ofert na ten adres, a dane zapisu usunęliśmy. Zawsze możesz zapisać się ponownie.', 'success', 200),
  unknown_link: page('link-nieaktualny', 'Link jest nieaktualny', 'Nie znaleźliśmy zapisu dla tego linku. Mógł zostać skopiowany niecały albo dane zostały już usunięte – wtedy nic więcej nie wyślemy.', 'error', 404),
  invalid_token: page('link-niepelny', 'Link jest niepełny', 'Link z wiadomości jest niepełny. Skopiuj go w całości albo kliknij go w wiadomości.', 'error', 400),
  rate_limited: page('za-duzo-prob', 'Za dużo prób', 'Z tego adresu wysłano w krótkim czasie zbyt wiele formularzy. Odczekaj kilka minut i spróbuj ponownie.', 'error', 429),
  mail_failed: page('blad-wysylki', 'Nie udało się wysłać wiadomości', 'Zapis nie został przyjęty, bo nie mogliśmy wysłać wiadomości e-mail. Spróbuj ponownie za chwilę.', 'error', 503),
  invalid_name: fix('popraw-imie', 'Imię', 'Podaj imię (od 2 do 120 znaków) – tak zaczniemy wiadomości.'),
  invalid_email: fix('popraw-e-mail', 'Adres e-mail', 'Podaj poprawny adres e-mail, np. jan.kowalski@example.pl – bez spacji, polskich liter, cudzysłowów i nawiasów.'),
  invalid_areas: fix('popraw-obszary', 'Obszary', 'Zaznaczone obszary nie istnieją na tablicy wolontariatu. Odśwież stronę i zaznacz je ponownie.'),
  invalid_district: fix('popraw-dzielnice', 'Dzielnica', 'Wybierz dzielnicę z listy albo „cały Kraków”.'),
  invalid_commitment: fix('popraw-rodzaj', 'Jak chcesz pomagać', 'Wybierz: jednorazowo, regularnie albo obojętnie.'),
  invalid_age: fix('potwierdz-wiek', 'Wiek', 'Zaznacz, czy masz 18 lat – osobom niepełnoletnim wyślemy tylko oferty dla nich.'),
  invalid_availability: fix('popraw-dostepnosc', 'Kiedy możesz pomagać', 'Ten opis może mieć najwyżej 500 znaków.'),
  invalid_consent_version: fix('odswiez-strone', 'Zgoda', 'Treść zgody pod formularzem zmieniła się, odkąd otwarto stronę, albo formularz jej nie przesłał. Odśwież stronę, przeczytaj zgodę i wyślij formularz ponownie.'),
  missing_consent: fix('zaznacz-zgode', 'Zgoda', 'Aby dostawać oferty, zaznacz zgodę na przetwarzanie danych.'),
} as const satisfies Record<string, ApplicationResultPage>;

export type InterestResultCode = keyof typeof INTEREST_RESULTS;
export type InterestResultTexts = Record<InterestResultCode, { title: string; message: string; field?: string }>;

export const interestResultPath = (code: InterestResultCode): string => `/wolontariat/gotowosc/${INTEREST_RESULTS[code].slug}/`;

/** Why an organisation declines; the applicant's mail quotes the sentence. */
export const DECLINE_REASONS = {
  places_filled: { label: 'Mamy już komplet wolontariuszy', sentence: 'organizacja ma już komplet wolontariuszy do tej oferty.' },
  profile_mismatch: { label: 'Profil kandydata nie pasuje do tej oferty', sentence: 'organizacja szuka do tej oferty osoby o innym doświadczeniu lub dostępności.' },
  offer_ended: { label: 'Oferta jest już nieaktualna', sentence: 'oferta jest już nieaktualna.' },
  other: { label: 'Inny powód (napisz go w wiadomości)', sentence: 'organizacja podała powód w wiadomości poniżej.' },
} as const;
export type DeclineReason = keyof typeof DECLINE_REASONS;

/** The two answers to "ile masz lat?": at least the offer's age and 18, or a minor from the offer's age with a parent's consent. */
export const AGE_GROUPS = ['adult', 'minor'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
