import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../../scripts/lib/backup.ts';
import { startSeededCms, type SeededCms } from '../../scripts/lib/seeded-cms.ts';
import { CMS_DIR } from '../../scripts/lib/paths.ts';
import { startS3 } from '../support/s3-server.ts';
import { tempResources } from '../support/temp-resources.ts';
import { cms as suiteCms } from './client.ts';

/**
 * Uploads on S3-compatible storage (UPLOAD_PROVIDER=s3): a CMS of its own, seeded, against a local
 * S3 server. The provider is the same on either database, so this runs in the SQLite suite only.
 */
const canRun = suiteCms().env.DATABASE_CLIENT !== 'postgres';
const resources = tempResources('co-s3-test-');
let cms: SeededCms;
let s3: Awaited<ReturnType<typeof startS3>>;

interface UploadFile {
  id: number;
  name: string;
  url: string;
  hash: string;
  ext: string;
  formats: Record<string, { url: string }> | null;
}

beforeAll(async () => {
  if (!canRun) return;
  s3 = await startS3(path.join(resources.dir, 's3'));
  resources.add(s3.close);
  cms = await startSeededCms({ tempDir: resources.dir, env: s3.env });
  resources.add(cms.stop);
}, 300_000);

afterAll(() => resources.cleanup());

const files = async (): Promise<UploadFile[]> => {
  const response = await fetch(`${cms.url}/api/upload/files?pagination[pageSize]=500`, { headers: { Authorization: `Bearer ${cms.fullToken}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as UploadFile[];
};

describe.skipIf(!canRun)('uploads on S3-compatible storage', () => {
  it('put every seeded file and its resized copies into the bucket, none on the CMS\'s disk', async () => {
    const list = await files();
    expect(list.length).toBeGreaterThan(10);
    const keys = new Set(s3.objects());
    for (const file of list) {
      expect(file.url.startsWith(`${s3.endpoint}/${s3.bucket}/`), file.url).toBe(true);
      expect(keys.has(`${file.hash}${file.ext}`), file.name).toBe(true);
      for (const format of Object.values(file.formats ?? {})) expect(keys.has(format.url.slice(`${s3.endpoint}/${s3.bucket}/`.length)), format.url).toBe(true);
    }
    const localUploads = path.join(resources.dir, 'public', 'uploads');
    expect(existsSync(localUploads) ? filesUnder(localUploads) : []).toEqual([]);
  });

  it('serve each file from the bucket byte for byte as uploaded, for the site build to fetch', async () => {
    const image = (await files()).find((file) => file.ext === '.jpg' || file.ext === '.png')!;
    const response = await fetch(image.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\//);
    const stored = Buffer.from(await response.arrayBuffer());
    expect(stored.equals(readFileSync(path.join(resources.dir, 's3', s3.bucket, `${image.hash}${image.ext}._S3rver_object`)))).toBe(true);
  });

  it('upload a new file from the admin into the bucket, and delete it from there', async () => {
    const form = new FormData();
    const bytes = readFileSync(path.join(CMS_DIR, 'seed', 'media', 'images', readdirSync(path.join(CMS_DIR, 'seed', 'media', 'images')).find((name) => name.endsWith('.jpg'))!));
    form.append('files', new Blob([bytes], { type: 'image/jpeg' }), 'nowe-zdjecie.jpg');
    form.append('fileInfo', JSON.stringify({ alternativeText: 'Nowe zdjęcie sali' }));
    const response = await fetch(`${cms.url}/api/upload`, { method: 'POST', headers: { Authorization: `Bearer ${cms.fullToken}` }, body: form });
    expect(response.status, await response.clone().text()).toBe(201);
    const [uploaded] = (await response.json()) as UploadFile[];
    expect(uploaded!.url.startsWith(`${s3.endpoint}/${s3.bucket}/`)).toBe(true);
    // Strapi re-encodes the original (size optimisation): what the bucket serves is that JPEG.
    const fetched = Buffer.from(await (await fetch(uploaded!.url)).arrayBuffer());
    expect([...fetched.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect(fetched.equals(readFileSync(path.join(resources.dir, 's3', s3.bucket, `${uploaded!.hash}${uploaded!.ext}._S3rver_object`)))).toBe(true);

    const removed = await fetch(`${cms.url}/api/upload/files/${uploaded!.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${cms.fullToken}` } });
    expect(removed.status).toBe(200);
    expect((await fetch(uploaded!.url)).status).toBe(404);
    expect(s3.objects().some((key) => key.startsWith(uploaded!.hash))).toBe(false);
  });
});
