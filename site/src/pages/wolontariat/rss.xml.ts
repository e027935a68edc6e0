import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { formatCalendarDay } from '../../lib/dates';
import { UI } from '../../lib/ui';
import { paths } from '../../lib/urls';
import { globalSettings, volunteerOffers } from '../../lib/collections';
import { districtLabel, lastApplicationDay, postedAt } from '../../lib/volunteering';

/** The volunteering offers still recruiting, newest first, as an RSS 2.0 feed (readers follow the link). */
export const GET: APIRoute = async ({ site }) => {
  const global = (await globalSettings())!.data;
  const { open } = await volunteerOffers();
  return rss({
    title: `${global.siteName} – ${UI.volunteerFeedTitle}`,
    description: UI.volunteeringLead,
    // The channel's own page is the board; items link to their offers.
    site: new URL(paths.volunteering, site!).href,
    customData: '<language>pl</language>',
    items: open.map((offer) => {
      const lastDay = lastApplicationDay(offer);
      const facts = [offer.organization?.name, districtLabel(offer.district), lastDay ? `${UI.offerApplyBy.toLowerCase()} ${formatCalendarDay(lastDay)}` : null].filter(Boolean).join(' · ');
      return {
        title: offer.title,
        link: paths.volunteerOffer(offer.slug),
        pubDate: new Date(postedAt(offer)),
        description: `${offer.summary} (${facts})`,
        categories: (offer.areas ?? []).map((area) => area.name ?? area.slug),
      };
    }),
  });
};
