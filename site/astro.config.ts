import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { SITE_URL } from './src/lib/env';

export default defineConfig({
  site: SITE_URL,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The build script points this at a fresh folder, so a failed build never touches the live one.
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  integrations: [sitemap()],
});
