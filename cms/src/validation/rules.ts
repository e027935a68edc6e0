/**
 * Editorial rules that Strapi's schema cannot express. Pure functions over the state an entry
 * will have after a write, so they are testable without Strapi; `document-middleware.ts` applies
 * them to every create and update, whether it comes from the admin, the REST API or a script.
 */
import { DateTime } from 'luxon';
import { fieldName } from '../content/labels';
import { isValidKrs, isValidNip, isValidRegon, normalizeRegisterNumber } from './polish-registers';
import { isRecord, type Entry } from './write-shapes';
import { TIME_ZONE } from '../shared/recurrence';

const EVENT = 'api::event.event';
const ORGANIZATION = 'api::organization.organization';
const GLOBAL = 'api::global.global';
const RECURRENCE = 'event.recurrence';
const STATEMENT = 'global.accessibility-statement';

export interface FieldError {
  path: string[];
  message: string;
}

export type { Entry } from './write-shapes';

export { TIME_ZONE };
export const MAX_RECURRENCE_YEARS = 2;

export const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const asRecord = (value: unknown): Entry | null => (isRecord(value) ? value : null);

export function toDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string' && value.trim()) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/** Only absolute http(s) links: no javascript:, data:, mailto: or relative paths in link fields. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') && !/\s/.test(value.trim());
  } catch {
    return false;
  }
}

// Deliberately simple: one @, no spaces, a dot in the domain. Typos like "jan@gmail" are caught.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
export const isEmail = (value: string): boolean => EMAIL_PATTERN.test(value.trim());

const PHONE_PATTERN = /^\+?[\d\s()-]{7,20}$/;
const POSTAL_CODE_PATTERN = /^\d{2}-\d{3}$/;

export function checkUrl(value: unknown, path: string[], label: string): FieldError[] {
  if (isBlank(value)) return [];
  if (typeof value === 'string' && isHttpUrl(value)) return [];
  return [{ path, message: `${label}: podaj pełny adres zaczynający się od https:// lub http:// (np. https://example.org).` }];
}

export function checkEmail(value: unknown, path: string[], label: string): FieldError[] {
  if (isBlank(value) || (typeof value === 'string' && isEmail(value))) return [];
  return [{ path, message: `${label}: to nie jest poprawny adres e-mail (np. biuro@example.org).` }];
}

export function checkPhone(value: unknown, path: string[], label: string): FieldError[] {
  if (isBlank(value) || (typeof value === 'string' && PHONE_PATTERN.test(value.trim()))) return [];
  return [{ path, message: `${label}: numer telefonu może zawierać cyfry, spacje, myślniki, nawiasy i + na początku (np. +48 12 345 67 89).` }];
}

export function checkAddress(value: unknown, path: string[]): FieldError[] {
  const address = asRecord(value);
  if (!address || isBlank(address.postalCode)) return [];
  const postalPath = [...path, 'postalCode'];
  return POSTAL_CODE_PATTERN.test(String(address.postalCode).trim())
    ? []
    : [{ path: postalPath, message: `${fieldName('shared.address', postalPath)}: wpisz w formacie 00-000 (np. 30-059).` }];
}

export function checkSocialLinks(value: unknown, path: string[]): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((link, i) => {
    const urlPath = [...path, String(i), 'url'];
    return checkUrl(asRecord(link)?.url, urlPath, fieldName('shared.social-link', urlPath));
  });
}

/** Facts an event rule needs that come from relations, resolved by the caller. */
export interface EventContext {
  /** Whether the event will be linked to a room after this write. */
  hasRoom: boolean;
}

