import path from 'node:path';
import { runScript, withStrapi } from './load-strapi';
import { seed } from './seed/run';

/** `node dist/scripts/seed.js [--today YYYY-MM-DD] [--if-empty]` — see cms/seed/README.md. */
runScript(async () => {
  const args = process.argv.slice(2);
  const todayIndex = args.indexOf('--today');
  const today = todayIndex >= 0 ? args[todayIndex + 1] : process.env.SEED_TODAY;
  const ifEmpty = args.includes('--if-empty');
  const dir = path.resolve(__dirname, '..', '..', 'seed');

  await withStrapi(async (strapi) => {
    if (ifEmpty && (await strapi.documents('api::page.page').count({} as never)) > 0) {
      console.log('Baza ma już treści – pomijam wypełnianie przykładowymi danymi.');
      return;
    }
    const started = Date.now();
    const report = await seed(strapi, { dir, today, log: (line) => console.log(`  ${line}`) });
    const created = Object.values(report.created).reduce((a, b) => a + b, 0);
    console.log(`Przykładowe treści: ${created} nowych wpisów, ${report.uploaded} nowych plików (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  });
});
