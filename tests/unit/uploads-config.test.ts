import { describe, expect, it } from 'vitest';
import { mediaOrigin, s3ProviderConfig, uploadTarget } from '../../cms/src/operations/uploads';

const envOf = (values: Record<string, string>) => (name: string, fallback?: string) => values[name] ?? fallback;
const r2 = { UPLOAD_PROVIDER: 's3', S3_BUCKET: 'centrum', S3_ENDPOINT: 'https://abc123.r2.cloudflarestorage.com/', S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: 'secret', S3_PUBLIC_URL: 'https://media.co.krakow.pl' };

describe('where uploads go', () => {
  it('stays on the CMS\'s disk unless told otherwise', () => {
    expect(uploadTarget(envOf({}))).toEqual({ kind: 'local' });
    expect(mediaOrigin({ kind: 'local' })).toBeNull();
  });

  it('reads an S3-compatible store from the environment, with its public address for browsers and builds', () => {
    const target = uploadTarget(envOf(r2));
    expect(target).toMatchObject({ kind: 's3', bucket: 'centrum', region: 'auto', endpoint: 'https://abc123.r2.cloudflarestorage.com', forcePathStyle: false, publicUrl: 'https://media.co.krakow.pl' });
    expect(mediaOrigin(target)).toBe('https://media.co.krakow.pl');
    if (target.kind !== 's3') throw new Error('expected S3');
    const config = s3ProviderConfig(target);
    expect(config.provider).toBe('aws-s3');
    expect(config.providerOptions.baseUrl).toBe('https://media.co.krakow.pl');
    // No ACL unless asked for: buckets without ACLs refuse the provider's default public-read.
    expect(config.providerOptions.s3Options.params).toEqual({ Bucket: 'centrum', ACL: undefined });
  });

  it('names the origin previews come from without a public address: the endpoint, or AWS\'s own', () => {
    expect(mediaOrigin(uploadTarget(envOf({ ...r2, S3_PUBLIC_URL: '' })))).toBe('https://centrum.abc123.r2.cloudflarestorage.com');
    expect(mediaOrigin(uploadTarget(envOf({ ...r2, S3_PUBLIC_URL: '', S3_FORCE_PATH_STYLE: 'true', S3_ENDPOINT: 'http://127.0.0.1:9000' })))).toBe('http://127.0.0.1:9000');
    expect(mediaOrigin(uploadTarget(envOf({ ...r2, S3_PUBLIC_URL: '', S3_ENDPOINT: '', S3_REGION: 'eu-central-1' })))).toBe('https://centrum.s3.eu-central-1.amazonaws.com');
    // R2 and MinIO take any region name; AWS itself needs the bucket's.
    expect(() => uploadTarget(envOf({ ...r2, S3_ENDPOINT: '' }))).toThrow(/needs S3_REGION \(e\.g\. eu-central-1\) when S3_ENDPOINT is not set/);
  });

  it('refuses a missing or mistyped setting at start, by name', () => {
    expect(() => uploadTarget(envOf({ UPLOAD_PROVIDER: 's3' }))).toThrow('UPLOAD_PROVIDER=s3 needs S3_BUCKET.');
    expect(() => uploadTarget(envOf({ ...r2, S3_SECRET_ACCESS_KEY: '' }))).toThrow('UPLOAD_PROVIDER=s3 needs S3_SECRET_ACCESS_KEY.');
    expect(() => uploadTarget(envOf({ ...r2, S3_ENDPOINT: 'r2.example' }))).toThrow(/S3_ENDPOINT="r2.example" is not an address/);
    expect(() => uploadTarget(envOf({ ...r2, S3_FORCE_PATH_STYLE: 'yes' }))).toThrow(/S3_FORCE_PATH_STYLE="yes" must be true or false/);
    expect(() => uploadTarget(envOf({ UPLOAD_PROVIDER: 'ftp' }))).toThrow(/UPLOAD_PROVIDER="ftp" is not supported/);
    expect(() => uploadTarget(envOf({ ...r2, S3_PUBLIC_URL: 'http://media.co.krakow.pl' }))).toThrow(/S3_PUBLIC_URL=.*must start with https:\/\//);
  });
});
