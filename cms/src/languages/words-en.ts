import type { LetterWords } from './words';

/** What every letter and link page says around its content, in English. */
export const LETTER_EN: LetterWords = {
  greeting: (name) => `Hello ${name},`,
  confirm: 'Confirm',
  homeLink: 'Centrum Obywatelskie website',
  siteName: 'Centrum Obywatelskie',
};
