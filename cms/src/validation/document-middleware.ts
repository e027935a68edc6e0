import { errors } from '@strapi/utils';
import type { Core, Modules, Schema, UID } from '@strapi/strapi';
import { fieldName } from '../content/labels';
import { slugify, uniqueSlug, SLUG_PATTERN, MAX_SLUG_LENGTH } from './slug';
import {
  ATTACHMENT_EXTENSIONS,
  normalizeOrganization,
  todayInWarsaw,
  validateArticle,
  validateEvent,
  validateGlobal,
  validateGuide,
  validateOrganization,
  type Entry,
  type FieldError,
} from './rules';

/** The part of a document-service call these rules read; narrower than Strapi's generic context. */
interface WriteContext {
  uid: UID.ContentType;
  action: string;
  contentType: Schema.ContentType;
  params: { documentId?: string; data?: Entry };
}

const WRITE_ACTIONS = new Set(['create', 'update']);
const FILE_UID = 'plugin::upload.file';

/** Fields whose images are shown on public pages and so must carry alt text (WCAG 1.1.1). */
const IMAGES_NEEDING_ALT: Partial<Record<UID.ContentType, string[]>> = {
  'api::article.article': ['cover'],
  'api::event.event': ['cover'],
  'api::room.room': ['photos'],
};

const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Validates every create and update of the project's content types, wherever it comes from.
 * Registered as a document-service middleware, so the admin panel, the REST API and scripts
 * all pass through it; a rejection is a Strapi ValidationError whose `details.errors[].path`
 * names the field, which the admin panel shows next to that field.
 */
export function registerValidation(strapi: Core.Strapi): void {
  const middleware = async (context: WriteContext, next: () => Promise<unknown>) => {
    if (!WRITE_ACTIONS.has(context.action) || !context.uid.startsWith('api::')) return next();
    const data: Entry = { ...(context.params.data ?? {}) };
    const existing = context.action === 'update' && context.params.documentId
      ? await loadCurrent(strapi, context.contentType, context.params.documentId)
      : null;

    const problems: FieldError[] = [];
    problems.push(...(await prepareSlugs(strapi, context, data, existing)));
    if (context.uid === 'api::organization.organization') normalizeOrganization(data);
    if (context.uid === 'api::article.article' && context.action === 'create' && isBlank(data.publicationDate)) {
      data.publicationDate = todayInWarsaw();
    }

    const merged: Entry = { ...(existing ?? {}), ...data };
    problems.push(...validateByType(context.uid, merged, data, existing));
    problems.push(...(await checkImagesAlt(strapi, context.uid, data)));
    if (context.uid === 'api::guide.guide') problems.push(...(await checkAttachments(strapi, data)));

    if (problems.length > 0) throw toValidationError(problems);
    context.params.data = data;
    return next();
  };
  strapi.documents.use(middleware as unknown as Modules.Documents.Middleware.Middleware);
}

function validateByType(uid: UID.ContentType, merged: Entry, data: Entry, existing: Entry | null): FieldError[] {
  switch (uid) {
    case 'api::event.event':
      return validateEvent(merged, { hasRoom: resolveToOne(data.room, Boolean(existing?.room)) });
    case 'api::organization.organization':
      return validateOrganization(merged);
    case 'api::global.global':
      return validateGlobal(merged);
    case 'api::article.article':
      return validateArticle(merged);
    case 'api::guide.guide':
      return validateGuide(merged);
    default:
      return [];
  }
}

export function toValidationError(problems: FieldError[]): errors.ValidationError {
  const summary = problems.length === 1 ? problems[0]!.message : `${problems.length} pola wymagają poprawy: ${problems.map((p) => p.message).join(' ')}`;
  return new errors.ValidationError(summary, {
    errors: problems.map((problem) => ({ path: problem.path, message: problem.message, name: 'ValidationError', value: null })),
  });
}

/**
 * Whether a to-one relation is set after a write, from any of the shapes Strapi accepts:
 * an id, a documentId, `{ documentId }`, `{ connect, disconnect }` or `{ set }`.
 */
export function resolveToOne(value: unknown, current: boolean): boolean {
  if (value === undefined) return current;
  if (value === null || value === '') return false;
  if (typeof value === 'string' || typeof value === 'number') return true;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') {
    const relation = value as { connect?: unknown[]; disconnect?: unknown[]; set?: unknown[]; id?: unknown; documentId?: unknown };
    if (Array.isArray(relation.set)) return relation.set.length > 0;
    if (Array.isArray(relation.connect) && relation.connect.length > 0) return true;
    if (Array.isArray(relation.disconnect) && relation.disconnect.length > 0) return false;
    if (relation.id !== undefined || relation.documentId !== undefined) return true;
  }
  return current;
}

