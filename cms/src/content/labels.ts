/**
 * Polish names of every field editors see. The admin panel shows them as labels and hints, and
 * validation messages use them, so an error always names the field the way the form does.
 */
export interface FieldLabel {
  label: string;
  description?: string;
  /** Set by the CMS, shown to editors but not editable in the admin's form. */
  readOnly?: true;
}

export type LabelMap = Record<string, FieldLabel>;

const AUDIENCE_HINT = 'everyone = wszyscy, ngo = organizacje, informal_group = grupy nieformalne, residents = mieszkańcy';
const WEEKDAY_HINT = 'monday = poniedziałek, tuesday = wtorek … sunday = niedziela';

const seo: FieldLabel = { label: 'SEO', description: 'Tytuł i opis w wynikach wyszukiwania; puste pola zastąpi tytuł i zajawka' };
// The scheduler (scheduling/publish-due.ts) runs every minute; the admin shows times in the editor's
// browser zone, which for the centre's editors is Kraków's.
const publishAt: FieldLabel = {
  label: 'Opublikuj automatycznie',
  description: 'Data i godzina (czasu krakowskiego), o której wpis opublikuje się sam. Ustaw ją i kliknij „Zapisz” (nie „Opublikuj”). Zostaw puste, aby opublikować ręcznie.',
};
const slug = (what: string): FieldLabel => ({
  label: 'Adres (slug)',
  description: `Końcówka adresu ${what}; tworzy się z tytułu, polskie litery zamieniane są na łacińskie`,
});

