/**
 * What an organisation may write, field by field: the event form without the centre's own fields
 * (room, sign-ups on the site, displacing room requests), the volunteering offer form without the
 * organisation (always its own), and the profile's public fields. Anything not listed here cannot
 * be written from the panel, whatever a request posts. Labels are the admin's (content/labels.ts),
 * so the rules' messages name fields the way these forms do.
 */
import { AUDIENCE_LABEL, DISTRICTS, EVENT_FORMATS, EVENT_TYPES, HOURS_PER, SOCIAL_PLATFORMS, VOLUNTEER_COMMITMENTS, VOLUNTEER_LANGUAGES, VOLUNTEER_PROVISIONS, VOLUNTEER_REMOTE, WHEN_FILLED, WHOLE_CITY, WHOLE_CITY_LABEL } from '../shared/enum-labels';
import type { FieldSpec, FormSection, Option } from './form-kit';

const options = (labels: Record<string, string>): Option[] => Object.entries(labels).map(([value, label]) => ({ value, label: label.charAt(0).toUpperCase() + label.slice(1) }));
const districtOptions = Object.entries(DISTRICTS).map(([value, { label }]) => ({ value, label }));

const address = (prefix: string, what: string): FieldSpec[] => [
  { name: `${prefix}.street`, label: `${what}: ulica i numer`, kind: 'text', max: 120 },
  { name: `${prefix}.postalCode`, label: `${what}: kod pocztowy`, kind: 'text', max: 6, hint: 'np. 30-059' },
  { name: `${prefix}.city`, label: `${what}: miejscowość`, kind: 'text', max: 80 },
];

export const EVENT_FORM: readonly FormSection[] = [
  {
    legend: 'Wydarzenie',
    fields: [
      { name: 'title', label: 'Tytuł', kind: 'text', required: true, max: 160 },
      { name: 'description', label: 'Opis', kind: 'textarea', required: true, max: 20_000, rows: 10, hint: 'Co, dla kogo, jak się przygotować. Można używać Markdown: **pogrubienie**, listy z myślnikami, [link](https://…).' },
      { name: 'type', label: 'Rodzaj', kind: 'select', required: true, options: Object.entries(EVENT_TYPES).map(([value, { label }]) => ({ value, label: label.charAt(0).toUpperCase() + label.slice(1) })) },
      { name: 'audience', label: 'Dla kogo', kind: 'select', required: true, options: options(AUDIENCE_LABEL) },
    ],
  },
  {
    // Shown on the event's page and in the lists, and the site's filter of events held in Ukrainian or English.
    legend: 'Język wydarzenia (co najmniej jeden)',
    fields: [
      { name: 'inPolish', label: 'Po polsku', kind: 'checkbox' },
      { name: 'inUkrainian', label: 'Po ukraińsku', kind: 'checkbox' },
      { name: 'inEnglish', label: 'Po angielsku', kind: 'checkbox' },
    ],
  },
  {
    legend: 'Termin (czas krakowski)',
    fields: [
      { name: 'startsAt', label: 'Początek', kind: 'datetime', required: true },
      { name: 'endsAt', label: 'Koniec', kind: 'datetime' },
      { name: 'allDay', label: 'Wydarzenie całodniowe', kind: 'checkbox' },
    ],
  },
  {
    legend: 'Miejsce',
    fields: [
      { name: 'format', label: 'Forma', kind: 'select', required: true, options: options(EVENT_FORMATS) },
      { name: 'venue.name', label: 'Nazwa miejsca', kind: 'text', max: 160, hint: 'Wydarzenia w salach Centrum ustala redakcja – wtedy zostaw miejsce puste i napisz o tym w opisie.' },
      ...address('venue.address', 'Adres miejsca'),
      { name: 'onlineUrl', label: 'Link do spotkania online', kind: 'url', max: 500 },
    ],
  },
  {
    legend: 'Zapisy i koszt',
    fields: [
      { name: 'registrationMode', label: 'Zapisy', kind: 'select', required: true, options: [{ value: 'none', label: 'Bez zapisów' }, { value: 'external', label: 'Zapisy u organizatora (link poniżej)' }] },
      { name: 'registrationUrl', label: 'Link do zapisów', kind: 'url', max: 500 },
      { name: 'isFree', label: 'Udział bezpłatny', kind: 'checkbox' },
      { name: 'price', label: 'Cena (zł)', kind: 'decimal', min: 0 },
      { name: 'priceNote', label: 'Uwagi o cenie', kind: 'text', max: 160 },
      { name: 'eventStatus', label: 'Stan', kind: 'select', required: true, options: [{ value: 'scheduled', label: 'Odbędzie się' }, { value: 'postponed', label: 'Przełożone' }, { value: 'cancelled', label: 'Odwołane' }] },
    ],
  },
  {
    legend: 'Dostępność',
    fields: [
      { name: 'accessibility.stepFreeAccess', label: 'Dostęp bez schodów', kind: 'checkbox' },
      { name: 'accessibility.inductionLoop', label: 'Pętla indukcyjna', kind: 'checkbox' },
      { name: 'accessibility.signLanguageInterpreter', label: 'Tłumacz PJM', kind: 'checkbox' },
      { name: 'accessibility.notes', label: 'Inne informacje o dostępności', kind: 'textarea', max: 1000, rows: 3 },
    ],
  },
];

