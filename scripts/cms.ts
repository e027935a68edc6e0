/** npm run cms: the CMS alone, on the configured database, without seeding. */
import { runCms } from './lib/run-cms.ts';

runCms({ seedIfEmpty: false }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
