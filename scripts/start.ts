/**
 * npm start: the whole system on this machine — the CMS on SQLite (seeded when empty, with an
 * administrator and a read-only token), the public site built from it and served on
 * http://localhost:4321, and the rebuild service that republishes it whenever an editor
 * publishes. Ctrl-C stops everything.
 */
import path from 'node:path';
import { SITE_DIR } from './lib/paths.ts';
import { ensureCmsEnv } from './lib/cms-env.ts';
import { adminBuildIsCurrent, assertPortFree, buildAdmin, compileCms, runCmsScript, startStrapi, stopProcess, waitForStrapi } from './lib/cms.ts';
import { parseShrinkLimit } from './lib/build-guard.ts';
import { formatMs, info, step } from './lib/log.ts';
import { createRebuildService } from './lib/rebuild-service.ts';
import { createReleaseStore } from './lib/releases.ts';
import { setting } from './lib/run-cms.ts';
import { startStaticServer } from './lib/static-server.ts';
import { startMailCatcher, type MailCatcher } from './lib/mail-catcher.ts';
import { DEFAULT_PREVIEW_DIR, DEFAULT_PREVIEW_PORT, startPreviewServer, type PreviewServer } from './lib/preview.ts';

/** A seed person listed on an organisation's profile (cms/seed/organizations.json), to try the panel with. */
const PANEL_DEMO_PERSON = 'marta.kowalczyk@sasiedzizgrzegorzek.example.pl';

/** Where the served site lives: releases plus the `live` link (git-ignored). */
export const SERVE_DIR = path.join(SITE_DIR, 'serve');
/** Mails the local catcher received, as .eml files (git-ignored). */
export const MAIL_DIR = path.join(SITE_DIR, '..', '.mail');

