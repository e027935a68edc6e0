import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { SITE_URL, STRAPI_URL } from './src/lib/env';

const cms = new URL(STRAPI_URL);

// Filter combinations repeat the main lists; they are marked noindex and kept out of the sitemap.
const FILTER_PAGE = /\/(wydarzenia\/(rodzaj|dla)|organizacje\/(obszar|dzielnica))\//;

export default defineConfig({
  site: SITE_URL,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The build script points this at a fresh folder, so a failed build never touches the live one.
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  // Downloaded CMS images are cached here between builds; parallel builds may each get their own.
  cacheDir: process.env.SITE_CACHE_DIR ?? './node_modules/.astro',
  image: {
    // Images from the CMS (and any https image a text embeds) are downloaded and optimized at
    // build time, so the site serves its own copies and works with the CMS switched off.
    remotePatterns: [{ protocol: cms.protocol.replace(':', ''), hostname: cms.hostname, ...(cms.port ? { port: cms.port } : {}) }, { protocol: 'https' }],
  },
  // Page scripts go to /_astro/ files instead of inline: the output check (and a future CSP) can then
  // tell the site's own code from anything that came in with content.
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [sitemap({ filter: (page) => !FILTER_PAGE.test(new URL(page).pathname) })],
});
