import { getImage, inferRemoteSize } from 'astro:assets';
import { DEFAULT_LANGUAGE, type Language } from './i18n';
import { localizeLink } from './localize';
import { localizedPaths } from './translations';
import { SITE_URL, STRAPI_URL } from './env';
import { imageUrls, renderMarkdown, type RenderedMarkdown, type RenderOptions } from './markdown';
import { attachmentPath, cmsImageSource, linkedUpload } from './media';

/**
 * The Astro side of the Markdown module: every image a text refers to is copied into the build
 * (resized, WebP) before the text is rendered, so the page never points at the CMS.
 */

/** Widest copy of an image placed in running text (the text column is about 45 rem). */
const CONTENT_IMAGE_WIDTH = 900;

/** A CMS upload path ("/uploads/x.jpg") or any absolute http(s) URL, as a URL the build can fetch. */
const fetchableUrl = (url: string): string | null => {
  if (url.startsWith('/uploads/')) return `${STRAPI_URL}${url}`;
  if (/^https?:\/\//i.test(url)) return url;
  return null;
};

export async function renderContent(markdown: string, options: Pick<RenderOptions, 'headingLevel'> & { language?: Language } = {}): Promise<RenderedMarkdown> {
  const copies = new Map<string, { src: string; width: number; height: number }>();
  for (const url of imageUrls(markdown)) {
    const source = fetchableUrl(url);
    if (!source) continue;
    let size: { width: number; height: number };
    try {
      size = await inferRemoteSize(source);
    } catch (error) {
      throw new Error(`An image in the text could not be copied into the site: ${source} (${(error as Error).message}). Fix or remove it in the CMS.`, { cause: error });
    }
    const width = Math.min(size.width, CONTENT_IMAGE_WIDTH);
    const height = Math.round((size.height * width) / size.width);
    const image = await getImage({ src: source, width, height, format: 'webp' });
    copies.set(url, { src: image.src, width, height });
  }
  // An image the build has no copy of would load from elsewhere or not at all: it is left out.
  // Links to CMS files point at the copies /pliki/[...file].ts makes of them.
  // A translated text's links to the site lead to the pages in its language where they exist, and
  // say that the others are Polish.
  const language = options.language ?? DEFAULT_LANGUAGE;
  const pagesInLanguage = language === DEFAULT_LANGUAGE ? null : await localizedPaths(language);
  const resolveLink = (href: string) => {
    const file = linkedUpload(href);
    if (file) return attachmentPath(file);
    return pagesInLanguage ? localizeLink(href, pagesInLanguage, SITE_URL, language) : undefined;
  };
  const { language: _language, ...renderOptions } = options;
  return renderMarkdown(markdown, { ...renderOptions, siteUrl: SITE_URL, resolveAsset: (url) => copies.get(url) ?? null, resolveLink });
}

export interface CmsMedia {
  url: string;
  width?: number | null;
  height?: number | null;
  alternativeText: string | null;
  updatedAt?: string;
}

/** A 1200 px JPEG copy for link previews (Open Graph), as an absolute URL. */
export async function shareImageUrl(media: CmsMedia | null | undefined): Promise<string | null> {
  if (!media || !media.width || !media.height) return null;
  const width = Math.min(media.width, 1200);
  const image = await getImage({ src: cmsImageSource(media), width, height: Math.round((media.height * width) / media.width), format: 'jpg' });
  return new URL(image.src, `${SITE_URL}/`).href;
}
