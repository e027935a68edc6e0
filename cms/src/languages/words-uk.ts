import type { LetterWords } from './words';

/** What every letter and link page says around its content, in Ukrainian. */
export const LETTER_UK: LetterWords = {
  greeting: (name) => `Добрий день, ${name}!`,
  confirm: 'Підтверджую',
  homeLink: 'Сайт Громадського центру (Centrum Obywatelskie)',
  siteName: 'Громадський центр (Centrum Obywatelskie)',
};
