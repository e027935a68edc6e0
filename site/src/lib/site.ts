import { localizedPath, type Language } from './i18n';
import { paths } from './urls';

/** Site-wide constants: the main navigation and the footer's links to CMS pages. */

export const NAVIGATION = [
  { key: 'news', href: paths.news() },
  { key: 'events', href: paths.events },
  { key: 'knowledgeBase', href: paths.knowledgeBase },
  { key: 'organizations', href: paths.organizations },
  { key: 'volunteering', href: paths.volunteering },
  { key: 'rooms', href: paths.rooms },
  // CMS pages: shown only while the page is published, so the menu never links to a 404.
  { key: 'about', href: paths.page('o-centrum'), page: 'o-centrum' },
  { key: 'contact', href: paths.page('kontakt'), page: 'kontakt' },
] as const satisfies readonly { key: string; href: string; page?: string }[];

type NavKey = (typeof NAVIGATION)[number]['key'];

const NAV_LABELS: Record<Language, Record<NavKey, string>> = {
  pl: { news: 'Aktualności', events: 'Wydarzenia', knowledgeBase: 'Baza wiedzy', organizations: 'Organizacje', volunteering: 'Wolontariat', rooms: 'Sale', about: 'O Centrum', contact: 'Kontakt' },
  uk: { news: 'Новини', events: 'Події', knowledgeBase: 'База знань', organizations: 'Організації', volunteering: 'Волонтерство', rooms: 'Зали', about: 'Про Центр', contact: 'Контакти' },
  en: { news: 'News', events: 'Events', knowledgeBase: 'Knowledge base', organizations: 'Organisations', volunteering: 'Volunteering', rooms: 'Rooms', about: 'About the Centre', contact: 'Contact' },
};

/**
 * Sections built in Ukrainian and English too (the rest are Polish only for now: the menu of a
 * translated page links to them marked as Polish). CMS pages count when translated.
 */
export const TRANSLATED_SECTIONS: ReadonlySet<NavKey> = new Set(['news', 'events', 'knowledgeBase', 'organizations', 'volunteering', 'rooms']);

export interface NavItem {
  label: string;
  href: string;
  /** The language of the page it leads to (Polish when the section has no version in the menu's language). */
  language: Language;
}

/** The menu in `language`, given the CMS pages published (Polish slug → that page in the language). */
export function navigationFor(pages: ReadonlyMap<string, { title: string; path: string; language: Language }>, language: Language = 'pl'): NavItem[] {
  return NAVIGATION.flatMap((item): NavItem[] => {
    const label = NAV_LABELS[language][item.key];
    if ('page' in item) {
      const page = pages.get(item.page);
      return page ? [{ label: page.language === language ? page.title : label, href: page.path, language: page.language }] : [];
    }
    const translated = language === 'pl' || TRANSLATED_SECTIONS.has(item.key);
    return [{ label, href: translated ? localizedPath(item.href, language) : item.href, language: translated ? language : 'pl' }];
  });
}

/** CMS pages linked from every footer (shown only when published). */
export const FOOTER_PAGES = ['deklaracja-dostepnosci', 'polityka-prywatnosci'] as const;

/** The description used when neither the entry nor the global settings have one. */
export const DEFAULT_DESCRIPTION = 'Bezpłatne wsparcie dla organizacji pozarządowych, grup nieformalnych i aktywnych mieszkańców Krakowa.';
