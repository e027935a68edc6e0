import type { CollectionEntry } from 'astro:content';
import { collection, globalSettings } from './collections';
import { DEFAULT_LANGUAGE, LANGUAGES, localizedPath, type Alternates, type Language } from './i18n';
import { alternatesOf, consentTextsIn, overlay, type Localized, type Overlaid, type TranslatedCollection } from './localize';
import type { ConsentForm } from '../../../cms/src/public-forms/consent-rules';
import { paths as sitePaths } from './urls';

export type Translation = CollectionEntry<'translations'>['data'];

let index: Promise<Map<string, Translation>> | undefined;

/** Every translation by "<collection>:<language>:<documentId>", read once per build. */
function translationIndex(): Promise<Map<string, Translation>> {
  const read = async () => new Map((await collection('translations')).map((entry) => [entry.id, entry.data]));
  if (import.meta.env.DEV) return read();
  index ??= read();
  return index;
}

export async function translationOf(name: TranslatedCollection | 'global', language: Language, documentId: string): Promise<Translation | undefined> {
  if (language === DEFAULT_LANGUAGE) return undefined;
  return (await translationIndex()).get(`${name}:${language}:${documentId}`);
}

/** The entry's slug in each language it is translated into (Polish included). */
export async function slugsOf(name: TranslatedCollection, polish: { documentId: string; slug: string }): Promise<Partial<Record<Language, string>>> {
  const slugs: Partial<Record<Language, string>> = { [DEFAULT_LANGUAGE]: polish.slug };
  for (const language of LANGUAGES) {
    const translation = await translationOf(name, language, polish.documentId);
    if (translation) slugs[language] = translation.slug;
  }
  return slugs;
}

/** An entry in `language`: translated when it can be, else the Polish entry (its `language` says which). */
export async function localize<T extends { documentId: string }>(name: TranslatedCollection, polish: T, language: Language): Promise<Overlaid<T>> {
  return overlay(name, polish as T & Record<string, unknown>, await translationOf(name, language, polish.documentId), language);
}

/**
 * An entry's page in each language it exists in, by the unprefixed path builder of its type:
 * what the language switcher and the hreflang links of its pages offer.
 */
export async function alternatesFor(name: TranslatedCollection, polish: { documentId: string; slug: string }, pathOf: (slug: string) => string): Promise<Alternates> {
  return alternatesOf(polish.slug, await slugsOf(name, polish), pathOf, localizedPath);
}

/** The translated entries of a collection in `language`, each with its translation's words: the pages a language builds. */
export async function translatedEntries<C extends TranslatedCollection>(name: C, language: Language): Promise<{ polish: CollectionEntry<C>['data']; entry: Overlaid<CollectionEntry<C>['data']> }[]> {
  const entries = (await collection(name)) as readonly CollectionEntry<C>[];
  const result: { polish: CollectionEntry<C>['data']; entry: Overlaid<CollectionEntry<C>['data']> }[] = [];
  for (const { data } of entries) {
    const polish = data as CollectionEntry<C>['data'] & { documentId: string };
    if (language !== DEFAULT_LANGUAGE && !(await translationOf(name, language, polish.documentId))) continue;
    result.push({ polish, entry: (await localize(name, polish, language)) as Overlaid<CollectionEntry<C>['data']> });
  }
  return result;
}

/** The site settings as a page in one language shows them; `consentLanguages` says which language each form's consent text is in. */
export type SettingsIn = CollectionEntry<'global'>['data'] & { consentLanguages: Record<ConsentForm, Language> };

/**
 * The site settings in `language`: the translation's words over the Polish settings (contacts by
 * position); a consent text only where its translation is of the Polish text of now (consentTextsIn).
 */
export async function settingsIn(language: Language): Promise<SettingsIn> {
  const global = await globalSettings();
  if (!global) throw new Error('Global settings are missing in the CMS (Ustawienia serwisu).');
  const polish = global.data;
  const translation = await translationOf('global', language, 'global').then(async (found) => found ?? (await translationByLanguage(language)));
  if (!translation) return { ...polish, consentLanguages: consentTextsIn(polish, undefined, DEFAULT_LANGUAGE).languages };
  const text = (value: string | null | undefined, fallback: string | null | undefined) => (value ? value : fallback);
  const consents = consentTextsIn(polish, translation, language);
  return {
    ...polish,
    tagline: text(translation.tagline, polish.tagline),
    description: text(translation.description, polish.description),
    ...consents.texts,
    consentLanguages: consents.languages,
    contacts: polish.contacts.map((contact, i) => ({ ...contact, label: translation.contacts?.[i]?.label || contact.label })),
    defaultSeo: { ...polish.defaultSeo, metaTitle: translation.defaultSeo?.metaTitle || polish.defaultSeo?.metaTitle, metaDescription: translation.defaultSeo?.metaDescription || polish.defaultSeo?.metaDescription },
  };
}

/** The settings' translation is keyed by the single type's documentId, which the site does not know beforehand. */
async function translationByLanguage(language: Language): Promise<Translation | undefined> {
  if (language === DEFAULT_LANGUAGE) return undefined;
  for (const translation of (await translationIndex()).values()) if (translation.type === 'global' && translation.language === language) return translation;
  return undefined;
}

/** The CMS pages shown in `language` (menu, footer): slug in Polish → that language's title and path. */
export async function pagesIn(language: Language): Promise<Map<string, { title: string; path: string; language: Language }>> {
  const pages = new Map<string, { title: string; path: string; language: Language }>();
  for (const { data } of await collection('pages')) {
    const page = await localize('pages', data, language);
    pages.set(data.slug, { title: page.title, path: localizedPath(`/${page.slug}/`, page.language), language: page.language });
  }
  return pages;
}

const pathsCache = new Map<Language, Promise<Map<string, string>>>();

/**
 * Polish path → path in `language`, for every page that exists in it: the translated entries and
 * the sections built in every language. What a translated text's links are rewritten with.
 */
export function localizedPaths(language: Language): Promise<Map<string, string>> {
  const read = async () => {
    const map = new Map<string, string>();
    for (const section of ['/', sitePaths.news(), sitePaths.events, sitePaths.knowledgeBase, sitePaths.volunteering, sitePaths.volunteerInterest, sitePaths.archive, sitePaths.rooms, sitePaths.search, sitePaths.organizations]) map.set(section, localizedPath(section, language));
    for (const { data } of await collection('categories')) map.set(sitePaths.topic(data.slug), localizedPath(sitePaths.topic(data.slug), language));
    const add = async (name: 'pages' | 'guides' | 'events' | 'volunteerOffers' | 'rooms' | 'articles', polish: { documentId: string; slug: string }, pathOf: (slug: string) => string) => {
      const translation = await translationOf(name, language, polish.documentId);
      if (translation) map.set(pathOf(polish.slug), localizedPath(pathOf(translation.slug), language));
    };
    for (const { data } of await collection('pages')) await add('pages', data, sitePaths.page);
    for (const { data } of await collection('guides')) await add('guides', data, (slug) => sitePaths.guide(data.category?.slug, slug));
    for (const { data } of await collection('events')) await add('events', data, sitePaths.event);
    for (const { data } of await collection('volunteerOffers')) await add('volunteerOffers', data, sitePaths.volunteerOffer);
    for (const { data } of await collection('rooms')) await add('rooms', data, sitePaths.room);
    for (const { data } of await collection('articles')) await add('articles', data, sitePaths.article);
    return map;
  };
  if (import.meta.env.DEV) return read();
  let found = pathsCache.get(language);
  if (!found) {
    found = read();
    pathsCache.set(language, found);
  }
  return found;
}
