import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../scripts/lib/preview.ts';
import { UI } from '../../site/src/lib/ui';
import { paths } from '../../site/src/lib/urls';
import { call, cms, listAll, type StrapiErrorBody } from './client.ts';

/**
 * The draft preview end to end: the admin's "Open preview" link (cms/config/admin.ts), the preview
 * server (scripts/lib/preview.ts) building the real site from the test CMS's drafts, and the draft
 * staying out of everything public.
 */
type Guide = { documentId: string; slug: string; title: string; publishedAt: string | null; category?: { slug: string } | null };

const tempDir = mkdtempSync(path.join(tmpdir(), 'co-preview-test-'));
const workDir = path.join(tempDir, 'preview');
const DRAFT_TITLE = 'Szkic: jak rozliczyć mikrogrant (wersja robocza)';
const created: string[] = [];
let preview: PreviewServer | null = null;
let draft: Guide;
let topicSlug: string;
let unfinished: Guide;

async function createDraftGuide(data: Record<string, unknown>): Promise<Guide> {
  const response = await call<{ data: Guide } | StrapiErrorBody>('POST', '/api/guides?status=draft', { auth: 'full', body: { data } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  const guide = (response.body as { data: Guide }).data;
  created.push(guide.documentId);
  return guide;
}

/** The admin's preview link, as the admin panel fetches it for the edit view. */
async function adminPreviewUrl(uid: string, query: string): Promise<{ status: number; url: string | undefined }> {
  const { status, body } = await call<{ data?: { url?: string } } | null>('GET', `/content-manager/preview/url/${uid}?${query}`, { auth: 'admin' });
  return { status, url: body?.data?.url };
}

/** The admin's link pointed at the preview server under test (the CMS's default address is another port). */
const atPreview = (adminUrl: string): string => {
  const url = new URL(adminUrl);
  return `${preview!.url}${url.pathname}${url.search}`;
};

const openPreview = (url: string, cookie?: string) => fetch(url, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });

beforeAll(async () => {
  const [topic] = await listAll<{ documentId: string; slug: string }>('categories');
  topicSlug = topic!.slug;
  draft = await createDraftGuide({ title: DRAFT_TITLE, summary: 'Krok po kroku: faktury, zestawienie i sprawozdanie.', body: '## Zanim zaczniesz\n\nZbierz faktury.', category: topic!.documentId, audience: 'ngo' });
  // Strapi checks required fields only on publish, so a draft may still lack its summary and body.
  unfinished = await createDraftGuide({ title: 'Niedokończony szkic poradnika' });
  preview = await startPreviewServer({
    port: 0,
    host: '127.0.0.1',
    strapiUrl: cms().url,
    token: cms().readToken,
    secret: cms().env.PREVIEW_SECRET!,
    workDir,
    siteUrl: 'https://co.krakow.pl',
    publicDirs: [path.join(tempDir, 'public')],
    log: () => {},
  });
});

afterAll(async () => {
  await preview?.close();
  for (const documentId of created) await call('DELETE', `/api/guides/${documentId}`, { auth: 'full' });
  rmSync(tempDir, { recursive: true, force: true });
});

describe('the admin panel\'s preview link', () => {
  it('points a guide, event, article, organization, room, page or volunteering offer at the preview server, with the secret', async () => {
    expect(cms().env.PREVIEW_SECRET).toBeTruthy();
    const { status, url } = await adminPreviewUrl('api::guide.guide', `documentId=${draft.documentId}&status=draft`);
    expect(status).toBe(200);
    const link = new URL(url!);
    expect(link.origin).toBe('http://localhost:4322');
    expect(link.pathname).toBe('/podglad/');
    expect(Object.fromEntries(link.searchParams)).toEqual({ uid: 'api::guide.guide', documentId: draft.documentId, status: 'draft', secret: cms().env.PREVIEW_SECRET });
    // The side panel asks with the document's state, which may be "modified": that is the draft.
    expect(new URL((await adminPreviewUrl('api::guide.guide', `documentId=${draft.documentId}&status=modified`)).url!).searchParams.get('status')).toBe('draft');
    for (const [uid, plural] of [['api::event.event', 'events'], ['api::article.article', 'articles'], ['api::organization.organization', 'organizations'], ['api::room.room', 'rooms'], ['api::page.page', 'pages'], ['api::volunteer-offer.volunteer-offer', 'volunteer-offers']]) {
      const [doc] = await listAll<{ documentId: string }>(plural!);
      expect((await adminPreviewUrl(uid!, `documentId=${doc!.documentId}&status=published`)).url, uid).toContain(`/podglad/?uid=${encodeURIComponent(uid!)}&documentId=${doc!.documentId}&status=published&secret=`);
    }
  });

  it('offers nothing for types without a page of their own', async () => {
    const [topic] = await listAll<{ documentId: string }>('categories');
    const category = await adminPreviewUrl('api::category.category', `documentId=${topic!.documentId}&status=draft`);
    expect(category.status).toBe(204);
    expect(category.url).toBeUndefined();
    expect((await adminPreviewUrl('api::global.global', '')).url).toBeUndefined();
  });
});

describe('the preview server', () => {
  let cookie = '';

  it('builds the site from drafts and shows the draft\'s page with a banner, not for search engines', async () => {
    const { url } = await adminPreviewUrl('api::guide.guide', `documentId=${draft.documentId}&status=draft`);
    const response = await openPreview(atPreview(url!));
    expect(response.status, await response.clone().text()).toBe(302);
    const pagePath = paths.guide(topicSlug, draft.slug);
    expect(response.headers.get('location')).toBe(pagePath);
    cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;

    const page = await openPreview(`${preview!.url}${pagePath}`, cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    const html = await page.text();
    expect(html).toContain(`<h1>${DRAFT_TITLE}</h1>`);
    expect(html).toContain(UI.draftPreviewBanner);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    // The rest of the site is there too, root-relative links and all.
    const home = await openPreview(`${preview!.url}/`, cookie);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(UI.draftPreviewBanner);
    const styles = [...html.matchAll(/<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)"/g)].map((m) => m[1]!);
    expect(styles.length).toBeGreaterThan(0);
    for (const href of styles) expect((await openPreview(`${preview!.url}${href}`, cookie)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    // Builds stay in the preview's own folder.
    expect(readdirSync(workDir).some((name) => name.startsWith('site-'))).toBe(true);
  }, 240_000);

  it('refuses a wrong or missing secret, and shows no page without its cookie', async () => {
    const wrong = await openPreview(`${preview!.url}/podglad/?uid=api::guide.guide&documentId=${draft.documentId}&status=draft&secret=zgadniete`);
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Brak dostępu do podglądu');
    expect((await openPreview(`${preview!.url}/podglad/?uid=api::guide.guide&documentId=${draft.documentId}&status=draft`)).status).toBe(401);
    expect((await openPreview(`${preview!.url}${paths.guide(topicSlug, draft.slug)}`)).status).toBe(401);
  });

  it('says which field an unfinished draft still lacks, while the other drafts build', async () => {
    const { url } = await adminPreviewUrl('api::guide.guide', `documentId=${unfinished.documentId}&status=draft`);
    const response = await openPreview(atPreview(url!));
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Strona jeszcze nie powstała');
    expect(html).toContain(unfinished.documentId);
    expect(html).toMatch(/summary/);
  }, 240_000);

  it('stands in for the published version of an entry without unpublished changes', async () => {
    const [published] = await listAll<Guide>('guides', 'populate[category][fields][0]=slug');
    const { url } = await adminPreviewUrl('api::guide.guide', `documentId=${published!.documentId}&status=published`);
    const response = await openPreview(atPreview(url!));
    expect(response.status, await response.clone().text()).toBe(302);
    expect(response.headers.get('location')).toBe(paths.guide(published!.category?.slug, published!.slug));
  }, 240_000);
});

describe('the draft stays private', () => {
  it('is not in the public API, which is what the public build reads', async () => {
    expect((await call('GET', `/api/guides/${draft.documentId}`)).status).toBe(404);
    expect((await call('GET', `/api/guides/${draft.documentId}`, { auth: 'read' })).status).toBe(404);
    expect((await listAll<Guide>('guides', '', 'read')).map((g) => g.title)).not.toContain(DRAFT_TITLE);
  });
});
