import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from '../../../cms/src/languages/locales';
import { LABELS_PL, type EnumLabels } from './labels';
import { LABELS_EN } from './labels-en';
import { LABELS_UK } from './labels-uk';
import { UI, type UiText } from './ui';
import { UI_EN } from './ui-en';
import { UI_UK } from './ui-uk';

export { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language };

/** The languages with a prefix: Polish pages keep the addresses they always had. */
export const PREFIXED_LANGUAGES = LANGUAGES.filter((language) => language !== DEFAULT_LANGUAGE) as Exclude<Language, 'pl'>[];

/** For <html lang>, hreflang and Intl: BCP 47 tags. */
export const LANGUAGE_TAGS: Record<Language, string> = { pl: 'pl', uk: 'uk', en: 'en' };
export const INTL_LOCALES: Record<Language, string> = { pl: 'pl-PL', uk: 'uk-UA', en: 'en-GB' };
export const OG_LOCALES: Record<Language, string> = { pl: 'pl_PL', uk: 'uk_UA', en: 'en_GB' };

/** Each language's name in itself: what the switcher shows, so a reader finds their own. */
export const LANGUAGE_NAMES: Record<Language, string> = { pl: 'Polski', uk: 'Українська', en: 'English' };

const TEXTS: Record<Language, UiText> = { pl: UI, uk: UI_UK, en: UI_EN };
const LABELS: Record<Language, EnumLabels> = { pl: LABELS_PL, uk: LABELS_UK, en: LABELS_EN };

export const uiFor = (language: Language): UiText => TEXTS[language];
export const labelsFor = (language: Language): EnumLabels => LABELS[language];

/** "/wydarzenia/x/" in a language: "/uk/wydarzenia/x/". Absolute URLs and anchors pass unchanged. */
export function localizedPath(path: string, language: Language): string {
  if (language === DEFAULT_LANGUAGE || !path.startsWith('/') || path.startsWith('//')) return path;
  if (languageOfPath(path) !== DEFAULT_LANGUAGE) throw new Error(`localizedPath: "${path}" already has a language prefix.`);
  return `/${language}${path}`;
}

/** The language a site path is in, by its prefix. */
export function languageOfPath(pathname: string): Language {
  const first = pathname.split('/')[1] ?? '';
  return isLanguage(first) && first !== DEFAULT_LANGUAGE ? first : DEFAULT_LANGUAGE;
}

/** A path without its language prefix: "/uk/kontakty/" → "/kontakty/". */
export function unprefixedPath(pathname: string): string {
  const language = languageOfPath(pathname);
  return language === DEFAULT_LANGUAGE ? pathname : pathname.slice(language.length + 1) || '/';
}

/** getStaticPaths' `lang` param: undefined (no prefix) for Polish. */
export const langParam = (language: Language): string | undefined => (language === DEFAULT_LANGUAGE ? undefined : language);

/** The language a page's `lang` param names; an unknown one fails the build rather than build a page in the wrong language. */
export function languageOfParam(param: string | undefined): Language {
  if (param === undefined || param === '') return DEFAULT_LANGUAGE;
  if (!isLanguage(param) || param === DEFAULT_LANGUAGE) throw new Error(`Unknown language prefix "${param}" (expected one of ${PREFIXED_LANGUAGES.join(', ')}).`);
  return param;
}

/** One page's versions: the path of the page in each language it exists in. */
export type Alternates = Partial<Record<Language, string>>;

/**
 * hreflang links of a page (Google's rules: every version lists itself and every other, with
 * absolute URLs, and the Polish one doubles as x-default). None for a page in one language only.
 */
export function hreflangLinks(alternates: Alternates, site: string): { hreflang: string; href: string }[] {
  const present = LANGUAGES.filter((language) => alternates[language] !== undefined);
  if (present.length < 2) return [];
  const absolute = (path: string) => new URL(path, site).href;
  const links = present.map((language) => ({ hreflang: LANGUAGE_TAGS[language], href: absolute(alternates[language]!) }));
  const fallback = alternates[DEFAULT_LANGUAGE];
  return fallback === undefined ? links : [...links, { hreflang: 'x-default', href: absolute(fallback) }];
}

/**
 * Where the language switcher leads from a page: the same page in the other language when it
 * exists, else that language's home page.
 */
export function switcherTargets(alternates: Alternates): { language: Language; href: string; samePage: boolean }[] {
  return LANGUAGES.map((language) => {
    const path = alternates[language];
    return { language, href: path ?? localizedPath('/', language), samePage: path !== undefined };
  });
}
