// @ts-check
// Plain JavaScript on purpose: Astro imports a .mjs config natively, while a .ts one (or one that
// imports .ts) needs a Vite server of its own to load — a quarter of a second on every build.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

// Read as src/lib/env.ts reads them (that module is TypeScript, hence not imported here).
const STRAPI_URL = (process.env.STRAPI_URL ?? 'http://127.0.0.1:1337').replace(/\/+$/, '');
const SITE_URL = (process.env.SITE_URL ?? 'https://co.krakow.pl').replace(/\/+$/, '');
const cms = new URL(STRAPI_URL);
// Downloaded CMS images and the content store are cached here between builds; parallel builds may each get their own.
const cacheDir = process.env.SITE_CACHE_DIR ?? './node_modules/.astro';

/**
 * Astro puts all CMS content into the build's server bundle as one JavaScript object literal
 * (800 KB at 1,000 entries) for Rollup to parse. The same data as one JSON string costs Rollup
 * nothing and JSON.parse milliseconds (0.2 s per build measured). If Astro ever stops using this
 * module or file, the plugin does nothing and builds are just slower.
 * @returns {import('vite').Plugin}
 */
function contentAsJson() {
  const dataStore = fileURLToPath(new URL('data-store.json', new URL(`${cacheDir.replace(/\/?$/, '/')}`, new URL('./', import.meta.url))));
  return {
    name: 'co:content-as-json',
    apply: 'build',
    transform(_code, id) {
      if (id !== '\0astro:data-layer-content' || !existsSync(dataStore)) return null;
      return { code: `export default JSON.parse(${JSON.stringify(readFileSync(dataStore, 'utf8'))});`, map: { mappings: '' } };
    },
  };
}

/**
 * The server bundle only renders the pages during the build and is then thrown away, so Rollup's
 * tree-shaking (most of its time there, 0.7 s per build measured) buys nothing. The browser bundle keeps it.
 * @type {import('astro').AstroIntegration}
 */
const noServerTreeShaking = {
  name: 'co:no-server-tree-shaking',
  hooks: {
    'astro:build:setup': ({ vite, target }) => {
      if (target === 'server') vite.build = { ...vite.build, rollupOptions: { ...vite.build?.rollupOptions, treeshake: false } };
    },
  },
};

// Filter combinations repeat the main lists; they are marked noindex and kept out of the sitemap.
const FILTER_PAGE = /\/(wydarzenia\/(rodzaj|dla)|organizacje\/(obszar|dzielnica))\//;

export default defineConfig({
  site: SITE_URL,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The build script points this at a fresh folder, so a failed build never touches the live one.
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  cacheDir,
  image: {
    // Images from the CMS (and any https image a text embeds) are downloaded and optimized at
    // build time, so the site serves its own copies and works with the CMS switched off.
    remotePatterns: [{ protocol: cms.protocol.replace(':', ''), hostname: cms.hostname, ...(cms.port ? { port: cms.port } : {}) }, { protocol: 'https' }],
  },
  // Page scripts go to /_astro/ files instead of inline: the output check (and a future CSP) can then
  // tell the site's own code from anything that came in with content.
  vite: { build: { assetsInlineLimit: 0 }, plugins: [contentAsJson()] },
  // A fast build (SITE_REUSE_INDEX, see src/lib/incremental.ts) renders a few pages; its sitemap
  // would list only those, so it makes none and the live one stays until the full build.
  integrations: [noServerTreeShaking, ...(process.env.SITE_REUSE_INDEX ? [] : [sitemap({ filter: (page) => !FILTER_PAGE.test(new URL(page).pathname) })])],
});
