import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import slugifyText from '@sindresorhus/slugify';

/**
 * The one Markdown pipeline for CMS content: marked turns Markdown into HTML, then sanitize-html
 * keeps only an allowlist of tags, attributes and URL schemes, so nothing an editor (or an
 * attacker with an editor's account) types can run script on the public site.
 */

export interface Heading {
  depth: 2 | 3;
  text: string;
  id: string;
}

export interface RenderedMarkdown {
  html: string;
  /** h2/h3 headings in order, for a table of contents. */
  headings: Heading[];
}

export interface RenderOptions {
  /**
   * Maps an image URL from the CMS to the URL of the site's own copy. Returning undefined keeps
   * the URL; throwing stops the build (e.g. a CMS image that could not be copied). With a size,
   * the image gets width/height, so the page does not jump while it loads; null drops the image
   * (one the build has no copy of, e.g. a typo like src="x").
   */
  resolveAsset?: (url: string) => string | { src: string; width: number; height: number } | null | undefined;
  /**
   * Maps a link target to the site's own address (a CMS file copied into the build, or the page
   * in the text's language); undefined keeps it. With `hreflang`, the link says the language of
   * the page it leads to (a translated text linking to a page that exists only in Polish).
   */
  resolveLink?: (href: string) => string | { href: string; hreflang?: string } | undefined;
  /** Links to other hosts than this one are marked as external. */
  siteUrl?: string;
  /**
   * The level the text's top headings get: 2 (the default) where the text follows the page's
   * h1, 3 where it sits in a section under its own h2.
   */
  headingLevel?: 2 | 3;
}

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'del', 's', 'sup', 'sub',
  'code', 'pre', 'blockquote', 'a', 'img', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'abbr',
];

const ALLOWED_ATTRIBUTES: sanitizeHtml.IOptions['allowedAttributes'] = {
  a: ['href', 'title', 'rel', 'class', 'hreflang'],
  img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'decoding'],
  h2: ['id', 'class'],
  h3: ['id', 'class'],
  h4: ['id', 'class'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  ol: ['start'],
  abbr: ['title'],
  code: ['class'],
};

/** Highest heading level content gets: the sanitizer allows h2–h4. */
const MAX_HEADING_LEVEL = 4;

/**
 * Heading levels that never skip one, whatever levels the editor typed: the first heading gets
 * the top level, a deeper one goes exactly one level below the heading it follows, and one as deep
 * as an earlier heading gets that heading's level again. So a description written with ### only
 * becomes h2s (not h3s under the page's h1), and ## then #### becomes h2 then h3. Each heading
 * keeps the size it was typed at through a class (size-h3 on an h2), so the page looks as written.
 */
function createLeveller(top: number): (typedDepth: number) => { level: number; size: number } {
  const open: { depth: number; level: number }[] = [];
  return (typedDepth) => {
    // "#" is the page title's level: in content it counts as "##".
    const depth = Math.max(typedDepth, 2);
    while (open.length > 0 && open.at(-1)!.depth > depth) open.pop();
    let level: number;
    if (open.length > 0 && open.at(-1)!.depth === depth) level = open.pop()!.level;
    else level = Math.min((open.at(-1)?.level ?? top - 1) + 1, MAX_HEADING_LEVEL);
    open.push({ depth, level });
    return { level, size: Math.min(depth, MAX_HEADING_LEVEL) };
  };
}

/**
 * Slugs by heading text, shared by every document of a build: slugify builds its transliteration
 * expressions anew on each call, which was a quarter of a 10,000-entry build, and headings such as
 * „Kontakt” repeat across thousands of pages. Bounded, so a huge site cannot grow it without end.
 */
const slugCache = new Map<string, string>();
const SLUG_CACHE_LIMIT = 50_000;

function headingSlug(text: string): string {
  let slug = slugCache.get(text);
  if (slug === undefined) {
    slug = slugifyText(text, { lowercase: true, decamelize: false }) || 'sekcja';
    if (slugCache.size >= SLUG_CACHE_LIMIT) slugCache.clear();
    slugCache.set(text, slug);
  }
  return slug;
}

