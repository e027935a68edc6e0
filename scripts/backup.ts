/**
 * npm run backup [-- --out <folder>] [--keep <n>] [--with-secrets]
 *
 * A consistent snapshot of the CMS — database, uploaded files, a manifest with rows per table and a
 * checksum per file — into <folder>/centrum-<date>-<time>.tar.gz, keeping the newest <n>. Safe
 * while the CMS runs. Settings come from the environment, then cms/.env (as the CMS reads them).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backup, storageFromEnv } from './lib/backup.ts';
import { parseEnv } from './lib/cms-env.ts';
import { files, info, rows as rowWords, step, tables } from './lib/log.ts';
import { CMS_ENV_FILE, ROOT_DIR } from './lib/paths.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    keep: { type: 'string' },
    'with-secrets': { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const env = { ...(existsSync(CMS_ENV_FILE) ? parseEnv(readFileSync(CMS_ENV_FILE, 'utf8')) : {}), ...process.env };
  const outDir = path.resolve(ROOT_DIR, values.out ?? env.BACKUP_DIR ?? 'backups');
  const keepText = values.keep ?? env.BACKUP_KEEP ?? '14';
  const keep = Number(keepText);
  if (!Number.isInteger(keep) || keep < 0) throw new Error(`--keep (BACKUP_KEEP) musi być liczbą całkowitą ≥ 0 (0 = zachowaj wszystkie), a jest "${keepText}".`);
  const secretsFile = values['with-secrets'] ? CMS_ENV_FILE : null;
  if (secretsFile && !existsSync(secretsFile)) throw new Error(`--with-secrets: nie ma pliku ${secretsFile}.`);
  const storage = storageFromEnv(env);
  const result = await step(`Kopia zapasowa (${storage.database.client}, pliki z ${storage.uploadsDir})`, () => backup({ storage, outDir, keep, secretsFile, progress: info }));
  const rows = Object.values(result.manifest.tables).reduce((sum, t) => sum + t.rows, 0);
  const uploads = Object.keys(result.manifest.files).filter((file) => file.startsWith('uploads/')).length;
  info(`zapisano ${result.archive}: ${tables(Object.keys(result.manifest.tables).length)}, ${rowWords(rows)}, ${files(uploads)}`);
  if (result.manifest.secrets) info('UWAGA: kopia zawiera sekrety z cms/.env (--with-secrets) — przechowuj ją tak jak ten plik.');
  else info('bez sekretów z cms/.env: przechowuj je osobno (bez nich tokeny API i sesje przestaną działać po przywróceniu na nowej maszynie)');
  if (env.UPLOAD_PROVIDER === 's3') info(`przesłane pliki są w S3 (bucket ${env.S3_BUCKET ?? '?'}), nie w tej kopii: chroni je wersjonowanie lub replikacja bucketu (README: Backups)`);
  for (const name of result.removed) info(`usunięto starą kopię ${name} (zachowywanych: ${keep})`);
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
