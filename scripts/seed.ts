/** npm run seed [-- --today YYYY-MM-DD]: loads the demo content from cms/seed (idempotent). */
import { ensureCmsEnv } from './lib/cms-env.ts';
import { compileCms, runCmsScript } from './lib/cms.ts';
import { step } from './lib/log.ts';

try {
  ensureCmsEnv();
  await step('Kompilacja CMS', compileCms);
  await step('Wypełnianie bazy przykładowymi treściami', () => runCmsScript('seed', process.argv.slice(2)));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