/** The draft as stored now, with components and to-one relations, to validate partial updates. */
async function loadCurrent(strapi: Core.Strapi, contentType: Schema.ContentType, documentId: string): Promise<Entry | null> {
  const populate = populateFor(strapi, contentType.attributes);
  const where: Entry = { documentId };
  if (contentType.options?.draftAndPublish) where.publishedAt = { $null: true };
  const row = await strapi.db.query(contentType.uid).findOne({ where, populate });
  return (row as Entry | null) ?? null;
}

function populateFor(strapi: Core.Strapi, attributes: Schema.Attributes): Record<string, true | { populate: Record<string, unknown> }> {
  const populate: Record<string, true | { populate: Record<string, unknown> }> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.type === 'component') {
      const component = strapi.components[attribute.component as UID.Component];
      const nested = component ? populateFor(strapi, component.attributes) : {};
      populate[name] = Object.keys(nested).length > 0 ? { populate: nested } : true;
    } else if (attribute.type === 'relation' && /^(manyToOne|oneToOne)$/.test(String(attribute.relation))) {
      populate[name] = true;
    }
  }
  return populate;
}

/**
 * Slugs are generated from their target field when missing (Polish letters transliterated) and
 * made unique with a numeric suffix; a slug typed by an editor must be well-formed and free.
 */
async function prepareSlugs(strapi: Core.Strapi, context: WriteContext, data: Entry, existing: Entry | null): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const documentId = context.params.documentId ?? (existing?.documentId as string | undefined);
  for (const [name, attribute] of Object.entries(context.contentType.attributes)) {
    if (attribute.type !== 'uid') continue;
    const isTaken = async (candidate: string) => {
      const where: Entry = { [name]: candidate };
      if (documentId) where.documentId = { $ne: documentId };
      return (await strapi.db.query(context.uid).count({ where })) > 0;
    };
    const given = data[name];
    if (!isBlank(given)) {
      const slug = String(given).trim();
      if (!SLUG_PATTERN.test(slug) || slug.length > MAX_SLUG_LENGTH) {
        problems.push({ path: [name], message: `Adres (${name}): „${slug}” – używaj tylko małych liter bez polskich znaków, cyfr i pojedynczych myślników, najwyżej ${MAX_SLUG_LENGTH} znaków (np. zolta-lodz).` });
      } else if (await isTaken(slug)) {
        problems.push({ path: [name], message: `Adres (${name}): „${slug}” jest już używany przez inny wpis tego typu – wybierz inny.` });
      } else {
        data[name] = slug;
      }
      continue;
    }
    const keepsCurrent = given === undefined && existing && !isBlank(existing[name]);
    if (keepsCurrent) continue;
    const targetField = (attribute as { targetField?: string }).targetField;
    const source = targetField ? (data[targetField] ?? existing?.[targetField]) : undefined;
    const base = typeof source === 'string' ? slugify(source) : '';
    if (base) data[name] = await uniqueSlug(base, isTaken);
  }
  return problems;
}

/** Ids of the media a write sets on `field`, from the shapes Strapi accepts (id, `{ id }`, arrays). */
export function mediaIds(value: unknown): number[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list
    .map((item) => (typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : item))
    .map((id) => Number(id))
    .filter((id) => Number.isInteger(id) && id > 0);
}

async function findFiles(strapi: Core.Strapi, ids: number[]): Promise<Entry[]> {
  if (ids.length === 0) return [];
  return (await strapi.db.query(FILE_UID).findMany({ where: { id: { $in: ids } } })) as Entry[];
}

async function checkImagesAlt(strapi: Core.Strapi, uid: UID.ContentType, data: Entry): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  for (const field of IMAGES_NEEDING_ALT[uid] ?? []) {
    const files = await findFiles(strapi, mediaIds(data[field]));
    const missing = files.filter((file) => isBlank(file.alternativeText));
    if (missing.length > 0) {
      problems.push({
        path: [field],
        message: `${fieldName(uid, [field])}: ${missing.map((f) => `„${String(f.name)}”`).join(', ')} nie ma tekstu alternatywnego – opisz, co przedstawia (Biblioteka mediów → edytuj plik → „Tekst alternatywny”).`,
      });
    }
  }
  return problems;
}

async function checkAttachments(strapi: Core.Strapi, data: Entry): Promise<FieldError[]> {
  const files = await findFiles(strapi, mediaIds(data.attachments));
  const wrong = files.filter((file) => !ATTACHMENT_EXTENSIONS.includes(String(file.ext ?? '').toLowerCase() as (typeof ATTACHMENT_EXTENSIONS)[number]));
  return wrong.length === 0
    ? []
    : [{ path: ['attachments'], message: `${fieldName('api::guide.guide', ['attachments'])}: ${wrong.map((f) => `„${String(f.name)}”`).join(', ')} – dozwolone są dokumenty ${ATTACHMENT_EXTENSIONS.join(', ')}.` }];
}
