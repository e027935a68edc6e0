import type { Core } from '@strapi/strapi';
import { mediaOrigin, uploadTarget } from '../src/operations/uploads';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  // With uploads on S3 the admin shows previews from there: Strapi's default policy allows only itself.
  const media = mediaOrigin(uploadTarget((name, fallback) => env(name, fallback)));
  return [
    // Strapi's logger, minus the tokens of mailed links (src/middlewares/request-log.ts).
    'global::request-log',
    'strapi::errors',
    media
      ? {
          name: 'strapi::security',
          config: {
            contentSecurityPolicy: {
              useDefaults: true,
              directives: {
                'connect-src': ["'self'", 'https:'],
                'img-src': ["'self'", 'data:', 'blob:', 'market-assets.strapi.io', media],
                'media-src': ["'self'", 'data:', 'blob:', 'market-assets.strapi.io', media],
                upgradeInsecureRequests: null,
              },
            },
          },
        }
      : 'strapi::security',
    {
      // Browsers may read the API from the public site only (its live seats-left figure); the
      // admin panel is on the CMS's own origin, and site builds and previews run on the server.
      name: 'strapi::cors',
      config: {
        origin: env.array('CORS_ORIGINS', [new URL(env('SITE_URL', 'http://localhost:4321')).origin]),
        methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
      },
    },
    'strapi::poweredBy',
    'strapi::query',
    // Public forms are urlencoded and small (each checks its own fields' lengths); the organisations'
    // panel posts descriptions of up to 20,000 characters, which urlencoded Polish can triple. The
    // admin panel sends JSON, and uploads go as multipart.
    { name: 'strapi::body', config: { formLimit: '128kb' } },
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};