export const CONTENT_TYPE_LABELS: Record<string, LabelMap> = {
  'api::article.article': {
    title: { label: 'Tytuł' },
    slug: slug('aktualności'),
    excerpt: { label: 'Zajawka', description: 'Do 300 znaków; widoczna na liście aktualności' },
    body: { label: 'Treść', description: 'Markdown' },
    cover: { label: 'Zdjęcie główne', description: 'Wymaga tekstu alternatywnego (Biblioteka mediów → edycja pliku)' },
    author: { label: 'Autor' },
    publicationDate: { label: 'Data publikacji', description: 'Data pokazywana czytelnikom; pusta = dzień utworzenia' },
    publishAt,
    seo,
  },
  'api::guide.guide': {
    title: { label: 'Tytuł' },
    slug: slug('poradnika'),
    summary: { label: 'Streszczenie', description: 'Kilka zdań o tym, czego czytelnik się dowie' },
    body: { label: 'Treść', description: 'Markdown; nagłówki ## tworzą spis treści' },
    category: { label: 'Temat' },
    audience: { label: 'Dla kogo', description: AUDIENCE_HINT },
    attachments: { label: 'Załączniki', description: 'Dokumenty: PDF, DOCX, ODT, XLSX, ODS…' },
    relatedGuides: { label: 'Powiązane poradniki' },
    author: { label: 'Autor lub ekspert' },
    authorRole: { label: 'Funkcja autora', description: 'Np. „doradczyni ds. finansów NGO”' },
    reviewedAt: { label: 'Aktualne na dzień', description: 'Kiedy ekspert ostatnio sprawdził treść' },
    publishAt,
    seo,
  },
  'api::category.category': {
    name: { label: 'Nazwa' },
    slug: slug('tematu'),
    description: { label: 'Opis' },
    order: { label: 'Kolejność', description: 'Mniejsza liczba = wyżej na liście' },
    guides: { label: 'Poradniki' },
  },
  'api::event.event': {
    title: { label: 'Tytuł' },
    slug: slug('wydarzenia'),
    description: { label: 'Opis', description: 'Markdown' },
    startsAt: { label: 'Początek' },
    endsAt: { label: 'Koniec', description: 'Nie wcześniej niż początek' },
    allDay: { label: 'Całodniowe' },
    type: {
      label: 'Rodzaj',
      description: 'seminar = seminarium, training = szkolenie, consulting = doradztwo, working_group = grupa robocza, coaching, mentoring, meeting = spotkanie, volunteering = wolontariat, other = inne',
    },
    format: { label: 'Forma', description: 'on_site = stacjonarnie, online, hybrid = hybrydowo' },
    room: { label: 'Sala w Centrum' },
    venue: { label: 'Inne miejsce', description: 'Tylko gdy wydarzenie nie odbywa się w sali Centrum' },
    onlineUrl: { label: 'Link do spotkania online' },
    organizer: { label: 'Organizator' },
    registrationMode: {
      label: 'Zapisy',
      description: 'none = bez zapisów, external = przez zewnętrzny formularz (Link do zapisów), site = przez formularz na tej stronie (zapisy, potwierdzenia i lista w panelu: „Zapis na wydarzenie”)',
    },
    registrationUrl: { label: 'Link do zapisów', description: 'Tylko dla zapisów przez zewnętrzny formularz' },
    registrationOpensAt: { label: 'Zapisy od', description: 'Puste = od razu po opublikowaniu' },
    registrationDeadline: { label: 'Zapisy do', description: 'Nie później niż początek wydarzenia; puste = do rozpoczęcia każdego terminu' },
    capacity: { label: 'Liczba miejsc', description: 'Na każdy termin osobno; przy zapisach na stronie wymagana, chyba że ustawiono okienka' },
    waitlist: { label: 'Lista rezerwowa', description: 'Gdy miejsca się skończą, kolejne osoby trafiają na listę; po rezygnacji pierwsza z listy dostaje miejsce od razu (i e-mail)' },
    approvalRequired: { label: 'Zapisy wymagają akceptacji', description: 'Zgłoszenia czekają na decyzję redakcji (np. warsztaty tylko dla organizacji); decyzja z uzasadnieniem idzie e-mailem' },
    slotMinutes: { label: 'Okienka (minuty)', description: 'Np. 30: każdy termin dzieli się na okienka tej długości, od początku do końca (konsultacje indywidualne)' },
    slotCapacity: { label: 'Osób na okienko', description: 'Zwykle 1' },
    isFree: { label: 'Bezpłatne' },
    price: { label: 'Cena (zł)' },
    priceNote: { label: 'Uwagi do ceny' },
    eventStatus: { label: 'Status', description: 'scheduled = planowane, cancelled = odwołane, postponed = przełożone' },
    displaceRoomRequests: {
      label: 'Przesuń przyjęte wnioski o salę',
      description: 'Zaznacz tylko wtedy, gdy sala jest zajęta przez przyjęty wniosek organizacji, a Centrum mimo to jej potrzebuje: przy zapisie wniosek zostanie odrzucony, a organizacja od razu dostanie e-mail. Pole samo się odznacza',
    },
    accessibility: { label: 'Dostępność' },
    recurrence: { label: 'Powtarzanie', description: 'Dla dyżurów i grup roboczych: co tydzień lub co miesiąc' },
    audience: { label: 'Dla kogo', description: AUDIENCE_HINT },
    cover: { label: 'Obrazek', description: 'Wymaga tekstu alternatywnego' },
    publishAt,
    seo,
  },
  'api::organization.organization': {
    name: { label: 'Nazwa' },
    slug: slug('profilu'),
    legalForm: {
      label: 'Forma prawna',
      description: 'foundation = fundacja, association = stowarzyszenie, ordinary_association = stowarzyszenie zwykłe, informal_group = grupa nieformalna, social_cooperative = spółdzielnia socjalna, other = inna',
    },
    krs: { label: 'Numer KRS', description: '10 cyfr' },
    nip: { label: 'NIP', description: '10 cyfr, sprawdzana suma kontrolna' },
    regon: { label: 'REGON', description: '9 lub 14 cyfr, sprawdzana suma kontrolna' },
    shortDescription: { label: 'Krótki opis', description: 'Do 300 znaków; widoczny w katalogu' },
    description: { label: 'Opis', description: 'Markdown' },
    logo: { label: 'Logo' },
    areas: { label: 'Obszary działania' },
    district: { label: 'Dzielnica Krakowa', description: 'Jedna z 18 dzielnic, np. stare_miasto = I Stare Miasto, krowodrza = V Krowodrza, nowa_huta = XVIII Nowa Huta' },
    website: { label: 'Strona internetowa' },
    email: { label: 'E-mail' },
    phone: { label: 'Telefon' },
    address: { label: 'Adres' },
    socialLinks: { label: 'Media społecznościowe' },
    acceptsVolunteers: { label: 'Przyjmuje wolontariuszy' },
    volunteering: { label: 'Jak zostać wolontariuszem', description: 'Markdown' },
    events: { label: 'Wydarzenia' },
    publishAt,
    seo,
  },
  'api::area.area': {
    name: { label: 'Nazwa' },
    slug: slug('obszaru'),
    description: { label: 'Opis' },
    organizations: { label: 'Organizacje' },
  },
  'api::room.room': {
    name: { label: 'Nazwa' },
    slug: slug('sali'),
    summary: { label: 'Krótki opis' },
    description: { label: 'Opis', description: 'Markdown' },
    capacity: { label: 'Liczba miejsc' },
    surface: { label: 'Powierzchnia (m²)' },
    floor: { label: 'Piętro' },
    equipment: { label: 'Wyposażenie' },
    accessibility: { label: 'Dostępność' },
    photos: { label: 'Zdjęcia', description: 'Każde wymaga tekstu alternatywnego' },
    howToBook: { label: 'Jak zarezerwować', description: 'Markdown' },
    events: { label: 'Wydarzenia w sali', description: 'Salę wybiera się w wydarzeniu (pole „Sala w Centrum”), gdzie CMS sprawdza, czy jest wtedy wolna', readOnly: true },
    publishAt,
    seo,
  },
  'api::page.page': {
    title: { label: 'Tytuł' },
    slug: slug('strony'),
    body: { label: 'Treść', description: 'Markdown' },
    publishAt,
    seo,
  },
  'api::global.global': {
    siteName: { label: 'Nazwa serwisu' },
    tagline: { label: 'Hasło' },
    description: { label: 'Opis serwisu', description: 'Domyślny opis dla wyszukiwarek' },
    address: { label: 'Adres' },
    openingHours: { label: 'Godziny otwarcia' },
    email: { label: 'E-mail' },
    phone: { label: 'Telefon' },
    contacts: { label: 'Kontakty' },
    socialLinks: { label: 'Media społecznościowe' },
    accessibilityStatement: { label: 'Deklaracja dostępności' },
    registrationConsentText: { label: 'Zgoda przy zapisach', description: 'Tekst zgody pod formularzem zapisu na wydarzenie. Po zmianie CMS nada mu nową wersję, a poprzedni tekst zostanie w „Historii zgód”' },
    registrationConsentVersion: { label: 'Wersja zgody przy zapisach', description: 'Nadaje ją CMS przy każdej zmianie tekstu; zapisuje się przy każdym zapisie, by wiadomo było, na jaki tekst ktoś się zgodził', readOnly: true },
    roomRequestConsentText: { label: 'Zgoda przy wnioskach o salę', description: 'Tekst zgody pod formularzem wniosku o salę. Po zmianie CMS nada mu nową wersję, a poprzedni tekst zostanie w „Historii zgód”' },
    roomRequestConsentVersion: { label: 'Wersja zgody przy wnioskach o salę', description: 'Nadaje ją CMS przy każdej zmianie tekstu; zapisuje się przy każdym wniosku', readOnly: true },
    defaultSeo: { label: 'Domyślne SEO' },
  },
  'api::registration.registration': {
    eventDocumentId: { label: 'Identyfikator wydarzenia', description: 'documentId wydarzenia; filtruj po nim listę zapisów' },
    eventTitle: { label: 'Wydarzenie' },
    occurrenceDate: { label: 'Termin (dzień)', description: 'RRRR-MM-DD, czas krakowski' },
    startsAt: { label: 'Początek' },
    endsAt: { label: 'Koniec' },
    slotLabel: { label: 'Okienko' },
    unitKey: { label: 'Klucz miejsca', description: 'Wydarzenie/dzień/okienko: po nim liczone są miejsca' },
    state: {
      label: 'Stan',
      description: 'awaiting_confirmation = czeka na potwierdzenie e-mailem, confirmed = potwierdzony, waitlisted = lista rezerwowa, awaiting_approval = czeka na akceptację, rejected = odrzucony, cancelled = rezygnacja, expired = wygasł, attended = obecny, no_show = nieobecny',
    },
    holdsSeat: { label: 'Zajmuje miejsce' },
    name: { label: 'Imię i nazwisko' },
    email: { label: 'E-mail' },
    organisation: { label: 'Organizacja' },
    needs: { label: 'Potrzeby', description: 'sign_language = tłumacz PJM, induction_loop = pętla indukcyjna, step_free = bez schodów, other = inne' },
    needsOther: { label: 'Inne potrzeby' },
    consentVersion: { label: 'Wersja zgody' },
    decisionReason: { label: 'Uzasadnienie decyzji', description: 'Trafia do e-maila przy akceptacji lub odrzuceniu' },
    linkId: { label: 'Identyfikator linku' },
    tokenHash: { label: 'Skrót tokenu' },
    confirmedAt: { label: 'Potwierdzony' },
    cancelledAt: { label: 'Anulowany' },
    reminderSentAt: { label: 'Przypomnienie wysłane' },
  },
  'api::registration-tally.registration-tally': {
    eventDocumentId: { label: 'Identyfikator wydarzenia' },
    eventTitle: { label: 'Wydarzenie' },
    occurrenceDate: { label: 'Termin (dzień)' },
    registered: { label: 'Zapisani', description: 'Mieli miejsce: potwierdzeni, obecni i nieobecni' },
    attended: { label: 'Obecni' },
    noShow: { label: 'Nieobecni' },
    cancelled: { label: 'Rezygnacje' },
    waitlisted: { label: 'Na liście rezerwowej' },
    rejected: { label: 'Odrzuceni' },
    expired: { label: 'Niepotwierdzeni', description: 'Nie potwierdzili adresu e-mail albo nie doczekali decyzji' },
    erasedAt: { label: 'Dane osobowe usunięte' },
  },
  'api::room-request.room-request': {
    roomDocumentId: { label: 'Identyfikator sali', description: 'documentId sali; filtruj po nim listę wniosków' },
    roomName: { label: 'Sala' },
    state: {
      label: 'Stan',
      description: 'awaiting_confirmation = czeka na potwierdzenie e-mailem, requested = czeka na decyzję, needs_information = potrzebne informacje, approved = przyjęty (sala zajęta), rejected = odrzucony, withdrawn = wycofany, expired = niepotwierdzony',
    },
    decisionReason: { label: 'Uzasadnienie decyzji', description: 'Trafia do e-maila; wymagane przy „needs_information” i „rejected”' },
    startsAt: { label: 'Początek (pierwszy termin)' },
    endsAt: { label: 'Koniec (pierwszy termin)' },
    repeatUntil: { label: 'Co tydzień do', description: 'Puste = jeden termin' },
    participants: { label: 'Liczba uczestników' },
    organisation: { label: 'Organizacja lub grupa' },
    krs: { label: 'Numer KRS' },
    contactName: { label: 'Osoba kontaktowa' },
    email: { label: 'E-mail' },
    phone: { label: 'Telefon' },
    purpose: { label: 'Cel spotkania' },
    equipment: { label: 'Potrzebne wyposażenie' },
    consentVersion: { label: 'Wersja zgody' },
    linkId: { label: 'Identyfikator linku' },
    tokenHash: { label: 'Skrót tokenu' },
    confirmedAt: { label: 'Potwierdzony' },
    decidedAt: { label: 'Rozpatrzony' },
    erasedAt: { label: 'Dane osobowe usunięte' },
  },
  'api::guide-feedback.guide-feedback': {
    guideDocumentId: { label: 'Identyfikator poradnika' },
    guideTitle: { label: 'Poradnik' },
    guideVersion: { label: 'Wersja poradnika', description: 'Czas ostatniej zmiany poradnika, gdy go oceniano: odpowiedzi liczą się osobno dla każdej wersji' },
    day: { label: 'Dzień', description: 'RRRR-MM-DD, czas krakowski' },
    helpful: { label: 'Pomocny (tak)' },
    notHelpful: { label: 'Niepomocny (nie)' },
    missingInformation: { label: 'Powód: brak informacji' },
    outOfDate: { label: 'Powód: nieaktualne' },
    hardToFollow: { label: 'Powód: trudny tekst' },
    brokenLink: { label: 'Powód: niedziałający link' },
    otherReason: { label: 'Powód: inny' },
  },
  'api::guide-comment.guide-comment': {
    guideDocumentId: { label: 'Identyfikator poradnika' },
    guideTitle: { label: 'Poradnik' },
    guideVersion: { label: 'Wersja poradnika' },
    reasons: { label: 'Powody', description: 'missing_information = brak informacji, out_of_date = nieaktualne, hard_to_follow = trudny tekst, broken_link = niedziałający link, other = inny' },
    comment: { label: 'Uwagi czytelnika' },
  },
  'api::consent-version.consent-version': {
    form: { label: 'Formularz', description: 'registration = zapisy na wydarzenia, room-request = wnioski o salę', readOnly: true },
    version: { label: 'Wersja', description: 'Zapisuje się przy każdym zgłoszeniu z tego formularza', readOnly: true },
    text: { label: 'Tekst zgody', readOnly: true },
    validFrom: { label: 'Obowiązuje od', readOnly: true },
    validTo: { label: 'Obowiązuje do', description: 'Puste = tekst pokazywany teraz', readOnly: true },
  },
  'api::job-lock.job-lock': {
    name: { label: 'Zadanie' },
    lockedUntil: { label: 'Zablokowane do' },
    owner: { label: 'Instancja' },
  },
};