/** A new proposal starts with what most events have. */
export const EVENT_DEFAULTS = { type: 'meeting', audience: 'everyone', format: 'on_site', registrationMode: 'none', isFree: true, eventStatus: 'scheduled', inPolish: true } as const;

export function offerForm(areas: readonly Option[]): FormSection[] {
  return [
    {
      legend: 'Oferta',
      fields: [
        { name: 'title', label: 'Tytuł', kind: 'text', required: true, max: 160 },
        { name: 'summary', label: 'Zajawka', kind: 'textarea', required: true, max: 300, rows: 3, hint: 'Do 300 znaków; widać ją na tablicy wolontariatu.' },
        { name: 'description', label: 'Opis', kind: 'textarea', required: true, max: 20_000, rows: 10, hint: 'Czym zajmie się wolontariusz. Można używać Markdown.' },
        { name: 'areas', label: 'Obszary', kind: 'checkboxes', options: areas },
      ],
    },
    {
      legend: 'Gdzie i kiedy',
      fields: [
        { name: 'district', label: 'Dzielnica', kind: 'select', options: [{ value: WHOLE_CITY, label: WHOLE_CITY_LABEL }, ...districtOptions] },
        { name: 'remote', label: 'Praca zdalna', kind: 'select', required: true, options: options(VOLUNTEER_REMOTE) },
        ...address('address', 'Adres'),
        { name: 'commitment', label: 'Jak często', kind: 'select', required: true, options: options(VOLUNTEER_COMMITMENTS) },
        { name: 'schedule', label: 'Kiedy', kind: 'textarea', max: 300, rows: 2, hint: 'np. „wtorki 16–19” albo „sobota 14 marca, 9–15”' },
        { name: 'hours', label: 'Liczba godzin', kind: 'integer', min: 1, max: 200 },
        { name: 'hoursPer', label: 'Godzin na', kind: 'select', options: options(HOURS_PER) },
        { name: 'startsOn', label: 'Od dnia', kind: 'date' },
        { name: 'endsOn', label: 'Do dnia', kind: 'date' },
        { name: 'applicationDeadline', label: 'Zgłoszenia do', kind: 'date' },
      ],
    },
    {
      legend: 'Kogo szukacie',
      fields: [
        { name: 'volunteersWanted', label: 'Liczba wolontariuszy', kind: 'integer', required: true, min: 1, max: 500 },
        { name: 'whenFilled', label: 'Gdy zgłosi się komplet', kind: 'select', required: true, options: options(WHEN_FILLED) },
        { name: 'minimumAge', label: 'Minimalny wiek', kind: 'integer', required: true, min: 13, max: 99 },
        ...Object.entries(VOLUNTEER_LANGUAGES).map(([name, label]): FieldSpec => ({ name, label: `Język: ${label}`, kind: 'checkbox' })),
        { name: 'noPolishNeeded', label: 'Znajomość polskiego niepotrzebna', kind: 'checkbox' },
        { name: 'requirements', label: 'Wymagania', kind: 'textarea', max: 2000, rows: 4 },
      ],
    },
    {
      legend: 'Co zapewniacie',
      fields: [
        ...Object.entries(VOLUNTEER_PROVISIONS).map(([name, label]): FieldSpec => ({ name, label: label.charAt(0).toUpperCase() + label.slice(1), kind: 'checkbox' })),
        { name: 'benefits', label: 'Inne korzyści', kind: 'textarea', max: 1000, rows: 3 },
        { name: 'accessibility', label: 'Dostępność', kind: 'textarea', max: 1000, rows: 3 },
      ],
    },
    {
      legend: 'Kontakt (zgłoszenia trafią na ten adres)',
      fields: [
        { name: 'contactName', label: 'Osoba kontaktowa', kind: 'text', max: 120 },
        { name: 'contactEmail', label: 'E-mail do zgłoszeń', kind: 'email', required: true, max: 254 },
        { name: 'contactPhone', label: 'Telefon', kind: 'tel', max: 40 },
      ],
    },
  ];
}

