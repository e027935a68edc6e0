import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection, getEntry } from 'astro:content';
import { articleDate, newestFirst } from '../lib/news';
import { UI } from '../lib/ui';
import { paths } from '../lib/urls';

/** The news as an RSS 2.0 feed: the 30 latest, with their summaries (readers follow the link). */
export const GET: APIRoute = async ({ site }) => {
  const global = (await getEntry('global', 'global'))!.data;
  const articles = newestFirst((await getCollection('articles')).map((entry) => entry.data)).slice(0, 30);
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
