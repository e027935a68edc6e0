/**
 * Where uploaded files go: the CMS's own disk (one instance, the default), or S3-compatible object
 * storage (AWS S3, Cloudflare R2, MinIO, …) that every instance reaches, through Strapi's official
 * provider. Read from the environment by config/plugins.ts and config/middlewares.ts; a missing
 * setting stops the CMS at start with its name rather than failing at the first upload.
 */

export type Env = (name: string, fallback?: string) => string | undefined;

export interface S3Settings {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  /** Where browsers and site builds fetch the files (a CDN, the bucket's public address); else S3's own address. */
  publicUrl?: string;
  rootPath?: string;
  /** A canned ACL for each object (public-read on buckets that use ACLs); none by default. */
  acl?: string;
}

export type UploadTarget = { kind: 'local' } | ({ kind: 's3' } & S3Settings);

const httpUrl = (name: string, value: string): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name}="${value}" is not an address: expected e.g. https://…`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${name}="${value}" must start with https:// (or http:// for a local test server).`);
  return value.replace(/\/+$/, '');
};

export function uploadTarget(env: Env): UploadTarget {
  const provider = env('UPLOAD_PROVIDER', 'local') || 'local';
  if (provider === 'local') return { kind: 'local' };
  if (provider !== 's3') throw new Error(`UPLOAD_PROVIDER="${provider}" is not supported: use "local" (default) or "s3".`);
  const required = (name: string): string => {
    const value = env(name, '')?.trim();
    if (!value) throw new Error(`UPLOAD_PROVIDER=s3 needs ${name}.`);
    return value;
  };
  const endpoint = env('S3_ENDPOINT', '')?.trim();
  const publicUrl = env('S3_PUBLIC_URL', '')?.trim();
  const forcePathStyle = env('S3_FORCE_PATH_STYLE', 'false');
  if (forcePathStyle !== 'true' && forcePathStyle !== 'false') throw new Error(`S3_FORCE_PATH_STYLE="${forcePathStyle}" must be true or false.`);
  const bucket = required('S3_BUCKET');
  const region = env('S3_REGION', '')?.trim();
  // AWS itself needs the bucket's region; R2 takes "auto", MinIO any.
  if (!endpoint && !region) throw new Error('UPLOAD_PROVIDER=s3 needs S3_REGION (e.g. eu-central-1) when S3_ENDPOINT is not set (AWS S3).');
  // Site builds download CMS images only from https addresses (site/astro.config.mjs, image.remotePatterns).
  if (publicUrl && !publicUrl.startsWith('https://')) throw new Error(`S3_PUBLIC_URL="${publicUrl}" must start with https://: the site build fetches images only from https addresses.`);
  return {
    kind: 's3',
    bucket,
    region: region || 'auto',
    endpoint: endpoint ? httpUrl('S3_ENDPOINT', endpoint) : undefined,
    forcePathStyle: forcePathStyle === 'true',
    accessKeyId: required('S3_ACCESS_KEY_ID'),
    secretAccessKey: required('S3_SECRET_ACCESS_KEY'),
    publicUrl: publicUrl ? httpUrl('S3_PUBLIC_URL', publicUrl) : undefined,
    rootPath: env('S3_ROOT_PATH', '')?.trim() || undefined,
    acl: env('S3_ACL', '')?.trim() || undefined,
  };
}

/** The upload plugin's provider settings for Strapi's aws-s3 provider. */
export function s3ProviderConfig(s3: S3Settings) {
  return {
    provider: 'aws-s3',
    providerOptions: {
      baseUrl: s3.publicUrl,
      rootPath: s3.rootPath,
      s3Options: {
        credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
        region: s3.region,
        ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
        forcePathStyle: s3.forcePathStyle,
        // Checksums only where S3 requires them: the SDK's newer default (streamed CRC32 trailers)
        // is not understood by every S3-compatible server.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        // ACL present even when unset: the provider would otherwise add public-read, which buckets
        // without ACLs (AWS's default since 2023, R2) refuse.
        params: { Bucket: s3.bucket, ACL: s3.acl },
      },
    },
    actionOptions: { upload: {}, uploadStream: {}, delete: {} },
  };
}

/** The origin the admin panel loads media previews from, for its Content-Security-Policy. */
export function mediaOrigin(target: UploadTarget): string | null {
  if (target.kind === 'local') return null;
  if (target.publicUrl) return new URL(target.publicUrl).origin;
  if (target.endpoint) {
    const endpoint = new URL(target.endpoint);
    return target.forcePathStyle ? endpoint.origin : `${endpoint.protocol}//${target.bucket}.${endpoint.host}`;
  }
  return `https://${target.bucket}.s3.${target.region === 'auto' ? 'us-east-1' : target.region}.amazonaws.com`;
}
