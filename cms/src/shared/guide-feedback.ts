/**
 * "Czy ten poradnik był pomocny?": the reasons a reader may give, every answer the CMS can give to
 * the feedback form (a page of the static site under /opinia/, or a return to the guide), and the
 * guide's path, which both the site and the CMS's redirect need. Shared with site/ like
 * signup-results.ts, so the form, the CMS and the result pages never disagree.
 */
import { resultPage as page, type ResultPage } from './signup-results';

/** Why a guide did not help, in the order the form lists them. */
export const FEEDBACK_REASONS = {
  missing_information: 'Brakuje potrzebnych informacji',
  out_of_date: 'Informacje są nieaktualne',
  hard_to_follow: 'Trudno zrozumieć tekst',
  broken_link: 'Link lub załącznik nie działa',
  other: 'Inny powód',
} as const;
export type FeedbackReason = keyof typeof FEEDBACK_REASONS;

/** The longest comment a reader may leave. */
export const COMMENT_MAX = 1000;

/** A guide counts as needing improvement under this share of "yes" answers… */
export const NEEDS_IMPROVEMENT_SHARE = 0.6;
/** …once this many readers have answered (fewer say little). */
export const NEEDS_IMPROVEMENT_MIN_VOTES = 10;

/** The guide page's section where, after "Nie", the reader is asked what to improve (`#co-poprawic`). */
export const DETAILS_ANCHOR = 'co-poprawic';

/** Guides without a topic are listed under this one. */
export const NO_TOPIC = { slug: 'inne', name: 'Inne poradniki' } as const;
export const guidePath = (topicSlug: string | null | undefined, slug: string): string => `/baza-wiedzy/${topicSlug ?? NO_TOPIC.slug}/${slug}/`;

export type FeedbackResultPage = ResultPage;

const fix = (slug: string, message: string): FeedbackResultPage => page(slug, 'Popraw formularz opinii', message, 'error', 400);

export const FEEDBACK_RESULT_PAGES = {
  thanks: page('dziekujemy', 'Dziękujemy za ocenę', 'Twoja odpowiedź trafiła do zespołu, który pisze poradniki. Dzięki takim ocenom wiemy, które teksty warto poprawić w pierwszej kolejności.', 'success', 200),
  thanks_details: page('dziekujemy-za-uwagi', 'Dziękujemy za uwagi', 'Przeczytamy je przy najbliższej aktualizacji poradnika. Nie odpowiadamy na uwagi indywidualnie – jeśli potrzebujesz pomocy w swojej sprawie, umów się na bezpłatne doradztwo w Centrum.', 'success', 200),
  already_rated: page('juz-oceniono', 'Ten poradnik już oceniono', 'Z tej przeglądarki oceniono już ten poradnik, a liczymy jeden głos na osobę. Dziękujemy!', 'info', 409),
  rate_limited: page('za-duzo-ocen', 'Za dużo ocen naraz', 'Z tego adresu wysłano w krótkim czasie zbyt wiele ocen. Odczekaj kilka minut i spróbuj ponownie.', 'error', 429),
  unknown_guide: page('nieznany-poradnik', 'Nie ma takiego poradnika', 'Poradnik, który chcesz ocenić, nie jest już opublikowany. Znajdziesz aktualne poradniki w bazie wiedzy.', 'error', 404),
  invalid_guide: fix('popraw-poradnik', 'Nie wiadomo, którego poradnika dotyczy ocena. Otwórz poradnik i wyślij ocenę stamtąd.'),
  invalid_answer: fix('wybierz-odpowiedz', 'Wybierz „Tak” albo „Nie”.'),
  invalid_reason: fix('wybierz-powod', 'Wybierz powody z listy pod pytaniem „Co możemy poprawić?”.'),
  invalid_comment: fix('popraw-komentarz', `Komentarz może mieć najwyżej ${COMMENT_MAX} znaków i nie może zawierać znaków sterujących.`),
  missing_details: fix('dodaj-uwagi', 'Zaznacz przynajmniej jeden powód albo napisz komentarz.'),
} as const satisfies Record<string, FeedbackResultPage>;

export type FeedbackResultCode = keyof typeof FEEDBACK_RESULT_PAGES;

export const feedbackResultPath = (code: FeedbackResultCode): string => `/opinia/${FEEDBACK_RESULT_PAGES[code].slug}/`;