async function main(): Promise<void> {
  const started = performance.now();
  const generated = ensureCmsEnv();
  if (generated.length > 0) info(`Utworzono sekrety w cms/.env: ${generated.join(', ')}.`);

  const cmsPort = Number(setting('PORT', '1337'));
  const cmsHost = setting('HOST', '0.0.0.0');
  const sitePort = Number(setting('SITE_PORT', '4321'));
  const rebuildPort = Number(setting('REBUILD_PORT', '4400'));
  const secret = setting('REBUILD_SECRET', '');
  // Checked before anything starts: a typo must not switch the guard off.
  const shrinkLimit = parseShrinkLimit(setting('REBUILD_SHRINK_LIMIT', ''));
  const previewPort = Number(setting('PREVIEW_PORT', String(DEFAULT_PREVIEW_PORT)));
  const previewEnabled = setting('PREVIEW_ENABLED', 'true') === 'true';
  const siteUrl = setting('SITE_URL', `http://localhost:${sitePort}`);
  // Without an SMTP server of its own, the CMS mails a local catcher whose page shows each mail.
  const catchMail = setting('SMTP_HOST', '') === '';
  const mailPort = Number(setting('MAIL_CATCHER_PORT', '4500'));
  const mailSmtpPort = Number(setting('MAIL_CATCHER_SMTP_PORT', '1025'));
  await assertPortFree(cmsPort, cmsHost, 'PORT');
  if (previewEnabled) await assertPortFree(previewPort, '127.0.0.1', 'PREVIEW_PORT');
  await assertPortFree(sitePort, '127.0.0.1', 'SITE_PORT');
  await assertPortFree(rebuildPort, '127.0.0.1', 'REBUILD_PORT');
  if (catchMail) {
    await assertPortFree(mailPort, '127.0.0.1', 'MAIL_CATCHER_PORT');
    await assertPortFree(mailSmtpPort, '127.0.0.1', 'MAIL_CATCHER_SMTP_PORT');
  }

  await step('Kompilacja CMS (TypeScript)', compileCms);
  if (!adminBuildIsCurrent()) await step('Budowanie panelu administracyjnego (po instalacji lub zmianach, ok. minuty)', buildAdmin);
  await step('Przykładowe treści (tylko gdy baza jest pusta)', () => runCmsScript('seed', ['--if-empty']));
  const admin = await step('Konto administratora', async () =>
    JSON.parse(await runCmsScript('ensure-admin', [], { capture: true })) as { created: boolean; email?: string; password?: string; generated?: boolean });
  const token = await step('Token tylko do odczytu dla budowania strony', async () => (await runCmsScript('create-api-token', [], { capture: true })).trim());

  let mail: MailCatcher | null = null;
  let mailPage = '';
  if (catchMail) {
    mail = await startMailCatcher({ port: mailSmtpPort, saveDir: MAIL_DIR });
    mailPage = await mail.listenWeb(mailPort);
  }

  const strapiUrl = `http://127.0.0.1:${cmsPort}`;
  const strapi = startStrapi({
    env: {
      REBUILD_WEBHOOK_URL: `http://127.0.0.1:${rebuildPort}/webhook`,
      PREVIEW_URL: setting('PREVIEW_URL', `http://localhost:${previewPort}`),
      // Sign-up forms send visitors back to the site, and mails link to it.
      SITE_URL: siteUrl,
      ...(catchMail ? { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mailSmtpPort), SMTP_SECURE: 'false' } : {}),
    },
  });
  await step('Uruchamianie Strapi', () => waitForStrapi(strapiUrl, strapi));

  const releases = createReleaseStore(SERVE_DIR);
  let preview: PreviewServer | null = null;
  const service = createRebuildService({
    onContentChange: () => preview?.invalidate(),
    strapiUrl,
    token,
    siteUrl,
    publicCmsUrl: setting('PUBLIC_CMS_URL', setting('PUBLIC_URL', '') || `http://localhost:${cmsPort}`),
    secret,
    releases,
    shrinkLimit,
    force: setting('REBUILD_FORCE', 'false') === 'true',
  });
  const rebuildApi = await service.listen(rebuildPort, '127.0.0.1');
  const site = await startStaticServer({ port: sitePort, host: '127.0.0.1', root: () => releases.liveDir() });
  if (previewEnabled) {
    preview = await startPreviewServer({
      port: previewPort,
      host: '127.0.0.1',
      strapiUrl,
      token,
      secret: setting('PREVIEW_SECRET', ''),
      workDir: DEFAULT_PREVIEW_DIR,
      siteUrl,
      publicDirs: [SERVE_DIR],
    });
  }

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nZatrzymywanie…\n');
    await service.close();
    await Promise.all([rebuildApi.close(), site.close(), preview?.close(), stopProcess(strapi), mail?.close()]);
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  strapi.once('exit', (code) => {
    if (!stopping) {
      console.error(`Strapi zakończył działanie (kod ${code}); zatrzymuję resztę.`);
      void stop(1);
    }
  });

  if (releases.liveDir()) {
    // A second start serves the last good site at once and refreshes it in the background.
    service.request('npm start');
    info('Strona z poprzedniego uruchomienia jest już dostępna; odświeżam ją w tle.');
  } else {
    await step('Pierwsze budowanie strony', async () => {
      service.request('npm start');
      await service.idle();
      const last = service.status().lastBuild;
      if (last?.result !== 'ok') throw new Error(`The first site build did not succeed: ${last?.error ?? 'unknown reason'}`);
    });
  }

  process.stdout.write(`\nGotowe w ${formatMs(performance.now() - started)}:\n`);
  info(`Strona:                 http://localhost:${sitePort}/`);
  info(`Panel administracyjny:  http://localhost:${cmsPort}/admin`);
  if (admin.created) {
    info(`  konto: ${admin.email}  hasło: ${admin.password}${admin.generated ? '  (wygenerowane – zapisz je teraz, nie pokażemy go ponownie)' : ''}`);
  }
  info(`Panel organizacji:      http://localhost:${sitePort}/dla-organizacji/  (logowanie linkiem z e-maila; np. ${PANEL_DEMO_PERSON})`);
  info(`Status przebudowy:      http://127.0.0.1:${rebuildPort}/status`);
  if (mail) info(`Poczta testowa:         ${mailPage}  (maile z CMS, m.in. zapisy i reset hasła; kopie .eml w .mail/)`);
  if (preview) info(`Podgląd szkiców:        przycisk „Podgląd” w panelu (serwer ${preview.url})`);
  info('Opublikowanie wpisu w panelu przebuduje stronę w kilka–kilkanaście sekund. Zatrzymanie: Ctrl-C');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
