import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../scripts/build-site.ts';
import { adminBuildIsCurrent, buildAdmin } from '../../scripts/lib/cms.ts';
import { startMailCatcher } from '../../scripts/lib/mail-catcher.ts';
import { startSeededCms } from '../../scripts/lib/seeded-cms.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { createDatabase } from '../../scripts/lib/temp-database.ts';
import { tempResources } from '../support/temp-resources.ts';
import type { SiteContext } from './context.ts';

/**
 * The site the browser suite looks at: a real Strapi with the seed content on a temp database,
 * one real `astro build` from it, served by the same static server `npm start` uses. The CMS
 * keeps running for the sign-up forms, which post to it (with a real SMTP server catching its
 * mails); everything else on the pages is static.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { dir: tempDir, add, cleanup } = tempResources('co-browser-test-');
  try {
    const dir = path.join(tempDir, 'dist');
    // Started first, so the CMS knows where to send visitors back after a form.
    const server = await startStaticServer({ port: 0, root: () => dir });
    add(server.close);
    const mail = await startMailCatcher();
    add(mail.close);
    const mailUrl = await mail.listenWeb(0);
    const database = await createDatabase(tempDir);
    add(database.drop);
    // The editors' side of sign-ups is tested in the admin panel itself (≈ 2 minutes to build, once per install).
    if (!adminBuildIsCurrent()) await buildAdmin();
    const cms = await startSeededCms({
      tempDir,
      database: database.env,
      env: { SCHEDULED_PUBLISHING: 'false', SITE_URL: server.url, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mail.smtpPort), SERVE_ADMIN_PANEL: 'true', REGISTRATION_TIMED_WORK: 'false' },
    });
    add(cms.stop);
    const admin = { email: 'redakcja@co.example.pl', password: 'Testowe-Haslo-123' };
    const registered = await fetch(`${cms.url}/admin/register-admin`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ firstname: 'Redakcja', lastname: 'Testowa', ...admin }) });
    if (!registered.ok) throw new Error(`Registering the test admin failed: ${registered.status} ${await registered.text()}`);
    await buildSite(dir, { STRAPI_URL: cms.url, STRAPI_TOKEN: cms.readToken, SITE_URL: 'https://co.krakow.pl', PUBLIC_CMS_URL: cms.url, SITE_CACHE_DIR: path.join(tempDir, 'cache') }, { capture: true });
    const context: SiteContext = { url: server.url, dir, cmsUrl: cms.url, mailUrl, readToken: cms.readToken, admin };
    project.provide('site', context);
    return cleanup;
  } catch (error) {
    await cleanup();
    throw error;
  }
}