export function validateEvent(event: Entry, { hasRoom }: EventContext): FieldError[] {
  const errors: FieldError[] = [];
  const startsAt = toDate(event.startsAt);
  const endsAt = toDate(event.endsAt);
  const deadline = toDate(event.registrationDeadline);

  if (startsAt && endsAt && endsAt < startsAt) {
    errors.push({ path: ['endsAt'], message: `${fieldName(EVENT, ['endsAt'])}: wydarzenie nie może kończyć się przed swoim początkiem (startsAt).` });
  }
  if (startsAt && deadline && deadline > startsAt) {
    errors.push({ path: ['registrationDeadline'], message: `${fieldName(EVENT, ['registrationDeadline'])}: termin zapisów nie może mijać po rozpoczęciu wydarzenia (startsAt).` });
  }

  errors.push(...checkUrl(event.onlineUrl, ['onlineUrl'], fieldName(EVENT, ['onlineUrl'])));
  errors.push(...checkUrl(event.registrationUrl, ['registrationUrl'], fieldName(EVENT, ['registrationUrl'])));

  const venue = asRecord(event.venue);
  const hasVenue = Boolean(venue && !isBlank(venue.name));
  const format = typeof event.format === 'string' ? event.format : 'on_site';
  if (hasRoom && hasVenue) {
    errors.push({ path: ['venue'], message: `${fieldName(EVENT, ['venue'])}: wybrano już salę Centrum – podaj salę albo inne miejsce, nie oba naraz.` });
  }
  if (format !== 'online' && !hasRoom && !hasVenue) {
    errors.push({ path: ['room'], message: `${fieldName(EVENT, ['room'])}: wydarzenie stacjonarne lub hybrydowe musi mieć salę Centrum albo inne miejsce (venue).` });
  }
  if (format !== 'on_site' && isBlank(event.onlineUrl) && isBlank(event.registrationUrl)) {
    errors.push({ path: ['onlineUrl'], message: `${fieldName(EVENT, ['onlineUrl'])}: wydarzenie online lub hybrydowe potrzebuje linku do spotkania albo linku do zapisów, po których uczestnicy go dostaną.` });
  }
  if (venue) errors.push(...checkAddress(venue.address, ['venue', 'address']));

  const price = event.price === null || event.price === undefined || event.price === '' ? null : Number(event.price);
  if (event.isFree === false && (price === null || !(price > 0))) {
    errors.push({ path: ['price'], message: `${fieldName(EVENT, ['price'])}: wydarzenie płatne musi mieć cenę większą od zera.` });
  }
  if (event.isFree !== false && price !== null && price > 0) {
    errors.push({ path: ['price'], message: `${fieldName(EVENT, ['price'])}: wydarzenie oznaczone jako bezpłatne nie może mieć ceny – usuń cenę albo odznacz „Bezpłatne”.` });
  }

  // An event from before the field (null) is held in Polish.
  if (event.inPolish === false && event.inUkrainian !== true && event.inEnglish !== true) {
    errors.push({ path: ['inPolish'], message: `${fieldName(EVENT, ['inPolish'])}: zaznacz przynajmniej jeden język, w którym prowadzone jest wydarzenie.` });
  }

  errors.push(...validateRegistration(event, startsAt, endsAt));
  errors.push(...validateRecurrence(event.recurrence, startsAt));
  return errors;
}

/** How people sign up: each mode needs its own fields, and sign-ups on the site need seats. */
export function validateRegistration(event: Entry, startsAt: Date | null, endsAt: Date | null): FieldError[] {
  const errors: FieldError[] = [];
  const mode = typeof event.registrationMode === 'string' ? event.registrationMode : 'none';
  const opensAt = toDate(event.registrationOpensAt);
  const deadline = toDate(event.registrationDeadline);
  const label = (field: string) => fieldName(EVENT, [field]);
  if (mode === 'external' && isBlank(event.registrationUrl)) {
    errors.push({ path: ['registrationUrl'], message: `${label('registrationUrl')}: zapisy przez zewnętrzny formularz (external) potrzebują linku do niego.` });
  }
  if (mode !== 'external' && !isBlank(event.registrationUrl)) {
    errors.push({ path: ['registrationMode'], message: `${label('registrationMode')}: podano link do zapisów – wybierz „external”, aby go pokazać, albo usuń link.` });
  }
  if (opensAt && deadline && opensAt >= deadline) {
    errors.push({ path: ['registrationOpensAt'], message: `${label('registrationOpensAt')}: zapisy muszą się otwierać przed ich zamknięciem (registrationDeadline).` });
  }
  if (mode !== 'site') return errors;
  const slotMinutes = typeof event.slotMinutes === 'number' ? event.slotMinutes : null;
  if (slotMinutes === null && (typeof event.capacity !== 'number' || event.capacity < 1)) {
    errors.push({ path: ['capacity'], message: `${label('capacity')}: zapisy na stronie potrzebują liczby miejsc (albo okienek – slotMinutes).` });
  }
  if (slotMinutes !== null) {
    const minutes = startsAt && endsAt ? (endsAt.getTime() - startsAt.getTime()) / 60_000 : null;
    if (minutes === null) {
      errors.push({ path: ['slotMinutes'], message: `${label('slotMinutes')}: okienka dzielą czas od początku do końca, więc wydarzenie musi mieć koniec (endsAt).` });
    } else if (minutes < slotMinutes) {
      errors.push({ path: ['slotMinutes'], message: `${label('slotMinutes')}: okienko (${slotMinutes} min) jest dłuższe niż cały termin (${Math.round(minutes)} min).` });
    } else if (minutes / slotMinutes > 48) {
      errors.push({ path: ['slotMinutes'], message: `${label('slotMinutes')}: wychodzi ${Math.floor(minutes / slotMinutes)} okienek na termin; najwyżej 48 – wydłuż okienka.` });
    }
  }
  if (event.allDay === true) {
    errors.push({ path: ['registrationMode'], message: `${label('registrationMode')}: zapisy na stronie dotyczą wydarzeń o podanej godzinie, nie całodniowych.` });
  }
  return errors;
}

