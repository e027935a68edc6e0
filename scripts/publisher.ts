/**
 * npm run publisher: the production half of `npm start` that is not the CMS — the rebuild service
 * (the CMS webhook → a new release of the site under site/serve/, which nginx serves through the
 * `live` link) and the draft preview. It talks to running CMS instances (STRAPI_URL, usually the
 * proxy in front of them) with a read-only token (STRAPI_TOKEN). Settings: environment, then
 * cms/.env. Stops on SIGTERM after the build in progress is cancelled (the live site stays).
 */
import path from 'node:path';
import { parseShrinkLimit } from './lib/build-guard.ts';
import { assertPortFree } from './lib/cms.ts';
import { info, step } from './lib/log.ts';
import { SITE_DIR } from './lib/paths.ts';
import { DEFAULT_PREVIEW_DIR, DEFAULT_PREVIEW_PORT, startPreviewServer, type PreviewServer } from './lib/preview.ts';
import { createRebuildService } from './lib/rebuild-service.ts';
import { createReleaseStore } from './lib/releases.ts';
import { setting } from './lib/run-cms.ts';

async function main(): Promise<void> {
  const required = (name: string): string => {
    const value = setting(name, '');
    if (!value) throw new Error(`${name} nie jest ustawione: ${{ STRAPI_URL: 'adres CMS (np. http://127.0.0.1:8080, proxy przed instancjami)', STRAPI_TOKEN: 'token tylko do odczytu (npm run --silent token)', PREVIEW_SECRET: 'sekret podglądu z cms/.env (albo PREVIEW_ENABLED=false)', SITE_URL: 'publiczny adres strony (np. https://co.krakow.pl)', REBUILD_SECRET: 'wspólny sekret z webhookiem CMS' }[name] ?? 'wymagane'}.`);
    return value;
  };
  const strapiUrl = required('STRAPI_URL');
  const token = required('STRAPI_TOKEN');
  const siteUrl = required('SITE_URL');
  const secret = required('REBUILD_SECRET');
  const rebuildPort = Number(setting('REBUILD_PORT', '4400'));
  const serveDir = path.resolve(setting('SITE_SERVE_DIR', path.join(SITE_DIR, 'serve')));
  const previewEnabled = setting('PREVIEW_ENABLED', 'true') === 'true';
  const previewSecret = previewEnabled ? required('PREVIEW_SECRET') : '';
  const previewPort = Number(setting('PREVIEW_PORT', String(DEFAULT_PREVIEW_PORT)));
  await assertPortFree(rebuildPort, '127.0.0.1', 'REBUILD_PORT');
  if (previewEnabled) await assertPortFree(previewPort, '127.0.0.1', 'PREVIEW_PORT');

  const releases = createReleaseStore(serveDir);
  let preview: PreviewServer | null = null;
  const service = createRebuildService({
    onContentChange: () => preview?.invalidate(),
    strapiUrl,
    token,
    siteUrl,
    publicCmsUrl: setting('PUBLIC_CMS_URL', setting('PUBLIC_URL', '') || strapiUrl),
    secret,
    releases,
    shrinkLimit: parseShrinkLimit(setting('REBUILD_SHRINK_LIMIT', '')),
    force: setting('REBUILD_FORCE', 'false') === 'true',
  });
  const api = await service.listen(rebuildPort, '127.0.0.1');
  if (previewEnabled) {
    preview = await startPreviewServer({ port: previewPort, host: '127.0.0.1', strapiUrl, token, secret: previewSecret, workDir: DEFAULT_PREVIEW_DIR, siteUrl, publicDirs: [serveDir] });
  }
  const stop = async () => {
    await service.close();
    await Promise.all([api.close(), preview?.close()]);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  info(`Usługa przebudowy: http://127.0.0.1:${rebuildPort}/webhook (status: /status), wydania w ${serveDir}`);
  if (preview) info(`Podgląd szkiców:   ${preview.url}`);
  // A machine set up afresh has no site yet: build one now; otherwise the next publication does.
  // A failure is said and the service stays up: the next publication (or POST /rebuild) tries again.
  if (!releases.liveDir()) {
    await step('Pierwsze budowanie strony', async () => {
      service.request('publisher start');
      await service.idle();
      const last = service.status().lastBuild;
      if (last?.result !== 'ok') throw new Error(`Pierwsze budowanie strony nie powiodło się: ${last?.error ?? 'nieznany powód'}`);
    }).catch((error: Error) => console.error(`✖ ${error.message} — usługa działa dalej; następna publikacja lub POST /rebuild spróbuje ponownie.`));
  }
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
