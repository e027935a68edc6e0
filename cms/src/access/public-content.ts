import type { UID } from '@strapi/strapi';

/** The content types anyone may read through the REST API; everything else stays private. */
export const PUBLIC_COLLECTION_TYPES = [
  'api::article.article',
  'api::guide.guide',
  'api::category.category',
  'api::event.event',
  'api::organization.organization',
  'api::area.area',
  'api::room.room',
  'api::page.page',
  'api::volunteer-offer.volunteer-offer',
] as const satisfies readonly UID.ContentType[];

export const PUBLIC_SINGLE_TYPES = ['api::global.global'] as const satisfies readonly UID.ContentType[];

/** users-permissions action names, e.g. "api::event.event.find". */
export const PUBLIC_ACTIONS: readonly string[] = [
  ...PUBLIC_COLLECTION_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
  ...PUBLIC_SINGLE_TYPES.map((uid) => `${uid}.find`),
];

/** REST collection names of the public collection types, e.g. "events" for api::event.event. */
export const PUBLIC_COLLECTION_PATHS: Record<(typeof PUBLIC_COLLECTION_TYPES)[number], string> = {
  'api::article.article': 'articles',
  'api::guide.guide': 'guides',
  'api::category.category': 'categories',
  'api::event.event': 'events',
  'api::organization.organization': 'organizations',
  'api::area.area': 'areas',
  'api::room.room': 'rooms',
  'api::page.page': 'pages',
  'api::volunteer-offer.volunteer-offer': 'volunteer-offers',
};
