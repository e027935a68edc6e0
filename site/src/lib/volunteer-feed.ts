import rss from '@astrojs/rss';
import { globalSettings, volunteerOffers } from './collections';
import { formatCalendarDay } from './dates';
import { localizedPath, uiFor, type Language } from './i18n';
import { localize } from './translations';
import { paths } from './urls';
import { areaName, districtLabel, lastApplicationDay, postedAt } from './volunteering';

/**
 * The volunteering offers still recruiting, newest first, as an RSS 2.0 feed in `language`: an offer
 * not translated into it keeps its Polish title, says so after it (RSS has no language per item)
 * and links to its Polish page (readers follow the link).
 */
export async function volunteerFeed(language: Language, site: URL): Promise<Response> {
  const UI = uiFor(language);
  const global = (await globalSettings())!.data;
  const { open } = await volunteerOffers();
  return rss({
    title: `${global.siteName} – ${UI.volunteerFeedTitle}`,
    description: UI.volunteeringLead,
    // The channel's own page is the board; items link to their offers.
    site: new URL(localizedPath(paths.volunteering, language), site).href,
    customData: `<language>${language}</language>`,
    items: await Promise.all(
      open.map(async (polish) => {
        const offer = await localize('volunteerOffers', polish, language);
        const lastDay = lastApplicationDay(offer);
        const facts = [offer.organization?.name, districtLabel(offer.district, language), lastDay ? `${UI.offerApplyBy.toLowerCase()} ${formatCalendarDay(lastDay, false, language)}` : null].filter(Boolean).join(' · ');
        return {
          title: offer.language !== language ? `${offer.title} (${UI.inPolish})` : offer.title,
          link: localizedPath(paths.volunteerOffer(offer.slug), offer.language),
          pubDate: new Date(postedAt(offer)),
          description: `${offer.summary} (${facts})`,
          categories: (offer.areas ?? []).map((area) => areaName(area, language).name),
        };
      }),
    ),
  });
}
