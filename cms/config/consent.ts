import type { Core } from '@strapi/strapi';

/** Consent under the public forms (src/public-forms/consent.ts): read with strapi.config.get('consent'). */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // After a consent text changes, forms sent with the version before it are still accepted this
  // long: a page built before the change may still be open, and the site rebuilds in seconds.
  graceHours: env.int('CONSENT_GRACE_HOURS', 24),
});
