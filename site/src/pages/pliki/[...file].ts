import type { APIRoute, GetStaticPaths } from 'astro';
import { linkUrls } from '../../lib/markdown';
import { attachmentPath, cmsFileUrl, linkedUpload, type MediaFile } from '../../lib/media';
import { collection } from '../../lib/collections';
import { withCacheKeys } from '../../lib/page-keys';

/**
 * Every guide attachment, and every CMS file a text links to, copied from the CMS into the built
 * site, so downloads keep working with the CMS switched off. A file that cannot be fetched fails
 * the build.
 */
export const getStaticPaths = (async () => {
  const files = new Map<string, MediaFile>();
  const add = (file: MediaFile) => files.set(attachmentPath(file), file);
  const linkedFrom = (markdown: string | null | undefined) => {
    // Parsing every text of the site took 1.3 s of each build at 10,000 entries; a text that never
    // says /uploads/ cannot link to a CMS file (linkedUpload takes only such addresses).
    if (!markdown?.includes('/uploads/')) return;
    for (const href of linkUrls(markdown)) {
      const file = linkedUpload(href);
      if (file) add(file);
    }
  };
  for (const { data } of await collection('guides')) {
    for (const file of data.attachments ?? []) add(file);
    linkedFrom(data.body);
  }
  for (const { data } of await collection('articles')) linkedFrom(data.body);
  for (const { data } of await collection('events')) linkedFrom(data.description);
  for (const { data } of await collection('organizations')) [data.description, data.volunteering].forEach(linkedFrom);
  for (const { data } of await collection('rooms')) [data.description, data.howToBook].forEach(linkedFrom);
  for (const { data } of await collection('pages')) linkedFrom(data.body);
  for (const { data } of await collection('volunteerOffers')) linkedFrom(data.description);
  return withCacheKeys([...files].map(([path, file]) => ({ params: { file: path.replace(/^\/pliki\//, '') }, props: { file } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: MediaFile }> = async ({ props }) => {
  const url = cmsFileUrl(props.file);
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) }).catch((error: unknown) => {
    throw new Error(`File ${props.file.name} could not be copied into the site: GET ${url} failed (${(error as Error).cause ?? (error as Error).message}). Is the CMS running?`, { cause: error });
  });
  if (!response.ok) throw new Error(`File ${props.file.name} could not be copied into the site: GET ${url} answered ${response.status}. Fix the link or attachment in the CMS.`);
  return new Response(await response.arrayBuffer(), { headers: { 'Content-Type': props.file.mime } });
};
