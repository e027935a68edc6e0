import type { Core } from '@strapi/strapi';
import { s3ProviderConfig, uploadTarget } from '../src/operations/uploads';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const uploads = uploadTarget((name, fallback) => env(name, fallback));
  return {
    // Sign-up mails and the admin's password reset go out through SMTP (nodemailer). `npm start`
    // points this at its local mail catcher; production sets a real server.
    email: {
      config: {
        provider: 'nodemailer',
        providerOptions: {
          host: env('SMTP_HOST', '127.0.0.1'),
          port: env.int('SMTP_PORT', 1025),
          // true = TLS from the first byte (port 465); false = plain, upgraded with STARTTLS when offered.
          secure: env.bool('SMTP_SECURE', false),
          requireTLS: env.bool('SMTP_REQUIRE_TLS', false),
          ...(env('SMTP_USER', '') ? { auth: { user: env('SMTP_USER'), pass: env('SMTP_PASSWORD', '') } } : {}),
          // A few SMTP connections kept open and reused: a connection (and TLS handshake) per mail
          // was most of a sign-up's time.
          pool: env.bool('SMTP_POOL', true),
          maxConnections: env.int('SMTP_MAX_CONNECTIONS', 5),
          connectionTimeout: env.int('SMTP_TIMEOUT_MS', 10_000),
          greetingTimeout: env.int('SMTP_TIMEOUT_MS', 10_000),
          socketTimeout: env.int('SMTP_TIMEOUT_MS', 10_000),
        },
        settings: {
          defaultFrom: env('MAIL_FROM', 'Centrum Obywatelskie <zapisy@co.example.pl>'),
          defaultReplyTo: env('MAIL_REPLY_TO', 'kontakt@co.example.pl'),
        },
      },
    },
    'users-permissions': {
      config: { jwtSecret: env('JWT_SECRET') },
    },
    // Uploads on the CMS's disk (one instance), or on S3-compatible storage that every instance
    // reaches (UPLOAD_PROVIDER=s3, src/operations/uploads.ts).
    upload: {
      config:
        uploads.kind === 's3'
          ? s3ProviderConfig(uploads)
          : {
              providerOptions: {
                // Site builds keep resized copies of CMS images and reuse them while the CMS says they are
                // fresh (Strapi's default, max-age=0, made every build download and re-encode every image).
                // Image fields are versioned by the site (?v=<updatedAt>), so a replaced image is fetched at
                // once; an image only linked from Markdown text may stay old for this long.
                localServer: { maxage: env.int('UPLOADS_CACHE_SECONDS', 3600) * 1000 },
              },
            },
    },
  };
};
