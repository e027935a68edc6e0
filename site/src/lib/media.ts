import { createHash } from 'node:crypto';
import slugifyText from '@sindresorhus/slugify';
import { STRAPI_URL } from './env';

/** A file from Strapi's media library, as the content schemas describe it. */
export interface MediaFile {
  url: string;
  name: string;
  ext: string | null;
  mime: string;
  /** Kilobytes, as Strapi reports it. */
  size: number;
}

/** Where the build downloads a CMS file from: relative upload URLs are made absolute. */
export const cmsFileUrl = (file: Pick<MediaFile, 'url'>): string => (/^https?:\/\//.test(file.url) ? file.url : `${STRAPI_URL}${file.url}`);

/**
 * The address the image pipeline fetches an image field from. Strapi keeps a file's URL when an
 * editor replaces it, and the build reuses cached copies while the CMS says they are fresh; the
 * file's last change in the query makes a replaced image a new source (and a new file name).
 */
export const cmsImageSource = (file: Pick<MediaFile, 'url'> & { updatedAt?: string }): string => {
  const url = cmsFileUrl(file);
  return file.updatedAt ? `${url}${url.includes('?') ? '&' : '?'}v=${encodeURIComponent(file.updatedAt)}` : url;
};

/**
 * The site's own address of an attachment: /pliki/<8-char hash of the CMS URL>/<readable name>.
 * The hash keeps two files with the same name apart; the name keeps downloads recognisable.
 */
export function attachmentPath(file: Pick<MediaFile, 'url' | 'name' | 'ext'>): string {
  const hash = createHash('sha256').update(file.url).digest('hex').slice(0, 8);
  const ext = (file.ext ?? '').toLowerCase();
  const base = file.name.toLowerCase().endsWith(ext) ? file.name.slice(0, file.name.length - ext.length) : file.name;
  return `/pliki/${hash}/${slugifyText(base) || 'plik'}${ext}`;
}

const KIND: Record<string, string> = {
  '.pdf': 'PDF',
  '.doc': 'Word',
  '.docx': 'Word',
  '.odt': 'OpenDocument tekst',
  '.rtf': 'RTF',
  '.txt': 'tekst',
  '.xls': 'Excel',
  '.xlsx': 'Excel',
  '.ods': 'OpenDocument arkusz',
  '.csv': 'CSV',
  '.ppt': 'PowerPoint',
  '.pptx': 'PowerPoint',
  '.odp': 'OpenDocument prezentacja',
  '.zip': 'archiwum ZIP',
};

/** "PDF, 36 KB" — the type and size shown next to a download link. */
export function describeFile(file: Pick<MediaFile, 'ext' | 'size'>): string {
  const kind = KIND[(file.ext ?? '').toLowerCase()] ?? (file.ext ?? '').replace('.', '').toUpperCase();
  const kb = file.size;
  const size = kb >= 1024 ? `${(kb / 1024).toLocaleString('pl-PL', { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(kb))} KB`;
  return `${kind}, ${size}`;
}

/**
 * A link into the CMS's upload folder ("/uploads/x.pdf" or the same on the CMS host) as a media
 * file the build can copy; null for any other link.
 */
export function linkedUpload(href: string): MediaFile | null {
  const upload = href.startsWith('/uploads/') ? href : href.startsWith(`${STRAPI_URL}/uploads/`) ? href.slice(STRAPI_URL.length) : null;
  if (!upload) return null;
  const file = decodeURIComponent(upload.split(/[?#]/)[0]!.split('/').pop() ?? '');
  const dot = file.lastIndexOf('.');
  const ext = dot > 0 ? file.slice(dot).toLowerCase() : null;
  return { url: upload.split(/[?#]/)[0]!, name: file, ext, mime: 'application/octet-stream', size: 0 };
}