export const COMPONENT_LABELS: Record<string, LabelMap> = {
  'shared.seo': {
    metaTitle: { label: 'Tytuł dla wyszukiwarek', description: 'Do 60 znaków' },
    metaDescription: { label: 'Opis dla wyszukiwarek', description: 'Do 160 znaków' },
    shareImage: { label: 'Obrazek do udostępnień' },
    noindex: { label: 'Ukryj przed wyszukiwarkami' },
  },
  'shared.address': {
    street: { label: 'Ulica i numer' },
    postalCode: { label: 'Kod pocztowy', description: 'Np. 30-059' },
    city: { label: 'Miejscowość' },
  },
  'shared.social-link': {
    platform: { label: 'Serwis', description: 'x = X (dawniej Twitter), other = inny serwis' },
    url: { label: 'Adres profilu', description: 'Pełny adres zaczynający się od https://' },
  },
  'shared.contact': {
    label: { label: 'Osoba lub dział' },
    email: { label: 'E-mail' },
    phone: { label: 'Telefon' },
  },
  'shared.opening-hours': {
    dayFrom: { label: 'Od dnia', description: WEEKDAY_HINT },
    dayTo: { label: 'Do dnia', description: `Puste = tylko jeden dzień; ${WEEKDAY_HINT}` },
    opens: { label: 'Otwarcie' },
    closes: { label: 'Zamknięcie' },
    note: { label: 'Uwagi' },
  },
  'shared.list-item': { name: { label: 'Nazwa' } },
  'event.venue': {
    name: { label: 'Nazwa miejsca' },
    address: { label: 'Adres' },
  },
  'event.accessibility': {
    signLanguageInterpreter: { label: 'Tłumacz PJM' },
    inductionLoop: { label: 'Pętla indukcyjna' },
    stepFreeAccess: { label: 'Dostęp bez schodów' },
    notes: { label: 'Inne informacje o dostępności' },
  },
  'event.recurrence': {
    frequency: { label: 'Częstotliwość', description: 'weekly = co tydzień, monthly = co miesiąc' },
    interval: { label: 'Co ile', description: '1 = co tydzień/miesiąc, 2 = co drugi…' },
    until: { label: 'Powtarzaj do', description: 'Najwyżej 2 lata od początku' },
    monthlyBy: { label: 'Co miesiąc według', description: 'day_of_month = ten sam dzień miesiąca, weekday_of_month = np. drugi wtorek' },
    monday: { label: 'Poniedziałek' },
    tuesday: { label: 'Wtorek' },
    wednesday: { label: 'Środa' },
    thursday: { label: 'Czwartek' },
    friday: { label: 'Piątek' },
    saturday: { label: 'Sobota' },
    sunday: { label: 'Niedziela' },
  },
  'room.accessibility': {
    stepFreeAccess: { label: 'Dostęp bez schodów' },
    accessibleToilet: { label: 'Toaleta dostępna' },
    inductionLoop: { label: 'Pętla indukcyjna' },
    notes: { label: 'Inne informacje o dostępności' },
  },
  'global.accessibility-statement': {
    publishedOn: { label: 'Data publikacji strony' },
    updatedOn: { label: 'Data ostatniej aktualizacji' },
    contactPerson: { label: 'Osoba kontaktowa' },
    contactEmail: { label: 'E-mail kontaktowy' },
    contactPhone: { label: 'Telefon kontaktowy' },
  },
};

