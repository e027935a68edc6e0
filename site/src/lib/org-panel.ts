/**
 * "Dla organizacji" on the site: the sign-in form of the organisations' panel (served by the CMS
 * at /panel/) and the form asking to join the directory. The answers' table and the join form's
 * limits come from the CMS (cms/src/shared, cms/src/org-panel/join-rules.ts), so the form asks
 * for what the CMS accepts.
 */
import { DISTRICTS, LEGAL_FORMS, type LegalForm } from './labels';

export { isJoinResult, ORG_PANEL_RESULTS, type OrgPanelResultPage } from '../../../cms/src/shared/org-panel-results';
export { CONTACT_NAME_MAX, NAME_MAX, ORG_DISTRICTS, ORG_LEGAL_FORMS, PHONE_MAX, SHORT_DESCRIPTION_MAX, SHORT_DESCRIPTION_MIN, WEBSITE_FIELD, WEBSITE_MAX } from '../../../cms/src/org-panel/join-rules';

export const ORG_PATHS = {
  /** What the panel is for, and its sign-in form. */
  panel: '/dla-organizacji/',
  join: '/dla-organizacji/dolacz/',
} as const;

/** Where the sign-in form posts: the panel's own route on the CMS. */
export const signInAction = (cmsUrl: string): string => `${cmsUrl}/panel/link`;
export const joinAction = (cmsUrl: string): string => `${cmsUrl}/api/org-join-requests`;

/** "Fundacja", as a choice in a list starts. */
const capitalized = (text: string): string => text.charAt(0).toLocaleUpperCase('pl') + text.slice(1);

export const legalFormOptions = (forms: readonly LegalForm[]): { value: LegalForm; label: string }[] => forms.map((value) => ({ value, label: capitalized(LEGAL_FORMS[value]) }));

export const districtOptions = (codes: readonly string[]): { value: string; label: string }[] =>
  codes.map((value) => {
    const district = DISTRICTS[value];
    // The CMS and the site share the codes; a code without a name would show as a bare code.
    if (!district) throw new Error(`The join form offers the district "${value}", which has no Polish name in cms/src/shared/enum-labels.ts.`);
    return { value, label: district.label };
  });

/** The strings of these pages (Polish), kept here beside the forms they belong to. */
export const ORG_UI = {
  menuLink: 'Dla organizacji',
  panelTitle: 'Panel dla organizacji',
  panelLead: 'Organizacje partnerskie Centrum mają własny panel. Logujesz się do niego bez hasła – linkiem, który wysyłamy e-mailem.',
  panelWhatHeading: 'Co zrobisz w panelu',
  panelWhat: [
    'zaproponujesz wydarzenie do kalendarza Centrum,',
    'zaproponujesz ofertę wolontariatu na tablicę wolontariatu,',
    'zaktualizujesz profil organizacji w katalogu,',
    'odpowiesz na zgłoszenia wolontariuszy do waszych ofert.',
  ],
  panelReview: 'Wszystko, co zaproponujesz, redakcja Centrum sprawdza przed publikacją. Zmiany organizacji, którym redakcja nadała status zaufanych, ukazują się od razu.',
  signInHeading: 'Zaloguj się',
  signInEmail: 'Adres e-mail',
  signInEmailHint: 'Adres organizacji z katalogu albo osoby, którą organizacja zgłosiła do panelu.',
  signInSubmit: 'Wyślij link do logowania',
  signInNote: 'Link działa 30 minut i tylko raz. Na każdy adres odpowiadamy tak samo, więc formularz nie zdradza, kto ma dostęp do panelu – jeśli wiadomość nie przyjdzie, ten adres nie ma dostępu.',
  joinHeading: 'Nowa organizacja',
  joinLink: 'Twojej organizacji nie ma jeszcze w katalogu? Poproś o dołączenie',

  joinTitle: 'Poproś o dołączenie do katalogu',
  joinLead: 'Katalog organizacji partnerskich pokazuje organizacje pozarządowe i grupy, które współpracują z Centrum. Wypełnij formularz – redakcja sprawdzi dane i odpowie osobie kontaktowej e-mailem. Po przyjęciu prośby organizacja pojawi się w katalogu, a osoba kontaktowa będzie mogła logować się do panelu.',
  joinOrganization: 'Organizacja',
  joinName: 'Nazwa organizacji',
  joinLegalForm: 'Forma prawna',
  joinChoose: 'Wybierz z listy',
  joinKrs: 'Numer KRS',
  joinKrsHint: '10 cyfr. Obowiązkowy dla fundacji, stowarzyszeń i spółdzielni socjalnych; inne organizacje mogą go pominąć.',
  joinNip: 'NIP',
  joinRegon: 'REGON',
  joinRegisterHint: 'Sprawdzamy sumę kontrolną – przepisz numer z dokumentu; spacje i myślniki nie przeszkadzają.',
  joinShortDescription: 'Krótki opis',
  joinShortDescriptionHint: (min: number, max: number) => `Czym zajmuje się organizacja, w kilku zdaniach (od ${min} do ${max} znaków). Pokażemy go w katalogu.`,
  joinWebsite: 'Strona internetowa',
  joinWebsiteHint: 'Pełny adres, np. https://fundacja.org.pl',
  joinEmail: 'E-mail organizacji',
  joinEmailHint: 'Adres pokazywany w katalogu; będzie też można nim logować się do panelu.',
  joinPhone: 'Telefon organizacji',
  joinDistrict: 'Dzielnica Krakowa',
  joinNoDistrict: 'Nie podaję',
  joinContact: 'Osoba kontaktowa',
  joinContactHint: 'Tej osobie odpowie redakcja. Jej dane nie trafią do katalogu.',
  joinContactName: 'Imię i nazwisko',
  joinContactEmail: 'Adres e-mail',
  joinContactEmailHint: 'Tu wyślemy potwierdzenie i odpowiedź redakcji.',
  joinContactPhone: 'Telefon',
  joinSubmit: 'Wyślij prośbę o dołączenie',
  joinAfterSubmit: 'Potwierdzenie prośby przyjdzie na adres osoby kontaktowej. Dane organizacji pojawią się w katalogu dopiero po przyjęciu prośby przez redakcję.',
  backToPanel: 'Panel dla organizacji',
  backToJoin: 'Wróć do prośby o dołączenie',
  directory: 'Katalog organizacji',
} as const;
