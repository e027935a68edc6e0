import S3rver from 's3rver';
import { filesUnder } from '../../scripts/lib/files.ts';
import path from 'node:path';
import { existsSync } from 'node:fs';

/**
 * A local S3-compatible server (s3rver) with one bucket, for the uploads of a test CMS: the same
 * protocol as AWS S3, R2 or MinIO, on 127.0.0.1 and a free port, keeping objects in `directory`.
 */
export async function startS3(directory: string, bucket = 'centrum-media'): Promise<{ endpoint: string; bucket: string; env: Record<string, string>; objects: () => string[]; close: () => Promise<void> }> {
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }], vhostBuckets: false });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    // s3rver's fixed credentials; path-style addresses (no bucket subdomains on 127.0.0.1).
    env: { UPLOAD_PROVIDER: 's3', S3_BUCKET: bucket, S3_ENDPOINT: endpoint, S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: 'true', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' },
    // s3rver keeps each object as <key>._S3rver_object beside its metadata.
    objects: () => (existsSync(path.join(directory, bucket)) ? filesUnder(path.join(directory, bucket)).filter((f) => f.endsWith('._S3rver_object')).map((f) => f.slice(0, -'._S3rver_object'.length)) : []),
    close: () => server.close(),
  };
}
