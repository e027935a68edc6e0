import { dayKey, endOfCalendarDay, isoWithOffset } from './dates';
import type { EventPlace } from './events';

/**
 * schema.org JSON-LD for search engines, built from plain values so it can be tested without a
 * site build. Pages embed the result with jsonLdScript(), which escapes it for a <script> tag.
 */

type Thing = Record<string, unknown>;

export interface PostalAddressInput {
  street: string;
  postalCode?: string | null;
  city?: string | null;
}

export const postalAddress = (address: PostalAddressInput): Thing => ({
  '@type': 'PostalAddress',
  streetAddress: address.street,
  ...(address.postalCode ? { postalCode: address.postalCode } : {}),
  addressLocality: address.city ?? 'Kraków',
  addressCountry: 'PL',
});

export interface EventInput {
  name: string;
  description: string;
  url: string;
  startsAt: string;
  endsAt: string | null;
  status: 'scheduled' | 'cancelled' | 'postponed';
  place: EventPlace;
  onlineUrl: string | null;
  image: string | null;
  organizer: { name: string; url: string };
  isFree: boolean;
  price: number | null;
  registrationUrl: string | null;
  /** BCP 47 tags of the languages the event is held in (schema.org's inLanguage of an Event); Polish when left out. */
  inLanguage?: string | string[];
}

const EVENT_STATUS = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
} as const;

export function eventJsonLd(event: EventInput): Thing {
  const { place } = event;
  const physical: Thing | null = place.onSite
    ? { '@type': 'Place', name: place.name ?? event.name, address: postalAddress({ street: place.street ?? '', postalCode: place.postalCode, city: place.city }) }
    : null;
  const virtual: Thing | null = place.online ? { '@type': 'VirtualLocation', url: event.onlineUrl ?? event.url } : null;
  const location = physical && virtual ? [physical, virtual] : (physical ?? virtual);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.name,
    description: event.description,
    url: event.url,
    inLanguage: event.inLanguage ?? 'pl',
    startDate: isoWithOffset(event.startsAt),
    ...(event.endsAt ? { endDate: isoWithOffset(event.endsAt) } : {}),
    eventStatus: EVENT_STATUS[event.status],
    eventAttendanceMode: place.online && place.onSite
      ? 'https://schema.org/MixedEventAttendanceMode'
      : place.online ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
    location,
    ...(event.image ? { image: [event.image] } : {}),
    organizer: { '@type': 'Organization', name: event.organizer.name, url: event.organizer.url },
    offers: {
      '@type': 'Offer',
      price: event.isFree ? 0 : (event.price ?? 0),
      priceCurrency: 'PLN',
      url: event.registrationUrl ?? event.url,
      availability: event.status === 'cancelled' ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
    },
  };
}

export interface ArticleInput {
  headline: string;
  description: string;
  url: string;
  datePublished: string;
  dateModified: string;
  author: string | null;
  image: string | null;
  publisher: { name: string; url: string; logo: string | null };
  /** BCP 47 tag of the text ("pl", "uk"); left out, the reader assumes the page's. */
  inLanguage?: string;
}

export function newsArticleJsonLd(article: ArticleInput): Thing {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline.slice(0, 110),
    description: article.description,
    mainEntityOfPage: article.url,
    ...(article.inLanguage ? { inLanguage: article.inLanguage } : {}),
    datePublished: isoWithOffset(article.datePublished),
    dateModified: isoWithOffset(article.dateModified),
    ...(article.image ? { image: [article.image] } : {}),
    author: article.author ? { '@type': 'Person', name: article.author } : { '@type': 'Organization', name: article.publisher.name, url: article.publisher.url },
    publisher: {
      '@type': 'Organization',
      name: article.publisher.name,
      url: article.publisher.url,
      ...(article.publisher.logo ? { logo: { '@type': 'ImageObject', url: article.publisher.logo } } : {}),
    },
  };
}

export interface OrganizationInput {
  name: string;
  url: string;
  description: string | null;
  logo: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  address: PostalAddressInput | null;
  sameAs: string[];
  /** Polish registers, as schema.org names them. */
  nip?: string | null;
  regon?: string | null;
  krs?: string | null;
}

