import path from 'node:path';
import type { Core, UID } from '@strapi/strapi';
import { runScript, withStrapi } from './load-strapi';
import { seed } from './seed/run';
import { PUBLIC_COLLECTION_TYPES, PUBLIC_SINGLE_TYPES } from '../src/access/public-content';

const pluralRules = new Intl.PluralRules('pl-PL');

/** "1 wpis", "3 wpisy", "5 wpisów". */
function plural(count: number, one: string, few: string, many: string): string {
  const form = pluralRules.select(count);
  return `${count} ${form === 'one' ? one : form === 'few' ? few : many}`;
}

/** Whether any content type the site shows holds an entry (drafts included); sign-ups and locks do not count. */
async function hasContent(strapi: Core.Strapi): Promise<boolean> {
  for (const uid of [...PUBLIC_COLLECTION_TYPES, ...PUBLIC_SINGLE_TYPES] as UID.ContentType[]) {
    if ((await strapi.db.query(uid).count()) > 0) return true;
  }
  return false;
}

/** `node dist/scripts/seed.js [--today YYYY-MM-DD] [--if-empty]` — see cms/seed/README.md. */
runScript(async () => {
  const args = process.argv.slice(2);
  const todayIndex = args.indexOf('--today');
  const today = todayIndex >= 0 ? args[todayIndex + 1] : process.env.SEED_TODAY;
  const ifEmpty = args.includes('--if-empty');
  const dir = path.resolve(__dirname, '..', '..', 'seed');

  await withStrapi(async (strapi) => {
    if (ifEmpty && (await hasContent(strapi))) {
      console.log('Baza ma już treści – pomijam wypełnianie przykładowymi danymi.');
      return;
    }
    const started = Date.now();
    const report = await seed(strapi, { dir, today, log: (line) => console.log(`  ${line}`) });
    const created = Object.values(report.created).reduce((a, b) => a + b, 0);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Przykładowe treści: dodano ${plural(created, 'wpis', 'wpisy', 'wpisów')} i ${plural(report.uploaded, 'plik', 'pliki', 'plików')} (${seconds} s).`);
  });
});