export const OFFER_DEFAULTS = { remote: 'none', commitment: 'regular', volunteersWanted: '1', whenFilled: 'reserve', minimumAge: '18', usesPolish: true } as const;

/** How many social profiles the form offers rows for. */
export const SOCIAL_ROWS = 5;

export function profileForm(areas: readonly Option[]): FormSection[] {
  return [
    {
      legend: 'Opis',
      fields: [
        { name: 'shortDescription', label: 'Krótki opis', kind: 'textarea', max: 300, rows: 3, hint: 'Do 300 znaków; widoczny w katalogu organizacji.' },
        { name: 'description', label: 'Opis', kind: 'textarea', required: true, max: 20_000, rows: 10, hint: 'Można używać Markdown.' },
        { name: 'areas', label: 'Obszary działania', kind: 'checkboxes', options: areas },
        { name: 'district', label: 'Dzielnica Krakowa', kind: 'select', options: districtOptions },
        { name: 'acceptsVolunteers', label: 'Przyjmujemy wolontariuszy', kind: 'checkbox' },
        { name: 'volunteering', label: 'Jak zostać u nas wolontariuszem', kind: 'textarea', max: 5000, rows: 4 },
      ],
    },
    {
      legend: 'Kontakt',
      fields: [
        { name: 'website', label: 'Strona internetowa', kind: 'url', max: 500 },
        { name: 'email', label: 'E-mail', kind: 'email', max: 254, hint: 'Adres kontaktowy na profilu; z niego można też logować się do panelu (po zatwierdzeniu zmiany).' },
        { name: 'phone', label: 'Telefon', kind: 'tel', max: 40 },
        ...address('address', 'Adres'),
      ],
    },
    {
      legend: 'Media społecznościowe',
      fields: Array.from({ length: SOCIAL_ROWS }, (_, index): FieldSpec[] => [
        { name: `socialLinks.${index}.platform`, label: `Profil ${index + 1}: serwis`, kind: 'select', options: Object.entries(SOCIAL_PLATFORMS).map(([value, label]) => ({ value, label })) },
        { name: `socialLinks.${index}.url`, label: `Profil ${index + 1}: adres`, kind: 'url', max: 500 },
      ]).flat(),
    },
  ];
}