export function organizationJsonLd(org: OrganizationInput): Thing {
  const identifiers = [
    org.krs ? { '@type': 'PropertyValue', propertyID: 'KRS', value: org.krs } : null,
    org.regon ? { '@type': 'PropertyValue', propertyID: 'REGON', value: org.regon } : null,
  ].filter(Boolean);
  return {
    '@context': 'https://schema.org',
    '@type': 'NGO',
    name: org.name,
    url: org.url,
    ...(org.description ? { description: org.description } : {}),
    ...(org.logo ? { logo: org.logo } : {}),
    ...(org.email ? { email: org.email } : {}),
    ...(org.phone ? { telephone: org.phone } : {}),
    ...(org.address ? { address: postalAddress(org.address) } : {}),
    ...(org.nip ? { taxID: org.nip } : {}),
    ...(identifiers.length > 0 ? { identifier: identifiers } : {}),
    ...(org.website || org.sameAs.length > 0 ? { sameAs: [org.website, ...org.sameAs].filter(Boolean) } : {}),
  };
}

export interface JobPostingInput {
  title: string;
  /** Plain text or HTML; the offer's summary and description. */
  description: string;
  url: string;
  /** When the offer went up (ISO instant); given as its Kraków day. */
  postedAt: string;
  /** The last day to apply (YYYY-MM-DD, Kraków); valid until its end. */
  lastApplicationDay: string | null;
  organization: { name: string; url: string; website: string | null };
  /** Where the volunteer comes; null only for fully remote help. */
  address: PostalAddressInput | null;
  fullyRemote: boolean;
  startsOn: string | null;
  openings: number;
  workHours: string | null;
  benefits: string[];
  qualifications: string | null;
  /** Whether the page itself takes applications (it will once the form is there). */
  directApply: boolean;
}

/**
 * A volunteering offer as schema.org's JobPosting (Google's job search reads it), with
 * employmentType VOLUNTEER. Only for offers still recruiting: a closed one must not claim it is open.
 */
export function jobPostingJsonLd(offer: JobPostingInput): Thing {
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: offer.title,
    description: offer.description,
    url: offer.url,
    datePosted: dayKey(offer.postedAt),
    ...(offer.lastApplicationDay ? { validThrough: endOfCalendarDay(offer.lastApplicationDay) } : {}),
    employmentType: 'VOLUNTEER',
    hiringOrganization: {
      '@type': 'Organization',
      name: offer.organization.name,
      url: offer.organization.url,
      ...(offer.organization.website ? { sameAs: offer.organization.website } : {}),
    },
    ...(offer.address ? { jobLocation: { '@type': 'Place', address: postalAddress(offer.address) } } : {}),
    ...(offer.fullyRemote ? { jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: { '@type': 'Country', name: 'Polska' } } : {}),
    ...(offer.startsOn ? { jobStartDate: offer.startsOn.slice(0, 10) } : {}),
    totalJobOpenings: offer.openings,
    ...(offer.workHours ? { workHours: offer.workHours } : {}),
    ...(offer.benefits.length > 0 ? { jobBenefits: offer.benefits.join('; ') } : {}),
    ...(offer.qualifications ? { qualifications: offer.qualifications } : {}),
    directApply: offer.directApply,
  };
}

export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

export function breadcrumbJsonLd(crumbs: Crumb[]): Thing {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({ '@type': 'ListItem', position: i + 1, name: crumb.name, item: crumb.url })),
  };
}

export function websiteJsonLd(site: { name: string; url: string; searchUrl: string; inLanguage?: string }): Thing {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.name,
    url: site.url,
    inLanguage: site.inLanguage ?? 'pl',
    potentialAction: { '@type': 'SearchAction', target: `${site.searchUrl}?q={search_term_string}`, 'query-input': 'required name=search_term_string' },
  };
}

/**
 * JSON for a <script type="application/ld+json"> element: "<" is escaped so no text from the
 * CMS can close the script element, and U+2028/2029 so old parsers read it as JSON.
 */
export const jsonLdScript = (data: Thing | Thing[]): string =>
  JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
