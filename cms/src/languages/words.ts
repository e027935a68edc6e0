/**
 * The words the CMS writes to visitors in their language (mails, the pages a mailed link opens,
 * the forms' answers), beside the Polish ones each feature keeps. A submission stores the
 * language of the form it came from, and everything sent about it afterwards uses that.
 */
import type { Language } from './locales';

/** What every letter and link page says around its content (mail/letter.ts). */
export interface LetterWords {
  greeting: (name: string) => string;
  /** The link page's default button. */
  confirm: string;
  /** The link page's way back to the site. */
  homeLink: string;
  /** After a page's title: "Potwierdź zapis – Centrum Obywatelskie". */
  siteName: string;
}

export const LETTER_PL: LetterWords = {
  greeting: (name) => `Dzień dobry, ${name}!`,
  confirm: 'Potwierdzam',
  homeLink: 'Strona Centrum Obywatelskiego',
  siteName: 'Centrum Obywatelskie',
};

/** A form's language as stored with its submission: one of the site's, Polish when missing or unknown. */
export const languageOfForm = (value: unknown): Language => (value === 'uk' || value === 'en' ? value : 'pl');

/** A site path in a language: "/zapisy/x/" → "/uk/zapisy/x/". Keep in step with site/src/lib/i18n.ts localizedPath. */
export const sitePathIn = (path: string, language: Language): string => (language === 'pl' ? path : `/${language}${path}`);
