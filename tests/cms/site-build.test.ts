import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build-site.ts';
import { freePort } from '../../scripts/lib/cms.ts';
import { attachmentPath, type MediaFile } from '../../site/src/lib/media';
import { cms, listAll } from './client.ts';

type Doc = { documentId: string; title: string; startsAt: string };

const tempDir = mkdtempSync(path.join(tmpdir(), 'co-site-test-'));
const outDir = path.join(tempDir, 'dist');
let html = '';

const allFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? allFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));

beforeAll(async () => {
  await buildSite(outDir, { STRAPI_URL: cms().url, STRAPI_TOKEN: cms().readToken, SITE_URL: 'https://co.krakow.pl' }, { capture: true });
  html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
}, 120_000);

afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

describe('static site build from the CMS', () => {
  it('builds a Polish home page with upcoming events, news and topics from the CMS', async () => {
    expect(html).toContain('<html lang="pl"');
    expect(html).toContain('<h1>Centrum Obywatelskie</h1>');
    const topics = await listAll<{ name: string }>('categories');
    for (const topic of topics) expect(html).toContain(topic.name.replace('&', '&amp;'));
    expect(html.match(/<time datetime="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+0[12]:00">/g)?.length).toBeGreaterThan(0);
  });

  it('carries its own copy of every guide attachment, byte for byte', async () => {
    const guides = await listAll<{ attachments: MediaFile[] | null }>('guides', 'populate=attachments');
    const files = guides.flatMap((g) => g.attachments ?? []);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const copy = readFileSync(path.join(outDir, attachmentPath(file)));
      const original = Buffer.from(await (await fetch(`${cms().url}${file.url}`)).arrayBuffer());
      expect(copy.equals(original), file.name).toBe(true);
    }
  });

  it('contains no drafts, although the build token could read them', async () => {
    const drafts = await listAll<Doc>('events', 'status=draft', 'full');
    const published = new Set((await listAll<Doc>('events', 'status=published', 'full')).map((e) => e.documentId));
    const draftOnly = drafts.filter((d) => !published.has(d.documentId));
    expect(draftOnly.length).toBeGreaterThan(0);
    const output = allFiles(outDir).map((file) => readFileSync(file, 'utf8')).join('\n');
    for (const draft of draftOnly) expect(output).not.toContain(draft.title);
  });

  it('fails loudly when the CMS is unreachable and keeps the previous output', async () => {
    const before = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    const closedPort = await freePort();
    const failure = await buildSite(outDir, { STRAPI_URL: `http://127.0.0.1:${closedPort}` }, { capture: true }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(new RegExp(`127\\.0\\.0\\.1:${closedPort}/api/.*Is Strapi running`));
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe(before);
  }, 120_000);
});
