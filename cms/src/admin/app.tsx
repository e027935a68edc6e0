import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { Feather } from '@strapi/icons';
import { GuideFeedbackPanel } from './GuideFeedbackPanel';
import { SignUpsPanel } from './SignUpsPanel';
import { VolunteerApplicationsPanel } from './VolunteerApplicationsPanel';

// Strapi's key for the interface language, read when the admin renders (after bootstrap).
const LANGUAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    locales: ['pl'],
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // Editors see which guides fail their readers: the ranked answers to "Czy ten poradnik był pomocny?".
    app.addMenuLink({
      to: 'oceny-poradnikow',
      icon: Feather,
      intlLabel: { id: 'co.guide-ratings', defaultMessage: 'Oceny poradników' },
      Component: () => import('./GuideRatingsPage'),
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::guide-feedback.guide-feedback' }],
    });
  },
  bootstrap(app: StrapiApp) {
    // Organisers see an event's sign-ups, and export them, next to the event itself; editors see
    // what readers said of a guide next to the guide, and an offer's applications next to the offer.
    (app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis']).addEditViewSidePanel([SignUpsPanel, GuideFeedbackPanel, VolunteerApplicationsPanel]);
    // Editors at the centre work in Polish: make it the default. Anyone who picked another
    // language (profile → interface language) keeps their choice.
    if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'pl');
  },
};
