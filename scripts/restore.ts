/**
 * npm run restore -- <archive> [--force]
 *
 * Brings a backup (npm run backup) back into the database and uploads folder the CMS is configured
 * with. Checks the archive's checksums before anything changes, refuses a database or uploads folder
 * that is not empty unless --force, and verifies every table and file afterwards. Stop the CMS first.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { restore, storageFromEnv } from './lib/backup.ts';
import { parseEnv } from './lib/cms-env.ts';
import { files, info, rows, step, tables } from './lib/log.ts';
import { CMS_ENV_FILE } from './lib/paths.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });

async function main(): Promise<void> {
  if (positionals.length !== 1) throw new Error('Podaj jeden plik kopii: npm run restore -- backups/centrum-RRRRMMDD-GGMMSS.tar.gz [--force]');
  const archive = path.resolve(positionals[0]!);
  const env = { ...(existsSync(CMS_ENV_FILE) ? parseEnv(readFileSync(CMS_ENV_FILE, 'utf8')) : {}), ...process.env };
  const storage = storageFromEnv(env);
  const result = await step(`Przywracanie ${path.basename(archive)} (${storage.database.client})`, () => restore({ archive, storage, force: values.force, progress: info }));
  info(`przywrócono kopię z ${result.manifest.createdAt}: ${tables(result.tables)}, ${rows(result.rows)}, ${files(result.uploads)} — każda tabela i każdy plik zgodne z manifestem`);
  if (result.manifest.secrets) info('kopia zawiera też cms/.env (secrets/cms.env w archiwum); nie został nadpisany — skopiuj go ręcznie, jeśli przenosisz CMS na nową maszynę');
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
