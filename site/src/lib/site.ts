import { paths } from './urls';

/** Site-wide constants: the main navigation and the footer's links to CMS pages. */

export const NAVIGATION = [
  { label: 'Aktualności', href: paths.news() },
  { label: 'Wydarzenia', href: paths.events },
  { label: 'Baza wiedzy', href: paths.knowledgeBase },
  { label: 'Organizacje', href: paths.organizations },
  { label: 'Wolontariat', href: paths.volunteering },
  { label: 'Sale', href: paths.rooms },
  // CMS pages: shown only while the page is published, so the menu never links to a 404.
  { label: 'O Centrum', href: paths.page('o-centrum'), page: 'o-centrum' },
  { label: 'Kontakt', href: paths.page('kontakt'), page: 'kontakt' },
] as const satisfies readonly { label: string; href: string; page?: string }[];

/** The menu items to show, given the slugs of the published CMS pages. */
export const navigationFor = (published: { has(slug: string): boolean }) =>
  NAVIGATION.filter((item) => !('page' in item) || published.has(item.page));

/** CMS pages linked from every footer (shown only when published). */
export const FOOTER_PAGES = ['deklaracja-dostepnosci', 'polityka-prywatnosci'] as const;

/** The description used when neither the entry nor the global settings have one. */
export const DEFAULT_DESCRIPTION = 'Bezpłatne wsparcie dla organizacji pozarządowych, grup nieformalnych i aktywnych mieszkańców Krakowa.';
