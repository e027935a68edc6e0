import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { articleDate, newestFirst } from '../lib/news';
import { UI } from '../lib/ui';
import { paths } from '../lib/urls';
import { collection, globalSettings } from '../lib/collections';

/** The news as an RSS 2.0 feed: the 30 latest, with their summaries (readers follow the link). */
export const GET: APIRoute = async ({ site }) => {
  const global = (await globalSettings())!.data;
  const articles = newestFirst((await collection('articles')).map((entry) => entry.data)).slice(0, 30);
  return rss({
    title: `${global.siteName} – ${UI.latestNews}`,
    description: UI.newsLead,
    site: site!,
    customData: '<language>pl</language>',
    items: articles.map((article) => ({
      title: article.title,
      link: paths.article(article.slug),
      pubDate: new Date(articleDate(article)),
      description: article.excerpt,
      ...(article.author ? { author: article.author } : {}),
    })),
  });
};
