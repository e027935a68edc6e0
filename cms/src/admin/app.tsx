import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { getFetchClient } from '@strapi/strapi/admin';
import { Feather, Message } from '@strapi/icons';
import { GuideFeedbackPanel } from './GuideFeedbackPanel';
import { SignUpsPanel } from './SignUpsPanel';
import { VolunteerApplicationsPanel } from './VolunteerApplicationsPanel';

// Strapi's key for the interface language, read when the admin renders (after bootstrap).
const LANGUAGE_KEY = 'strapi-admin-language';

const SUBMISSION = 'api::org-submission.org-submission';
// SubmissionsPage.tsx announces new counts with this event after loading the list or deciding.
const SUBMISSIONS_CHANGED = 'co:submissions-changed';

/**
 * The menu badge of "Zgłoszenia": what waits for an editor (decisions, and trusted organisations'
 * entries to look at). Strapi copies each menu link once, when the menu first renders — often
 * before the count has arrived from the server — and reads `notificationsCount` on every render of
 * the menu after that (at least at every navigation). So the link holds this object, not a number:
 * the copies share it, and the badge shows its current value whenever the menu renders.
 */
const waitingBadge = {
  count: 0,
  valueOf(): number {
    return this.count;
  },
  toString(): string {
    return String(this.count);
  },
};

/** Asks the server for the counts; quietly keeps the old ones for a signed-out editor or one without the permission. */
function refreshWaitingBadge(): void {
  getFetchClient()
    .get<{ data: { pending: number; toReview: number } }>('/admin/co/submissions/count')
    .then(
      (response) => {
        waitingBadge.count = response.data.data.pending + response.data.data.toReview;
      },
      () => undefined,
    );
}

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
    // Editors decide on what organisations propose in their panel (org-panel/moderation.ts).
    app.addMenuLink({
      to: 'zgloszenia',
      icon: Message,
      intlLabel: { id: 'co.submissions', defaultMessage: 'Zgłoszenia' },
      Component: () => import('./SubmissionsPage'),
      permissions: [{ action: 'plugin::content-manager.explorer.update', subject: SUBMISSION }],
      // Read as a number by the menu (valueOf, toString); see waitingBadge.
      notificationsCount: waitingBadge as unknown as number,
    });
    // Right after signing in, before the menu first renders; a page load with a session is covered in bootstrap.
    app.addMiddlewares([
      () => () => (next) => (action) => {
        const result = next(action);
        if (typeof action === 'object' && action !== null && 'type' in action && action.type === 'admin/login') refreshWaitingBadge();
        return result;
      },
    ]);
    window.addEventListener(SUBMISSIONS_CHANGED, (event) => {
      const counts = (event as CustomEvent<{ pending: number; toReview: number }>).detail;
      waitingBadge.count = counts.pending + counts.toReview;
    });
  },
  bootstrap(app: StrapiApp) {
    // Organisers see an event's sign-ups, and export them, next to the event itself; editors see
    // what readers said of a guide next to the guide, and an offer's applications next to the offer.
    (app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis']).addEditViewSidePanel([SignUpsPanel, GuideFeedbackPanel, VolunteerApplicationsPanel]);
    // Editors at the centre work in Polish: make it the default. Anyone who picked another
    // language (profile → interface language) keeps their choice.
    if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'pl');
    // Strapi marks a signed-in browser with this key (set at login, removed at logout); without it
    // the request would only fail, and try to refresh a session that is not there.
    if (window.localStorage.getItem('isLoggedIn') === 'true') refreshWaitingBadge();
  },
};
