/**
 * Applying to an offer and "Zgłoś gotowość" on the site: the CMS's tables of answers (one result
 * page each) and the reasons and age rule the forms share with it (cms/src/shared).
 */
export { APPLICATION_RESULTS, INTEREST_RESULTS, type ApplicationResultPage } from '../../../cms/src/shared/volunteer-application-results';
export { ADULT_AGE } from '../../../cms/src/shared/volunteer-offers';
