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
] as const satisfies readonly UID.ContentType[];

export const PUBLIC_SINGLE_TYPES = ['api::global.global'] as const satisfies readonly UID.ContentType[];

/** users-permissions action names, e.g. "api::event.event.find". */
export const PUBLIC_ACTIONS: readonly string[] = [
  ...PUBLIC_COLLECTION_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
  ...PUBLIC_SINGLE_TYPES.map((uid) => `${uid}.find`),
];