export function validateRecurrence(value: unknown, startsAt: Date | null): FieldError[] {
  const recurrence = asRecord(value);
  if (!recurrence) return [];
  const errors: FieldError[] = [];
  const until = typeof recurrence.until === 'string' ? DateTime.fromISO(recurrence.until, { zone: TIME_ZONE }) : null;
  if (!until || !until.isValid) {
    errors.push({ path: ['recurrence', 'until'], message: `${fieldName(RECURRENCE, ['recurrence', 'until'])}: podaj datę ostatniego powtórzenia.` });
  } else if (startsAt) {
    const start = DateTime.fromJSDate(startsAt, { zone: TIME_ZONE }).startOf('day');
    if (until < start) {
      errors.push({ path: ['recurrence', 'until'], message: `${fieldName(RECURRENCE, ['recurrence', 'until'])}: data końca powtarzania nie może być wcześniejsza niż początek wydarzenia.` });
    } else if (until > start.plus({ years: MAX_RECURRENCE_YEARS })) {
      errors.push({ path: ['recurrence', 'until'], message: `${fieldName(RECURRENCE, ['recurrence', 'until'])}: powtarzanie może trwać najwyżej ${MAX_RECURRENCE_YEARS} lata od początku wydarzenia.` });
    }
  }
  const interval = Number(recurrence.interval ?? 1);
  if (!Number.isInteger(interval) || interval < 1 || interval > 12) {
    errors.push({ path: ['recurrence', 'interval'], message: `${fieldName(RECURRENCE, ['recurrence', 'interval'])}: podaj liczbę całkowitą od 1 do 12.` });
  }
  if (recurrence.frequency !== 'weekly' && recurrence.frequency !== 'monthly') {
    errors.push({ path: ['recurrence', 'frequency'], message: `${fieldName(RECURRENCE, ['recurrence', 'frequency'])}: wybierz weekly (co tydzień) albo monthly (co miesiąc).` });
  }
  return errors;
}

/** Registry numbers are stored as bare digits whatever the editor pasted ("PL 123-456-32-18"). */
export function normalizeOrganization(data: Entry): void {
  for (const field of ['nip', 'regon', 'krs'] as const) {
    const value = data[field];
    if (typeof value === 'string') {
      const digits = normalizeRegisterNumber(value);
      data[field] = value.trim() === '' ? null : (digits ?? value.trim());
    }
  }
}

// Legal forms that exist only once entered in the National Court Register.
const KRS_REGISTERED_FORMS = new Set(['foundation', 'association', 'social_cooperative']);

export function validateOrganization(org: Entry): FieldError[] {
  const errors: FieldError[] = [];
  const text = (value: unknown): string | null => (isBlank(value) ? null : String(value));
  const krs = text(org.krs);
  const nip = text(org.nip);
  const regon = text(org.regon);
  if (krs && !isValidKrs(krs)) {
    errors.push({ path: ['krs'], message: `${fieldName(ORGANIZATION, ['krs'])}: numer KRS ma dokładnie 10 cyfr (np. 0000123456).` });
  }
  if (nip && !isValidNip(nip)) {
    errors.push({ path: ['nip'], message: `${fieldName(ORGANIZATION, ['nip'])}: to nie jest poprawny NIP – sprawdź, czy ma 10 cyfr i nie ma literówki (nie zgadza się suma kontrolna).` });
  }
  if (regon && !isValidRegon(regon)) {
    errors.push({ path: ['regon'], message: `${fieldName(ORGANIZATION, ['regon'])}: to nie jest poprawny REGON – ma 9 lub 14 cyfr i musi zgadzać się suma kontrolna.` });
  }
  if (!krs && KRS_REGISTERED_FORMS.has(String(org.legalForm))) {
    errors.push({ path: ['krs'], message: `${fieldName(ORGANIZATION, ['krs'])}: fundacje, stowarzyszenia i spółdzielnie socjalne są wpisane do KRS – podaj numer.` });
  }
  errors.push(...checkUrl(org.website, ['website'], fieldName(ORGANIZATION, ['website'])));
  errors.push(...checkEmail(org.email, ['email'], fieldName(ORGANIZATION, ['email'])));
  errors.push(...checkPhone(org.phone, ['phone'], fieldName(ORGANIZATION, ['phone'])));
  errors.push(...checkAddress(org.address, ['address']));
  errors.push(...checkSocialLinks(org.socialLinks, ['socialLinks']));
  return errors;
}

