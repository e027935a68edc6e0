import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../scripts/lib/cms.ts';
import { startMailCatcher } from '../../scripts/lib/mail-catcher.ts';
import { startSeededCms } from '../../scripts/lib/seeded-cms.ts';
import { createDatabase } from '../../scripts/lib/temp-database.ts';
import { tempResources } from '../support/temp-resources.ts';
import { TEST_ADMIN, type CmsContext } from './context.ts';

const SITE_URL = 'http://localhost:4321';

/**
 * Starts one real Strapi for the whole CMS suite: compiled from cms/, on a temp database and
 * upload folder, seeded with cms/seed, listening on a free port of 127.0.0.1. Everything is
 * removed afterwards, also when a test fails.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { dir: tempDir, add, cleanup } = tempResources('co-cms-test-');
  try {
    const database = await createDatabase(tempDir);
    add(database.drop);
    // The rebuild service under test listens here; Strapi's managed webhook points at it.
    const rebuildPort = await freePort();
    const rebuildSecret = randomBytes(18).toString('hex');
    // A real SMTP server on 127.0.0.1 catches the CMS's mails; test files read them over HTTP.
    const mail = await startMailCatcher();
    add(mail.close);
    const mailUrl = await mail.listenWeb(0);
    const seeded = await startSeededCms({
      tempDir,
      database: database.env,
      env: {
        SCHEDULED_PUBLISHING_CRON: '*/2 * * * * *',
        REBUILD_WEBHOOK_URL: `http://127.0.0.1:${rebuildPort}/webhook`,
        REBUILD_SECRET: rebuildSecret,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(mail.smtpPort),
        SITE_URL: SITE_URL,
        // Sign-up tests stand in for many visitors, each with its own address behind the proxy.
        IS_PROXIED: 'true',
        // The tests run the sign-ups' periodic work themselves, on their own clock.
        REGISTRATION_TIMED_WORK: 'false',
        // A booking window other than the default (2 days, 2 months), so that tests see the CMS
        // publish, enforce and the site build show the configured one. Requests the tests make for
        // 4 to 30 days ahead stay inside it; their "too far" dates are over 3 months ahead.
        ROOM_REQUEST_MIN_DAYS: '3',
        ROOM_REQUEST_MAX_MONTHS: '3',
      },
    });
    add(seeded.stop);
    const { url, env, fullToken, readToken } = seeded;

    const register = await fetch(`${url}/admin/register-admin`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ firstname: 'Redakcja', lastname: 'Testowa', ...TEST_ADMIN }),
    });
    if (!register.ok) throw new Error(`Registering the test admin failed: ${register.status} ${await register.text()}`);
    const adminToken = ((await register.json()) as { data: { token: string } }).data.token;

    const context: CmsContext = { url, env, fullToken, readToken, adminToken, firstSeedOutput: seeded.seedOutput, rebuildPort, rebuildSecret, mailUrl, siteUrl: SITE_URL };
    project.provide('cms', context);
    return cleanup;
  } catch (error) {
    await cleanup();
    throw error;
  }
}
