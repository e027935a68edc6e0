import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::volunteer-offer.volunteer-offer');
