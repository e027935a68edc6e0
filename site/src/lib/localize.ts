import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../../cms/src/languages/locales';
import type { Alternates } from './i18n';
import { CONSENT_FORM_NAMES, CONSENT_FORMS, type ConsentForm } from '../../../cms/src/public-forms/consent-rules';

/**
 * Pure helpers of the translated pages (no Astro imports, so tests run them without a build).
 * A page in Ukrainian or English is the Polish entry with its translation's words over it: dates,
 * places, seats, files and relations are the Polish entry's for every language (the CMS keeps
 * them there, see cms/src/languages/).
 */

/** The words a translation of each collection carries; nothing else of it is read. */
export const TRANSLATED_FIELDS = {
  pages: ['title', 'slug', 'body', 'seo'],
  guides: ['title', 'slug', 'summary', 'body', 'seo'],
  events: ['title', 'slug', 'description', 'priceNote', 'seo'],
  volunteerOffers: ['title', 'slug', 'summary', 'description', 'schedule', 'requirements', 'benefits', 'accessibility', 'seo'],
  categories: ['name', 'slug', 'description'],
  // A room's accessibility facts are the Polish entry's; its note is taken from the translation apart (roomPaths).
  rooms: ['name', 'slug', 'summary', 'description', 'floor', 'equipment', 'howToBook', 'seo'],
  articles: ['title', 'slug', 'excerpt', 'body', 'seo'],
} as const;
export type TranslatedCollection = keyof typeof TRANSLATED_FIELDS;

/** Every page's SEO block, with its share image, is fetched the same way. */
const SEO_POPULATE = { populate: ['shareImage'] };

/**
 * Where the translations are read from: each translated REST collection, the site's collection it
 * translates, and its words (the content config's loader and the benchmark's local copy read the same).
 */
export const TRANSLATION_SOURCES = {
  collections: [
    { collection: 'pages', name: 'pages', fields: ['title', 'body'], populate: { seo: SEO_POPULATE } },
    { collection: 'guides', name: 'guides', fields: ['title', 'summary', 'body'], populate: { seo: SEO_POPULATE } },
    { collection: 'events', name: 'events', fields: ['title', 'description', 'priceNote'], populate: { seo: SEO_POPULATE } },
    { collection: 'volunteer-offers', name: 'volunteerOffers', fields: ['title', 'summary', 'description', 'schedule', 'requirements', 'benefits', 'accessibility'], populate: { seo: SEO_POPULATE } },
    { collection: 'categories', name: 'categories', fields: ['name', 'description'] },
    { collection: 'articles', name: 'articles', fields: ['title', 'excerpt', 'body'], populate: { seo: SEO_POPULATE } },
    { collection: 'rooms', name: 'rooms', fields: ['name', 'summary', 'description', 'floor', 'howToBook'], populate: { equipment: true, accessibility: true, seo: SEO_POPULATE } },
  ],
  single: {
    singular: 'global',
    fields: ['tagline', 'description', 'registrationConsentText', 'roomRequestConsentText', 'volunteerConsentText', 'volunteerInterestConsentText', 'orgJoinConsentText', 'consentTranslatedFrom'],
    populate: { contacts: true, defaultSeo: SEO_POPULATE },
  },
};

/** An entry as a page in `language` shows it; `language` says which language its words are in. */
export type Localized<T> = T & { language: Language };

/** A translated entry and the texts of it that stayed Polish because the translator left them empty. */
export type Overlaid<T> = Localized<T> & { untranslated: readonly string[] };

/**
 * The Polish entry with the translation's words over it. A word the translator left empty keeps
 * the Polish text, named in `untranslated` so a page marks it `lang="pl"` (WCAG 3.1.2); no
 * translation gives the Polish entry.
 */
