import { paths } from './urls';
import { collection, globalSettings } from './collections';

/**
 * Where "contact us" links go: the Kontakt page while it is published, else the centre's e-mail
 * address, so the link works whatever the editors have unpublished.
 */
export async function contactHref(): Promise<string> {
  if ((await collection('pages')).some((page) => page.data.slug === 'kontakt')) return paths.page('kontakt');
  const global = await globalSettings();
  if (!global) throw new Error('Global settings are missing in the CMS (Ustawienia serwisu).');
  return `mailto:${global.data.email}`;
}
