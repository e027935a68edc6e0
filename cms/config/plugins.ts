import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET') },
  },
  upload: {
    config: {
      providerOptions: {
        // Site builds keep resized copies of CMS images and reuse them while the CMS says they are
        // fresh (Strapi's default, max-age=0, made every build download and re-encode every image).
        // Image fields are versioned by the site (?v=<updatedAt>), so a replaced image is fetched at
        // once; an image only linked from Markdown text may stay old for this long.
        localServer: { maxage: env.int('UPLOADS_CACHE_SECONDS', 3600) * 1000 },
      },
    },
  },
});
