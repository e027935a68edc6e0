/**
 * npm run move-to-postgres -- --to postgres://user:password@host:5432/database [--schema public]
 *                             [--uploads-to <folder>] [--from <file.db>] [--force]
 *
 * Uploaded files are read from where the CMS keeps them (PUBLIC_DIR/uploads) and stay there unless
 * --uploads-to names another folder.
 *
 * Copies the SQLite CMS (cms/.env's DATABASE_FILENAME, or --from) into an empty PostgreSQL
 * database: every table — content, media, admin users, API tokens, sign-ups, requests, counts —
 * then compares every table value by value and every uploaded file. The SQLite file is only read.
 * Stop the CMS first: what it writes after the copy started would stay behind (the command says so).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { storageFromEnv } from './lib/backup.ts';
import { compileCms } from './lib/cms.ts';
import { parseEnv } from './lib/cms-env.ts';
import { files, info, rows, step, tables } from './lib/log.ts';
import { moveToPostgres } from './lib/move-to-postgres.ts';
import { CMS_ENV_FILE } from './lib/paths.ts';

const { values } = parseArgs({
  options: {
    to: { type: 'string' },
    schema: { type: 'string', default: 'public' },
    from: { type: 'string' },
    'uploads-to': { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const fileEnv = existsSync(CMS_ENV_FILE) ? parseEnv(readFileSync(CMS_ENV_FILE, 'utf8')) : {};
  const env = { ...fileEnv, ...process.env };
  if (!values.to) throw new Error('Podaj bazę docelową: npm run move-to-postgres -- --to postgres://użytkownik:hasło@host:5432/baza');
  if (!/^postgres(ql)?:\/\//.test(values.to)) throw new Error(`--to musi być adresem postgres://…, a jest "${values.to.replace(/:[^:@/]*@/, ':***@')}".`);
  // The source is the SQLite file the CMS runs on now, whatever DATABASE_CLIENT says (it may already name the target).
  const sqlite = storageFromEnv({ ...env, DATABASE_CLIENT: 'sqlite' });
  const filename = values.from ? path.resolve(values.from) : sqlite.database.client === 'sqlite' ? sqlite.database.filename : '';
  const uploadsTo = values['uploads-to'] ? path.resolve(values['uploads-to']) : sqlite.uploadsDir;
  // The CMS keeps files in PUBLIC_DIR/uploads: another name could not be pointed at.
  if (path.basename(uploadsTo) !== 'uploads') throw new Error(`--uploads-to musi wskazywać folder o nazwie "uploads" (CMS trzyma pliki w PUBLIC_DIR/uploads), a wskazuje ${uploadsTo}.`);
  // Strapi stores datetimes in PostgreSQL as local time of the process that writes them.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone !== 'UTC' && zone !== 'Etc/UTC') {
    info(`uwaga: ten proces działa w strefie ${zone}. Daty i godziny trafią do PostgreSQL jako czas tej strefy, więc CMS musi działać w tej samej (TZ=${zone}); zalecane jest UTC dla obu: TZ=UTC npm run move-to-postgres … (w UTC żadna godzina się nie powtarza przy zmianie czasu)`);
  }
  const shown = values.to.replace(/:[^:@/]*@/, ':***@');
  const relative = path.relative(process.cwd(), filename);
  const sourceName = relative && !relative.startsWith('..') ? relative : filename;

  await step('Kompilacja CMS (TypeScript)', compileCms);
  const result = await step(`Przenoszenie ${sourceName} (pliki z ${sqlite.uploadsDir}) → ${shown} (schemat ${values.schema})`, () =>
    moveToPostgres({
      source: { filename, uploadsDir: sqlite.uploadsDir },
      target: { url: values.to!, schema: values.schema!, uploadsDir: uploadsTo },
      force: values.force,
      env: fileEnv,
      progress: info,
    }),
  );
  info(`w PostgreSQL: ${tables(result.tables)}, ${rows(result.rows)} — każda tabela zgodna z SQLite wartość po wartości; ${files(result.files)} zgodnych co do bajtu`);
  info(`Strapi założył w PostgreSQL własne zapisy schematu i migracji (${result.ownTables.join(', ')}) — tych się nie kopiuje`);
  if (result.changedSince.length > 0) {
    throw new Error(`CMS zapisywał dane podczas przenoszenia (tabele: ${result.changedSince.join(', ')}): tych zmian nie ma w PostgreSQL. Zatrzymaj CMS i uruchom polecenie ponownie z --force.`);
  }
  process.stdout.write(`
Gotowe. Aby CMS działał na PostgreSQL, ustaw w cms/.env (albo w zmiennych środowiska usługi):
  DATABASE_CLIENT=postgres
  DATABASE_URL=${values.to.includes('@') && /:[^:@/]*@/.test(values.to) ? `${shown}   (z hasłem podanym w --to)` : shown}${values.schema === 'public' ? '' : `\n  DATABASE_SCHEMA=${values.schema}`}${uploadsTo === sqlite.uploadsDir ? '' : `\n  PUBLIC_DIR=${path.dirname(uploadsTo)}`}
i uruchom CMS ponownie. Plik SQLite został tylko odczytany: powrót to przywrócenie poprzednich ustawień.
`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`✖ ${message}`);
  // Strapi's tables stay in the target after a failed copy (the copy itself is rolled back).
  if (!/nie jest pusta|Podaj bazę|--to musi|--uploads-to/.test(message)) console.error('  Baza docelowa może już mieć tabele Strapi: po usunięciu przyczyny uruchom polecenie ponownie z --force.');
  process.exitCode = 1;
});
