import { ensureCmsEnv, parseEnv } from './cms-env.ts';
import { adminBuildIsCurrent, assertPortFree, buildAdmin, compileCms, runCmsScript, startStrapi, stopProcess, waitForStrapi } from './cms.ts';
import { info, step } from './log.ts';
import { readFileSync } from 'node:fs';
import { CMS_ENV_FILE } from './paths.ts';

/** A setting from the environment, else cms/.env, else the default. */
export function setting(name: string, fallback: string): string {
  return process.env[name] ?? parseEnv(readFileSync(CMS_ENV_FILE, 'utf8'))[name] ?? fallback;
}

/**
 * Shared by `npm start` and `npm run cms`: secrets, compile, admin build when missing, optional
 * seeding of an empty database, then Strapi in the foreground until Ctrl-C.
 */
export async function runCms({ seedIfEmpty }: { seedIfEmpty: boolean }): Promise<void> {
  const generated = ensureCmsEnv();
  if (generated.length > 0) info(`Utworzono cms/.env z nowymi sekretami (${generated.join(', ')}).`);
  const port = Number(setting('PORT', '1337'));
  const host = setting('HOST', '0.0.0.0');
  await assertPortFree(port, host, 'PORT');

  await step('Kompilacja CMS (TypeScript)', compileCms);
  if (!adminBuildIsCurrent()) await step('Budowanie panelu administracyjnego (po instalacji lub zmianach, ok. minuty)', buildAdmin);
  if (seedIfEmpty) await step('Przykładowe treści (tylko gdy baza jest pusta)', () => runCmsScript('seed', ['--if-empty']));

  const strapi = startStrapi();
  const stop = () => void stopProcess(strapi).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const local = `http://localhost:${port}`;
  await step('Uruchamianie Strapi', () => waitForStrapi(`http://127.0.0.1:${port}`, strapi));
  info(`Panel administracyjny: ${local}/admin`);
  info(`API treści:            ${local}/api/events, ${local}/api/guides, …`);
  info('Zatrzymanie: Ctrl-C');
  await new Promise<void>((resolve) => strapi.once('exit', () => resolve()));
  if (strapi.exitCode && strapi.exitCode !== 0) throw new Error(`Strapi stopped with exit code ${strapi.exitCode}.`);
}
