import type { StrapiApp } from '@strapi/strapi/admin';

// Editors at the centre work in Polish; English stays available in their profile settings.
export default {
  config: {
    locales: ['pl'],
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
