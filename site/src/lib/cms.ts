import { createStrapiClient } from './strapi-client';
import { STRAPI_TOKEN, STRAPI_URL } from './env';

/** The client every loader uses, configured from the environment. */
export const cms = createStrapiClient({ baseUrl: STRAPI_URL, token: STRAPI_TOKEN });