/** Heading ids readable in Polish ("#jak-zalozyc-fundacje"), unique within one document. */
function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = headingSlug(text);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count + 1}`;
  };
}

const stripTags = (html: string): string => sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).trim();

export function isExternal(href: string, siteUrl?: string): boolean {
  if (!/^https?:\/\//i.test(href)) return false;
  if (!siteUrl) return true;
  try {
    return new URL(href).host !== new URL(siteUrl).host;
  } catch {
    return true;
  }
}

export function renderMarkdown(markdown: string, options: RenderOptions = {}): RenderedMarkdown {
  // Markdown headings in order, with the level the sanitizer gives them (below).
  const typed: { text: string; id: string; level?: number }[] = [];
  const slug = createSlugger();
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, { tokens, depth }: Tokens.Heading) {
        const inner = this.parser.parseInline(tokens);
        const text = stripTags(inner);
        const id = slug(text);
        typed.push({ text, id });
        return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
      },
    },
  });
  const raw = marked.parse(markdown) as string;

  // The page title is the only h1; content headings start at the top level, stop at h4 and never
  // skip one. Levelled in the sanitizer, which sees them in document order, so headings typed as
  // HTML (<h4>) are levelled too.
  const level = createLeveller(options.headingLevel ?? 2);
  let nextTyped = 0;
  const heading: sanitizeHtml.Transformer = (tagName, attribs) => {
    const { level: to, size } = level(Number(tagName.slice(1)));
    if (attribs.id !== undefined && typed[nextTyped]?.id === attribs.id) typed[nextTyped++]!.level = to;
    return { tagName: `h${to}`, attribs: { ...(attribs.id !== undefined ? { id: attribs.id } : {}), ...(size !== to ? { class: `size-h${size}` } : {}) } };
  };

  const html = sanitizeHtml(raw, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedClasses: { a: ['external'], code: [/^language-[\w-]+$/], h2: [/^size-h[234]$/], h3: [/^size-h[234]$/], h4: [/^size-h[234]$/] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    transformTags: {
      h1: heading,
      h2: heading,
      h3: heading,
      h4: heading,
      h5: heading,
      h6: heading,
      a: (tagName, attribs) => {
        const resolved = attribs.href ? options.resolveLink?.(attribs.href) : undefined;
        const href = typeof resolved === 'object' ? resolved.href : (resolved ?? attribs.href ?? '');
        const { class: _class, rel: _rel, hreflang: _hreflang, ...rest } = attribs;
        if (href) rest.href = href;
        if (typeof resolved === 'object' && resolved.hreflang) rest.hreflang = resolved.hreflang;
        return isExternal(href, options.siteUrl)
          ? { tagName, attribs: { ...rest, class: 'external', rel: 'noopener noreferrer external' } }
          : { tagName, attribs: rest };
      },
      img: (tagName, attribs) => {
        const resolved = attribs.src ? options.resolveAsset?.(attribs.src) : undefined;
        // A tag outside the allowlist is discarded by the sanitizer: that is how an image goes.
        if (resolved === null || !attribs.src) return { tagName: 'dropped-image', attribs: {} };
        const local = typeof resolved === 'string' ? { src: resolved } : (resolved ?? { src: attribs.src ?? '' });
        const size: Record<string, string> = 'width' in local ? { width: String(local.width), height: String(local.height) } : {};
        return { tagName, attribs: { ...attribs, ...size, src: local.src, alt: attribs.alt ?? '', loading: 'lazy', decoding: 'async' } };
      },
    },
  });
  const headings = typed.flatMap(({ text, id, level: to }) => (to === 2 || to === 3 ? [{ depth: to, text, id } as Heading] : []));
  return { html, headings };
}

/**
 * URLs a Markdown text refers to through one kind of element: Markdown syntax (`![]()` or `[]()`)
 * and the same element written as inline HTML.
 */
function referencedUrls(markdown: string, kind: 'image' | 'link', htmlPattern: RegExp): string[] {
  const urls = new Set<string>();
  const marked = new Marked({ gfm: true });
  marked.use({
    walkTokens(token) {
      if (token.type === kind) urls.add((token as Tokens.Image | Tokens.Link).href);
      if (token.type === 'html') {
        for (const match of (token as Tokens.HTML).text.matchAll(htmlPattern)) urls.add(match[1]!);
      }
    },
  });
  marked.parse(markdown);
  return [...urls];
}

/** Every image URL a Markdown text refers to, so the build can copy them before rendering. */
export const imageUrls = (markdown: string): string[] => referencedUrls(markdown, 'image', /<img\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi);

/** Every link target a Markdown text has, from Markdown links and inline HTML, e.g. to copy CMS files. */
export const linkUrls = (markdown: string): string[] => referencedUrls(markdown, 'link', /<a\b[^>]*\bhref\s*=\s*["']?([^"'\s>]+)/gi);

/** Minutes a reader needs at about 200 words a minute, at least one. */
export function readingMinutes(markdown: string): number {
  const words = stripTags(new Marked().parse(markdown) as string).split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / 200));
}

/**
 * The text of a Markdown field without markup, for descriptions, feeds and calendar entries,
 * shortened at a word boundary to at most `maxLength` characters (with "…").
 */
// One build asks for the same texts many times (meta description, JSON-LD, each calendar file),
// and Markdown plus sanitizing costs half a millisecond each time.
const plainTexts = new Map<string, string>();

export function plainText(markdown: string, maxLength = Infinity): string {
  let text = plainTexts.get(markdown);
  if (text === undefined) {
    const html = new Marked({ gfm: true }).parse(markdown) as string;
    // sanitize-html escapes exactly these four characters in text; undo that for plain text.
    text = sanitizeHtml(html.replace(/<\/(p|h\d|li|tr|blockquote)>/g, ' $&'), { allowedTags: [], allowedAttributes: {} })
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
    plainTexts.set(markdown, text);
  }
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), Math.floor(maxLength / 2)));
  return `${atWord.replace(/[\s,.;:–-]+$/, '')}…`;
}
