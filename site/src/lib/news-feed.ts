import rss from '@astrojs/rss';
import { collection, globalSettings } from './collections';
import { localizedPath, uiFor, type Language } from './i18n';
import { articleDate, newestFirst } from './news';
import { localize } from './translations';
import { paths } from './urls';

/**
 * The news as an RSS 2.0 feed in `language`: the 30 latest, with their summaries (readers follow
 * the link); an article not translated into it keeps its Polish title, says so after it (RSS has
 * no language per item) and links to its Polish page.
 */
export async function newsFeed(language: Language, site: URL): Promise<Response> {
  const UI = uiFor(language);
  const global = (await globalSettings())!.data;
  const articles = newestFirst((await collection('articles')).map((entry) => entry.data)).slice(0, 30);
  return rss({
    title: `${global.siteName} – ${UI.latestNews}`,
    description: UI.newsLead,
    site: new URL(localizedPath('/', language), site).href,
    customData: `<language>${language}</language>`,
    items: await Promise.all(
      articles.map(async (polish) => {
        const article = await localize('articles', polish, language);
        return {
          title: article.language !== language ? `${article.title} (${UI.inPolish})` : article.title,
          link: localizedPath(paths.article(article.slug), article.language),
          pubDate: new Date(articleDate(article)),
          description: article.excerpt,
          ...(article.author ? { author: article.author } : {}),
        };
      }),
    ),
  });
}