export function overlay<T extends Record<string, unknown>>(name: TranslatedCollection, polish: T, translation: Record<string, unknown> | undefined, language: Language): Overlaid<T> {
  if (!translation || language === DEFAULT_LANGUAGE) return { ...polish, language: DEFAULT_LANGUAGE, untranslated: [] };
  const words: Record<string, unknown> = {};
  const untranslated: string[] = [];
  // An empty list (equipment nobody translated) keeps the Polish one, as an empty text does.
  const given = (value: unknown) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
  for (const field of TRANSLATED_FIELDS[name]) {
    const value = translation[field];
    if (given(value)) words[field] = value;
    else if (field !== 'seo' && given(polish[field])) untranslated.push(field);
  }
  return { ...polish, ...words, language, untranslated };
}

/**
 * The `lang` attribute of one of an entry's texts on a page in `page`: the entry's language when the
 * whole entry is in another one, Polish when only this text stayed Polish, none when it is in the
 * page's language.
 */
export function textLanguage(entry: { language: Language; untranslated?: readonly string[] }, field: string, page: Language): Language | undefined {
  if (entry.language !== page) return entry.language;
  return entry.untranslated?.includes(field) ? DEFAULT_LANGUAGE : undefined;
}

/**
 * The path of an entry in every language it exists in: Polish always (it is the entry), the
 * others when translated. `pathOf` builds the unprefixed path from a slug; `prefix` adds a language.
 */
export function alternatesOf(polishSlug: string, translatedSlugs: Partial<Record<Language, string>>, pathOf: (slug: string) => string, prefix: (path: string, language: Language) => string): Alternates {
  const alternates: Alternates = { [DEFAULT_LANGUAGE]: pathOf(polishSlug) };
  for (const language of LANGUAGES) {
    const slug = translatedSlugs[language];
    if (language !== DEFAULT_LANGUAGE && slug) alternates[language] = prefix(pathOf(slug), language);
  }
  return alternates;
}

/**
 * A link in a translated text: to the page in the text's language when `localized` (Polish path →
 * that language's path) has it, else to the Polish page marked as Polish. Links elsewhere and to
 * files pass unchanged (undefined).
 */
export function localizeLink(href: string, localized: ReadonlyMap<string, string>, siteUrl: string, language: Language): { href: string; hreflang?: string } | undefined {
  let url: URL;
  try {
    url = new URL(href, `${siteUrl}/`);
  } catch {
    return undefined;
  }
  const site = new URL(siteUrl);
  const internal = href.startsWith('/') ? !href.startsWith('//') : url.host === site.host && /^https?:$/.test(url.protocol);
  // Only pages: an address with a file extension (a PDF, a feed) is the same in every language.
  if (!internal || /\.[a-z0-9]+$/i.test(url.pathname)) return undefined;
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  const target = localized.get(path);
  if (target) return { href: `${target}${url.search}${url.hash}` };
  if (path.split('/')[1] === language) return undefined;
  return { href, hreflang: DEFAULT_LANGUAGE };
}

/**
 * The consent texts a page in `language` shows: a translation's text where it translates the
 * Polish text of now (the CMS records which version it was written for), else the Polish text —
 * a person must agree to the text whose version the form records, never to a stale translation.
 */
export function consentTextsIn(polish: Record<string, unknown>, translation: Record<string, unknown> | undefined, language: Language): { texts: Record<string, string | null>; languages: Record<ConsentForm, Language> } {
  const texts: Record<string, string | null> = {};
  const languages = {} as Record<ConsentForm, Language>;
  const from = translation && typeof translation.consentTranslatedFrom === 'object' && translation.consentTranslatedFrom !== null ? (translation.consentTranslatedFrom as Record<string, unknown>) : {};
  for (const form of CONSENT_FORM_NAMES) {
    const { textField, versionField } = CONSENT_FORMS[form];
    const translated = translation?.[textField];
    const fresh = language !== DEFAULT_LANGUAGE && typeof translated === 'string' && translated.trim() !== '' && from[form] === polish[versionField];
    texts[textField] = fresh ? translated : typeof polish[textField] === 'string' ? (polish[textField] as string) : null;
    languages[form] = fresh ? language : DEFAULT_LANGUAGE;
  }
  return { texts, languages };
}
