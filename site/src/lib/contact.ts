import { globalSettings } from './collections';
import type { Language } from './i18n';
import { pagesIn } from './translations';

/**
 * Where "contact us" links go: the Kontakt page while it is published, else the centre's e-mail
 * address, so the link works whatever the editors have unpublished.
 */
export async function contactHref(language: Language = 'pl'): Promise<string> {
  const contact = (await pagesIn(language)).get('kontakt');
  if (contact) return contact.path;
  const global = await globalSettings();
  if (!global) throw new Error('Global settings are missing in the CMS (Ustawienia serwisu).');
  return `mailto:${global.data.email}`;
}
