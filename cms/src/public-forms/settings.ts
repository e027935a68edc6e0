/**
 * What every public form needs of the server: the secret its mailed links are derived from, the
 * site its answers redirect to, and the CMS's own address for those links. They live in
 * config/registrations.ts, and keep its name and its REGISTRATION_SECRET, SITE_URL and PUBLIC_URL
 * variables, because sign-ups came first and deployments set them under those names; a form's
 * own limits and periods stay in its own config file.
 */
import type { Core } from '@strapi/strapi';

export interface FormSettings {
  secret: string;
  siteUrl: string;
  publicUrl: string;
}

/** A form's settings from its file in config/ (read with strapi.config.get); a missing file stops the form with a clear error. */
export function formConfig<T>(strapi: Core.Strapi, file: string, who: string): T {
  const settings = strapi.config.get(file) as T | undefined;
  if (!settings) throw new Error(`config/${file}.ts is missing: ${who} have no settings.`);
  return settings;
}

export function formSettings(strapi: Core.Strapi): FormSettings {
  const { secret, siteUrl, publicUrl } = formConfig<FormSettings>(strapi, 'registrations', 'the public forms');
  return { secret, siteUrl, publicUrl };
}
