import type { StrapiApp } from '@strapi/strapi/admin';

// Strapi's key for the interface language, read when the admin renders (after bootstrap).
const LANGUAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    locales: ['pl'],
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {
    // Editors at the centre work in Polish: make it the default. Anyone who picked another
    // language (profile → interface language) keeps their choice.
    if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'pl');
  },
};
