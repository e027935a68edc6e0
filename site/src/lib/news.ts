/** News ordering, shared by the list, the home page and the RSS feed. */

interface Dated {
  publicationDate?: string | null;
  publishedAt: string;
}

/** The date an article is shown with: the editors' publication date, else when it went live. */
export const articleDate = (article: Dated): string => article.publicationDate ?? article.publishedAt;

export const newestFirst = <A extends Dated>(articles: A[]): A[] =>
  [...articles].sort((a, b) => articleDate(b).localeCompare(articleDate(a)));