const toMinutes = (time: unknown): number | null => {
  const match = typeof time === 'string' ? /^(\d{1,2}):(\d{2})/.exec(time) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
};

export function validateGlobal(global: Entry): FieldError[] {
  const errors: FieldError[] = [];
  errors.push(...checkEmail(global.email, ['email'], fieldName(GLOBAL, ['email'])));
  errors.push(...checkPhone(global.phone, ['phone'], fieldName(GLOBAL, ['phone'])));
  errors.push(...checkAddress(global.address, ['address']));
  errors.push(...checkSocialLinks(global.socialLinks, ['socialLinks']));
  if (Array.isArray(global.contacts)) {
    global.contacts.forEach((contact, i) => {
      const at = (field: string) => ['contacts', String(i), field];
      errors.push(...checkEmail(asRecord(contact)?.email, at('email'), fieldName('shared.contact', at('email'))));
      errors.push(...checkPhone(asRecord(contact)?.phone, at('phone'), fieldName('shared.contact', at('phone'))));
    });
  }
  if (Array.isArray(global.openingHours)) {
    global.openingHours.forEach((hours, i) => {
      const opens = toMinutes(asRecord(hours)?.opens);
      const closes = toMinutes(asRecord(hours)?.closes);
      if (opens !== null && closes !== null && closes <= opens) {
        const path = ['openingHours', String(i), 'closes'];
        errors.push({ path, message: `${fieldName('shared.opening-hours', path)}: godzina zamknięcia musi być późniejsza niż otwarcia.` });
      }
    });
  }
  const statement = asRecord(global.accessibilityStatement);
  if (statement) {
    errors.push(...checkEmail(statement.contactEmail, ['accessibilityStatement', 'contactEmail'], fieldName(STATEMENT, ['accessibilityStatement', 'contactEmail'])));
    const published = toDate(statement.publishedOn);
    const updated = toDate(statement.updatedOn);
    if (published && updated && updated < published) {
      errors.push({ path: ['accessibilityStatement', 'updatedOn'], message: `${fieldName(STATEMENT, ['accessibilityStatement', 'updatedOn'])}: nie może być wcześniejsza niż data publikacji.` });
    }
  }
  return errors;
}

/** Article and guide dates shown to readers must be real dates, not typos years away. */
export function validateArticle(article: Entry): FieldError[] {
  return checkNotFarFuture(article.publicationDate, ['publicationDate'], fieldName('api::article.article', ['publicationDate']));
}

export function validateGuide(guide: Entry): FieldError[] {
  return checkNotFarFuture(guide.reviewedAt, ['reviewedAt'], fieldName('api::guide.guide', ['reviewedAt']));
}

function checkNotFarFuture(value: unknown, path: string[], label: string): FieldError[] {
  const date = toDate(value);
  if (!date) return [];
  return date.getTime() > Date.now() + 366 * 24 * 3600 * 1000
    ? [{ path, message: `${label}: data jest ponad rok w przyszłości – sprawdź rok.` }]
    : [];
}

/** Today's date in Warsaw as YYYY-MM-DD, the default "published on" for a new article. */
export const todayInWarsaw = (now = new Date()): string => DateTime.fromJSDate(now, { zone: TIME_ZONE }).toISODate() ?? '';

export const ATTACHMENT_EXTENSIONS = ['.pdf', '.doc', '.docx', '.odt', '.rtf', '.txt', '.xls', '.xlsx', '.ods', '.csv', '.ppt', '.pptx', '.odp', '.zip'] as const;

// Link targets that run code or smuggle documents; the site sanitizes Markdown too, but an
// editor should learn about such a link when saving, not find it silently removed.
const DANGEROUS_LINK = /(?:\]\(\s*<?|\b(?:href|src)\s*=\s*["']?\s*)(?:javascript|vbscript|data)\s*:/i;

/** Markdown fields may link anywhere over http(s), mailto: or tel:, but not to script URLs. */
export function checkMarkdownLinks(value: unknown, path: string[], label: string): FieldError[] {
  if (typeof value !== 'string' || !DANGEROUS_LINK.test(value)) return [];
  return [{ path, message: `${label}: treść zawiera link javascript:, vbscript: lub data: – takie linki są niedozwolone; użyj adresu https://.` }];
}