/** Which attribute an entry is listed and linked by in the admin. */
export const MAIN_FIELDS: Record<string, string> = {
  'api::article.article': 'title',
  'api::guide.guide': 'title',
  'api::category.category': 'name',
  'api::event.event': 'title',
  'api::organization.organization': 'name',
  'api::area.area': 'name',
  'api::room.room': 'name',
  'api::page.page': 'title',
  'api::global.global': 'siteName',
  'api::registration.registration': 'name',
  'api::registration-tally.registration-tally': 'eventTitle',
  'api::job-lock.job-lock': 'name',
  'api::guide-feedback.guide-feedback': 'guideTitle',
  'api::room-request.room-request': 'organisation',
  'api::guide-comment.guide-comment': 'guideTitle',
  'api::consent-version.consent-version': 'version',
};

/**
 * "Koniec (endsAt)": the label editors see, then the API path developers see. `owner` is the
 * content type or, for a field inside a component, the component's uid.
 */
export function fieldName(owner: string, path: readonly string[]): string {
  const key = path[path.length - 1] ?? '';
  const label = (CONTENT_TYPE_LABELS[owner] ?? COMPONENT_LABELS[owner])?.[key]?.label;
  if (!label) throw new Error(`No Polish label for ${owner} field "${key}" (labels.ts).`);
  return `${label} (${path.join('.')})`;
}
