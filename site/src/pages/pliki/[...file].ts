import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { attachmentPath, cmsFileUrl, type MediaFile } from '../../lib/media';

/**
 * Every guide attachment, copied from the CMS into the built site at build time, so downloads
 * keep working with the CMS switched off. A file that cannot be fetched fails the build.
 */
export const getStaticPaths = (async () => {
  const files = new Map<string, MediaFile>();
  for (const guide of await getCollection('guides')) {
    for (const file of guide.data.attachments ?? []) files.set(attachmentPath(file), file);
  }
  return [...files].map(([path, file]) => ({ params: { file: path.replace(/^\/pliki\//, '') }, props: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: MediaFile }> = async ({ props }) => {
  const url = cmsFileUrl(props.file);
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`Attachment ${props.file.name} could not be copied: GET ${url} answered ${response.status}.`);
  return new Response(await response.arrayBuffer(), { headers: { 'Content-Type': props.file.mime } });
};
