import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::volunteer-offer.volunteer-offer');
