/** npm start: everything needed to work on the project locally (for now the CMS, seeded when empty). */
import { runCms } from './lib/run-cms.ts';

runCms({ seedIfEmpty: true }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
