import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::volunteer-offer.volunteer-offer');
