/**
 * npm run token [-- --name site-build --type read-only --rotate]: prints a Strapi API token.
 * The default is the read-only token the site build uses (STRAPI_TOKEN).
 */
import { ensureCmsEnv } from './lib/cms-env.ts';
import { compileCms, runCmsScript } from './lib/cms.ts';

try {
  ensureCmsEnv();
  await compileCms();
  const token = await runCmsScript('create-api-token', process.argv.slice(2), { capture: true });
  process.stdout.write(token);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
