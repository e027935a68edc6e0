// @ts-check
// Plain JavaScript on purpose: Astro imports a .mjs config natively, while a .ts one (or one that
// imports .ts) needs a Vite server of its own to load — a quarter of a second on every build.
import { defineConfig } from 'astro/config';
import { closeSync, openSync, readSync } from 'node:fs';
import sitemap from '@astrojs/sitemap';

// Read as src/lib/env.ts reads them (that module is TypeScript, hence not imported here).
const STRAPI_URL = (process.env.STRAPI_URL ?? 'http://127.0.0.1:1337').replace(/\/+$/, '');
const SITE_URL = (process.env.SITE_URL ?? 'https://co.krakow.pl').replace(/\/+$/, '');
const cms = new URL(STRAPI_URL);
// Downloaded CMS images and the content store are cached here between builds; parallel builds may each get their own.
const cacheDir = process.env.SITE_CACHE_DIR ?? './node_modules/.astro';

// Filter combinations repeat the main lists, and sign-up, feedback and room request result pages answer a form: all are
// marked noindex and kept out of the sitemap.
const FILTER_PAGE = /\/(wydarzenia\/(rodzaj|dla|jezyk)|organizacje\/(obszar|dzielnica)|wolontariat\/filtr|zapisy|opinia|rezerwacje)\//;

// Every other page marked noindex stays out too: those whose content decides it (a volunteering offer whose
// recruitment has ended, an entry an editor marked "noindex") and any page added later. The finished pages are
// asked, reading only their first bytes, where the layout puts the robots tag; this runs before the sitemap's hook.
const NOINDEX = /<meta name="robots" content="noindex\b/;
// The layout's hreflang links (src/lib/i18n.ts): each page's versions, listed in the sitemap too.
const HREFLANG = /<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g;
const HEAD_BYTES = 8192;
/** @type {Set<string>} */
const noindexPages = new Set();
/** @type {Map<string, { lang: string; url: string }[]>} */
const alternates = new Map();
/** @type {import('astro').AstroIntegration} */
const noindexOutOfSitemap = {
  name: 'co:noindex-out-of-sitemap',
  hooks: {
    'astro:build:done': ({ dir, pages }) => {
      noindexPages.clear();
      alternates.clear();
      const head = Buffer.alloc(HEAD_BYTES);
      for (const { pathname } of pages) {
        const urlPath = `/${pathname.replace(/^\//, '')}`;
        if (!urlPath.endsWith('/') || FILTER_PAGE.test(urlPath)) continue;
        let fd;
        try {
          fd = openSync(new URL(`.${urlPath}index.html`, dir), 'r');
        } catch {
          continue;
        }
        try {
          const length = readSync(fd, head, 0, HEAD_BYTES, 0);
          const text = head.toString('utf8', 0, length);
          if (NOINDEX.test(text)) noindexPages.add(urlPath);
          const links = [...text.matchAll(HREFLANG)].map((match) => ({ lang: match[1], url: match[2].replace(/&amp;/g, '&') }));
          if (links.length > 0) alternates.set(urlPath, links);
        } finally {
          closeSync(fd);
        }
      }
    },
  },
};

export default defineConfig({
  site: SITE_URL,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Astro 7's default ('jsx') drops the line break between a word and an inline element on the next
  // source line ("zobacz<a>…"); true removes only whitespace that cannot change what a reader sees.
  compressHTML: true,
  // The build script points this at a fresh folder, so a failed build never touches the live one.
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  cacheDir,
  image: {
    // Images from the CMS (and any https image a text embeds) are downloaded and optimized at
    // build time, so the site serves its own copies and works with the CMS switched off.
    // Editors' SVGs are rasterized like any other image (Astro 5 did so too), so the site never
    // serves an SVG from the CMS, which could carry script when opened on its own.
    dangerouslyProcessSVG: true,
    remotePatterns: [{ protocol: cms.protocol.replace(':', ''), hostname: cms.hostname, ...(cms.port ? { port: cms.port } : {}) }, { protocol: 'https' }],
  },
  // Page scripts go to /_astro/ files instead of inline: the output check (and a future CSP) can then
  // tell the site's own code from anything that came in with content.
  vite: { build: { assetsInlineLimit: 0 } },
  // Pages whose cache key (see src/lib/page-keys.ts) and code are unchanged are copied from the
  // last build in cacheDir instead of rendered again: a publication renders only what it changed.
  experimental: { incrementalBuild: true },
  integrations: [
    noindexOutOfSitemap,
    sitemap({
      filter: (page) => !FILTER_PAGE.test(new URL(page).pathname) && !noindexPages.has(new URL(page).pathname),
      // Every language version of a page, as its hreflang links say (Google reads either).
      serialize: (item) => {
        const links = alternates.get(new URL(item.url).pathname);
        return links ? { ...item, links } : item;
      },
    }),
  ],
});
