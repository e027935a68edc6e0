import slugifyLib from '@sindresorhus/slugify';

/** A slug is what appears in public URLs: lowercase ASCII words joined by single dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Generated slugs are cut here, at a word boundary, to keep URLs readable. */
export const MAX_SLUG_LENGTH = 80;
/** A slug typed by an editor (or made by the admin's "regenerate" button) may be longer. */
export const MAX_TYPED_SLUG_LENGTH = 150;

/** Ukraine's official romanization (2010), which the library's Russian-style table ("и" → "i") is not. */
const UKRAINIAN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia', "'": '', '’': '', ʼ: '',
};
/** At the start of a word these are spelled as at the start of a syllable. */
const UKRAINIAN_INITIAL: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

export function romanizeUkrainian(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[^\p{L}'’ʼ])([єїйюя])/gu, (_, before: string, letter: string) => before + UKRAINIAN_INITIAL[letter]!)
    .replace(/зг/g, 'zgh')
    .replace(/[а-щьюяєіїґ'’ʼ]/g, (letter) => UKRAINIAN[letter] ?? letter);
}

/**
 * "Żółta łódź" → "zolta-lodz", "Зустріч про переклади" → "zustrich-pro-pereklady". The library
 * transliterates Polish letters; the length cap keeps URLs readable and is applied at a word
 * boundary when possible.
 */
export function slugify(text: string): string {
  const slug = slugifyLib(romanizeUkrainian(text), { lowercase: true, decamelize: false, separator: '-' });
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 20 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/** "slug", "slug-2", "slug-3"… until `isTaken` says no. */
export async function uniqueSlug(base: string, isTaken: (candidate: string) => Promise<boolean>): Promise<string> {
  let candidate = base;
  for (let n = 2; await isTaken(candidate); n += 1) {
    const suffix = `-${n}`;
    candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
  }
  return candidate;
}

/**
 * Slugs that would land on one of the public site's own paths (/wydarzenia/archiwum/,
 * /aktualnosci/strona/2/, /szukaj/…). Keep in step with RESERVED_SLUGS in site/src/lib/urls.ts;
 * a unit test compares the two.
 */
export const RESERVED_SLUGS: Record<string, readonly string[]> = {
  // uk and en begin the Ukrainian and English addresses.
  'api::page.page': ['aktualnosci', 'baza-wiedzy', 'wydarzenia', 'organizacje', 'sale', 'szukaj', 'pliki', '_astro', 'pagefind', '404', 'rss.xml', 'robots.txt', 'zapisy', 'opinia', 'rezerwacje', 'wolontariat', 'zgloszenia', 'dla-organizacji', 'uk', 'en'],
  'api::event.event': ['archiwum', 'rodzaj', 'dla', 'jezyk'],
  'api::organization.organization': ['obszar', 'dzielnica'],
  'api::category.category': ['inne'],
  'api::article.article': ['strona'],
  // /wolontariat/filtr/…/ are the board's filters, /wolontariat/gotowosc/ the sign-up without an offer.
  'api::volunteer-offer.volunteer-offer': ['filtr', 'strona', 'gotowosc', 'rss.xml'],
};

export const isReservedSlug = (uid: string, slug: string): boolean => RESERVED_SLUGS[uid]?.includes(slug) ?? false;
