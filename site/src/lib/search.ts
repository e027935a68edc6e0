import slugifyText from '@sindresorhus/slugify';

/**
 * The words of a text without Polish letters ("Jak założyć stowarzyszenie" → "jak zalozyc
 * stowarzyszenie"), or null when that changes nothing. Pagefind ignores accents when it matches,
 * but ł is a letter of its own, not an accented l, so "zalozyc" never found "założyć". Pages
 * carry this form of their title and summary, hidden, for the index only.
 */
export function searchAlias(text: string): string | null {
  const folded = slugifyText(text, { separator: ' ', decamelize: false });
  return folded && folded !== text.toLocaleLowerCase('pl') ? folded : null;
}
