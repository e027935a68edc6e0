/**
 * The site's languages. Polish is the CMS's default locale: every entry exists in it, its URLs
 * carry no prefix, and it holds what the languages share (dates, seats, capacities, relations, files).
 * A translation adds only the words; see README "Tłumaczenia".
 */
export const LANGUAGES = ['pl', 'uk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'pl';

/** As the admin's language switch shows them. */
export const LANGUAGE_NAMES: Record<Language, string> = { pl: 'polski (pl)', uk: 'ukraiński (uk)', en: 'angielski (en)' };

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** Types editors translate; their schemas mark each field localized or shared (a test checks every component is localized, strapi/strapi#25802). */
export const LOCALIZED_TYPES = [
  'api::page.page',
  'api::guide.guide',
  'api::event.event',
  'api::volunteer-offer.volunteer-offer',
  'api::category.category',
  'api::room.room',
  'api::article.article',
  'api::global.global',
] as const;

export const isLocalizedType = (uid: string): boolean => (LOCALIZED_TYPES as readonly string[]).includes(uid);

/**
 * The language a document-service call writes. Strapi falls back to the default locale when a
 * call names none, and so does this.
 */
export const writtenLanguage = (locale: unknown): string => (typeof locale === 'string' && locale !== '' ? locale : DEFAULT_LANGUAGE);

/** Whether a write to `uid` in `locale` is a translation (not the Polish entry every language builds on). */
export const isTranslation = (uid: string, locale: unknown): boolean => isLocalizedType(uid) && writtenLanguage(locale) !== DEFAULT_LANGUAGE;
