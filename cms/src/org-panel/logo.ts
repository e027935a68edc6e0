/**
 * The logo an organisation uploads with its profile: an image (PNG, JPEG or WebP, recognised by its
 * first bytes, not by its name), at most `logoMaxKb`, with alt text. It then goes through Strapi's
 * upload service, which checks and stores it exactly as an editor's upload in the media library; the
 * profile's draft points to it, so the public profile keeps its old logo until the change is approved.
 */
import { createReadStream, readFileSync, rmSync } from 'node:fs';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { escapeHtml } from '../mail/letter';
import { CONTROL } from '../public-forms/form-fields';
import { isRecord } from '../validation/write-shapes';
import { fieldId, type FieldProblem } from './form-kit';

export interface UploadedFile {
  filepath: string;
  size: number;
  mimetype: string;
  originalFilename: string;
}

const IMAGE_SIGNATURES: { type: string; test: (head: Buffer) => boolean }[] = [
  { type: 'image/png', test: (head) => head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', test: (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff },
  { type: 'image/webp', test: (head) => head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP' },
];

/** Which image type the file's first bytes say it is, whatever its name or the browser claimed. */
export function imageType(head: Buffer): string | null {
  return IMAGE_SIGNATURES.find((signature) => signature.test(head))?.type ?? null;
}

function asFile(value: unknown): UploadedFile | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (!isRecord(first) || typeof first.filepath !== 'string' || typeof first.size !== 'number') return null;
  return { filepath: first.filepath, size: first.size, mimetype: String(first.mimetype ?? ''), originalFilename: String(first.originalFilename ?? 'logo') };
}

export const ALT_MAX = 200;

/** The posted logo and its alt text, or the problems with them; no file chosen is no change. */
export function readLogo(body: Record<string, unknown>, files: Record<string, unknown> | undefined, maxKb: number): { file: UploadedFile | null; alt: string; problems: FieldProblem[] } {
  const file = asFile(files?.logo);
  const alt = typeof body.logoAlt === 'string' ? body.logoAlt.trim() : '';
  if (!file || file.size === 0) return { file: null, alt, problems: [] };
  const problems: FieldProblem[] = [];
  if (file.size > maxKb * 1024) problems.push({ field: 'logo', message: `Logo: plik ma ${Math.ceil(file.size / 1024)} kB, a może mieć najwyżej ${maxKb} kB – zmniejsz go.` });
  else if (!imageType(readFileSync(file.filepath).subarray(0, 16))) problems.push({ field: 'logo', message: 'Logo: to nie jest obraz PNG, JPEG ani WebP – wybierz plik z logo w jednym z tych formatów.' });
  if (alt === '') problems.push({ field: 'logoAlt', message: 'Tekst alternatywny logo: opisz logo słowami (np. „Logo Fundacji Zielona Łódź”) – czytniki ekranu przeczytają ten opis.' });
  else if (alt.length > ALT_MAX || CONTROL.test(alt)) problems.push({ field: 'logoAlt', message: `Tekst alternatywny logo: najwyżej ${ALT_MAX} znaków, bez znaków sterujących.` });
  return { file, alt, problems };
}

const EXTENSION: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

interface ImageChecks {
  isImage(file: { filepath: string; getStream(): NodeJS.ReadableStream }): Promise<boolean>;
  isFaultyImage(file: { filepath: string; getStream(): NodeJS.ReadableStream }): Promise<boolean>;
}

export type LogoUpload = { ok: true; id: number } | { ok: false; problem: FieldProblem };

/**
 * Stores the logo through Strapi's upload service and returns the file's id for the draft. The
 * service trusts the type and name the browser sent (only Strapi's upload controller checks them),
 * so the file goes in under the type its bytes showed and a name of ours, and only once sharp has
 * decoded it: a file that merely starts like an image (a script after "RIFF….WEBP") is refused
 * instead of being served from the CMS's address as whatever its name says.
 */
export async function uploadLogo(strapi: Core.Strapi, file: UploadedFile, alt: string, organizationName: string): Promise<LogoUpload> {
  const refused: LogoUpload = { ok: false, problem: { field: 'logo', message: 'Logo: tego pliku nie da się odczytać jako obrazu PNG, JPEG ani WebP – zapisz logo ponownie w programie graficznym i wybierz nowy plik.' } };
  const type = imageType(readFileSync(file.filepath).subarray(0, 16));
  if (!type) return refused;
  const images = strapi.plugin('upload').service('image-manipulation') as unknown as ImageChecks;
  const probe = { filepath: file.filepath, getStream: () => createReadStream(file.filepath) };
  if (!(await images.isImage(probe)) || (await images.isFaultyImage(probe))) return refused;
  let uploaded: unknown;
  try {
    uploaded = await strapi
      .plugin('upload')
      .service('upload')
      .upload({ data: { fileInfo: { alternativeText: alt, caption: `Logo: ${organizationName}` } }, files: { ...file, mimetype: type, detectedMimeType: type, originalFilename: `logo.${EXTENSION[type]}` } });
  } catch (error) {
    // The upload service's own refusals (a faulty image, a size over its limit) are the person's to fix.
    if (error instanceof errors.ApplicationError) return { ok: false, problem: { field: 'logo', message: `Logo: serwer nie przyjął pliku (${error.message}) – wybierz inny plik.` } };
    throw error;
  }
  const first = Array.isArray(uploaded) ? uploaded[0] : null;
  if (!isRecord(first) || typeof first.id !== 'number') throw new Error(`Organisations' panel: the upload service stored no file for the logo of ${organizationName}.`);
  return { ok: true, id: first.id };
}

/** Takes a logo out of the media library again when the proposal it came with was not saved. */
export async function removeLogo(strapi: Core.Strapi, id: number): Promise<void> {
  const upload = strapi.plugin('upload').service('upload') as unknown as { findOne(id: number): Promise<unknown>; remove(file: unknown): Promise<unknown> };
  const file = await upload.findOne(id);
  if (file) await upload.remove(file);
}

/** Deletes the request's temporary upload files: Strapi's body parser removes only those of a field named `files`. */
export function forgetTemporaryFiles(files: Record<string, unknown> | undefined): void {
  for (const value of Object.values(files ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (isRecord(item) && typeof item.filepath === 'string') rmSync(item.filepath, { force: true });
    }
  }
}

/** The logo's fields under the profile form: the current logo, a file input and its alt text. */
export function logoFields(draft: Record<string, unknown>, problems: readonly FieldProblem[], altValue = ''): string {
  const current = isRecord(draft.logo) ? draft.logo : null;
  const error = (field: string): string => {
    const own = problems.filter((problem) => problem.field === field);
    return own.length > 0 ? `<p class="error" id="${fieldId(field)}-error">${own.map((p) => escapeHtml(p.message)).join('<br>')}</p>` : '';
  };
  const invalid = (field: string): string => (problems.some((problem) => problem.field === field) ? ` aria-invalid="true" aria-describedby="${fieldId(field)}-error"` : '');
  return `<fieldset class="section"><legend>Logo</legend>
${current ? `<p>Obecne logo: ${escapeHtml(String(current.name ?? ''))}${current.alternativeText ? ` („${escapeHtml(String(current.alternativeText))}”)` : ''}</p>` : '<p>Profil nie ma jeszcze logo.</p>'}
<div class="field"><label for="${fieldId('logo')}">Nowe logo (PNG, JPEG lub WebP)</label><p class="hint">Zostaw puste, aby zachować obecne.</p>${error('logo')}<input type="file" id="${fieldId('logo')}" name="logo" accept="image/png,image/jpeg,image/webp"${invalid('logo')}></div>
<div class="field"><label for="${fieldId('logoAlt')}">Tekst alternatywny nowego logo</label><p class="hint">Wymagany przy nowym logo, np. „Logo Fundacji Zielona Łódź”.</p>${error('logoAlt')}<input type="text" id="${fieldId('logoAlt')}" name="logoAlt" maxlength="${ALT_MAX}" value="${escapeHtml(altValue)}"${invalid('logoAlt')}></div>
</fieldset>`;
}
