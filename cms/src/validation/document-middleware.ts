import { errors } from '@strapi/utils';
import type { Core, Modules, Schema, UID } from '@strapi/strapi';
import { fieldName } from '../content/labels';
import { slugify, uniqueSlug, isReservedSlug, SLUG_PATTERN, MAX_SLUG_LENGTH, MAX_TYPED_SLUG_LENGTH } from './slug';
import {
  ATTACHMENT_EXTENSIONS,
  checkMarkdownLinks,
  isBlank,
  normalizeOrganization,
  todayInWarsaw,
  validateArticle,
  validateEvent,
  validateGlobal,
  validateGuide,
  validateOrganization,
  type FieldError,
} from './rules';
import { isRecord, mediaRefs, mergeForValidation, resolveToOne, type Entry } from './write-shapes';
import { checkSchedulable, dropInheritedSchedule, endScheduleOnPublishingWrite, SCHEDULE_FIELD } from '../scheduling/schedule';
import { publishEndingSchedule } from '../scheduling/publish-due';
import { validateVolunteerOffer } from '../volunteering/offer-rules';
import { isLocalizedType, isTranslation, writtenLanguage } from '../languages/locales';

/** The part of a document-service call these rules read; narrower than Strapi's generic context. */
interface WriteContext {
  uid: UID.ContentType;
  action: string;
  contentType: Schema.ContentType;
  params: { documentId?: string; data?: Entry; status?: string; locale?: string };
}

const FILE_UID = 'plugin::upload.file';

/** Fields whose images are shown on public pages and so must carry alt text (WCAG 1.1.1). */
const IMAGES_NEEDING_ALT: Partial<Record<UID.ContentType, string[]>> = {
  'api::article.article': ['cover'],
  'api::event.event': ['cover'],
  'api::room.room': ['photos'],
};

/**
 * Validates every write to the project's content types, wherever it comes from. Registered as a
 * document-service middleware, so the admin panel (including Duplicate and bulk publish), the
 * REST API and scripts all pass through it:
 * - create / update: the entry as it will be after the write;
 * - clone (the admin's Duplicate): the source merged with the form, its slug treated as new;
 * - publish: the stored draft again, since files or relations may have changed since it was saved;
 *   publishing also ends the entry's schedule (`publishAt`, see scheduling/).
 * A rejection is a Strapi ValidationError whose `details.errors[].path` names the field, which
 * the admin panel shows next to that field. A translation (languages/) is checked for what it
 * carries, its words: its address and its text's links; the rules of dates, seats and rooms
 * hold for the Polish entry the site takes them from.
 */
export function registerValidation(strapi: Core.Strapi): void {
  const middleware = async (context: WriteContext, next: () => Promise<unknown>) => {
    if (!context.uid.startsWith('api::')) return next();
    switch (context.action) {
      case 'create':
      case 'update':
      case 'clone':
        await checkWrite(strapi, context);
        break;
      case 'publish':
        await checkPublish(strapi, context);
        return publishEndingSchedule(strapi, context.uid, context.params.documentId, next);
      default:
        break;
    }
    return next();
  };
  strapi.documents.use(middleware as unknown as Modules.Documents.Middleware.Middleware);
}

async function checkWrite(strapi: Core.Strapi, context: WriteContext): Promise<void> {
  const { uid, action } = context;
  const data: Entry = { ...(context.params.data ?? {}) };
  const current = action !== 'create' && context.params.documentId ? await loadDraft(strapi, context.contentType, context.params.documentId, { locale: context.params.locale }) : null;
  // A duplicate is a new document: its slug must be free even of the entry it was copied from.
  const ownDocumentId = action === 'update' ? context.params.documentId : undefined;

  const problems: FieldError[] = [];
  problems.push(...(await prepareSlugs(strapi, context, data, current, ownDocumentId)));
  if (isTranslation(uid, context.params.locale)) {
    problems.push(...checkMarkdown(context.contentType, mergeForValidation(current, data)));
    if (problems.length > 0) throw toValidationError(problems);
    context.params.data = data;
    return;
  }
  if (uid === 'api::organization.organization') normalizeOrganization(data);
  if (uid === 'api::article.article' && action === 'create' && isBlank(data.publicationDate)) data.publicationDate = todayInWarsaw();
  const scheduled = SCHEDULE_FIELD in context.contentType.attributes;
  if (scheduled && action === 'clone') dropInheritedSchedule(data, current);
  // A create or update with status "published" publishes inside Strapi, past the `publish` case above.
  if (scheduled && context.params.status === 'published') endScheduleOnPublishingWrite(data, current);

  const merged = mergeForValidation(current, data);
  const relations: Relations = {
    hasRoom: resolveToOne(data.room, Boolean(current?.room)),
    hasOrganization: resolveToOne(data.organization, Boolean(current?.organization)),
  };
  problems.push(...validateByType(uid, merged, relations));
  if (scheduled) problems.push(...checkSchedulable(uid, context.contentType.attributes, merged));
  problems.push(...checkMarkdown(context.contentType, merged));
  problems.push(...(await checkFiles(strapi, uid, data)));

  if (problems.length > 0) throw toValidationError(problems);
  context.params.data = data;
}

async function checkPublish(strapi: Core.Strapi, context: WriteContext): Promise<void> {
  const { documentId, locale } = context.params;
  if (!documentId) return;
  // "*" (publish every language) checks each language's draft by its own measure.
  const languages = isLocalizedType(context.uid) && locale === '*' ? await draftLanguages(strapi, context.uid, documentId) : [writtenLanguage(locale)];
  const problems: FieldError[] = [];
  for (const language of languages) {
    const translation = isTranslation(context.uid, language);
    const draft = await loadDraft(strapi, context.contentType, documentId, { withMedia: !translation, locale: language });
    if (!draft) continue;
    const found = translation
      ? checkMarkdown(context.contentType, draft)
      : [
          ...validateByType(context.uid, draft, { hasRoom: Boolean(draft.room), hasOrganization: Boolean(draft.organization) }),
          ...checkMarkdown(context.contentType, draft),
          ...(await checkFiles(strapi, context.uid, draft)),
        ];
    for (const [name, attribute] of Object.entries(context.contentType.attributes)) {
      if (attribute.type === 'uid' && isBlank(draft[name])) {
        found.push({ path: [name], message: `${fieldName(context.uid, [name])}: wpis bez adresu nie może zostać opublikowany – wpisz adres.` });
      }
    }
    // Named by language when several are published at once, so the editor knows which to open.
    problems.push(...(languages.length > 1 ? found.map((problem) => ({ ...problem, message: `[${language}] ${problem.message}` })) : found));
  }
  if (problems.length > 0) throw toValidationError(problems);
}

async function draftLanguages(strapi: Core.Strapi, uid: UID.ContentType, documentId: string): Promise<string[]> {
  const rows: unknown[] = await strapi.db.query(uid).findMany({ where: { documentId, publishedAt: { $null: true } }, select: ['locale'] });
  return rows.flatMap((row) => (isRecord(row) && typeof row.locale === 'string' ? [row.locale] : []));
}

/** Whether the entry's to-one relations that rules depend on are set after the write. */
interface Relations {
  hasRoom: boolean;
  hasOrganization: boolean;
}

function validateByType(uid: UID.ContentType, entry: Entry, { hasRoom, hasOrganization }: Relations): FieldError[] {
  switch (uid) {
    case 'api::event.event':
      return validateEvent(entry, { hasRoom });
    case 'api::volunteer-offer.volunteer-offer':
      return validateVolunteerOffer(entry, { hasOrganization });
    case 'api::organization.organization':
      return validateOrganization(entry);
    case 'api::global.global':
      return validateGlobal(entry);
    case 'api::article.article':
      return validateArticle(entry);
    case 'api::guide.guide':
      return validateGuide(entry);
    default:
      return [];
  }
}

function checkMarkdown(contentType: Schema.ContentType, entry: Entry): FieldError[] {
  return Object.entries(contentType.attributes)
    .filter(([, attribute]) => attribute.type === 'richtext')
    .flatMap(([name]) => checkMarkdownLinks(entry[name], [name], fieldName(contentType.uid, [name])));
}

export function toValidationError(problems: FieldError[]): errors.ValidationError {
  const summary = problems.length === 1 ? problems[0]!.message : `${problems.length} pola wymagają poprawy: ${problems.map((p) => p.message).join(' ')}`;
  return new errors.ValidationError(summary, {
    errors: problems.map((problem) => ({ path: problem.path, message: problem.message, name: 'ValidationError', value: null })),
  });
}

/** The stored draft in the written language with components and to-one relations (and media when asked). */
async function loadDraft(strapi: Core.Strapi, contentType: Schema.ContentType, documentId: string, options: { withMedia?: boolean; locale?: string } = {}): Promise<Entry | null> {
  const where: Entry = { documentId };
  if (isLocalizedType(contentType.uid)) where.locale = writtenLanguage(options.locale);
  if (contentType.options?.draftAndPublish) where.publishedAt = { $null: true };
  const row: unknown = await strapi.db.query(contentType.uid).findOne({ where, populate: populateFor(strapi, contentType.attributes, options.withMedia ?? false) });
  return isRecord(row) ? row : null;
}

type Populate = Record<string, true | { populate: Populate }>;

function populateFor(strapi: Core.Strapi, attributes: Schema.Attributes, withMedia: boolean): Populate {
  const populate: Populate = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.type === 'component') {
      const component = strapi.components[attribute.component as UID.Component];
      const nested = component ? populateFor(strapi, component.attributes, false) : {};
      populate[name] = Object.keys(nested).length > 0 ? { populate: nested } : true;
    } else if (attribute.type === 'relation' && /^(manyToOne|oneToOne)$/.test(String(attribute.relation))) {
      populate[name] = true;
    } else if (withMedia && attribute.type === 'media') {
      populate[name] = true;
    }
  }
  return populate;
}

/**
 * Slugs are generated from their target field when missing (Polish letters transliterated) and
 * made unique with a numeric suffix; a slug typed by an editor must be well-formed and free.
 * An update that changes the title keeps the slug, so published links do not break.
 */
async function prepareSlugs(strapi: Core.Strapi, context: WriteContext, data: Entry, current: Entry | null, ownDocumentId: string | undefined): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  for (const [name, attribute] of Object.entries(context.contentType.attributes)) {
    if (attribute.type !== 'uid') continue;
    const label = fieldName(context.uid, [name]);
    const isTaken = async (candidate: string) => {
      if (isReservedSlug(context.uid, candidate)) return true;
      const where: Entry = { [name]: candidate };
      // Addresses are unique within a language: /uk/… and /en/… are paths of their own.
      if (isLocalizedType(context.uid)) where.locale = writtenLanguage(context.params.locale);
      if (ownDocumentId) where.documentId = { $ne: ownDocumentId };
      return (await strapi.db.query(context.uid).count({ where })) > 0;
    };
    const given = data[name];
    const isClone = context.action === 'clone';
    // A duplicate arrives with (or inherits) the source's slug; it gets a fresh one instead.
    const copiesSource = isClone && (given === undefined || given === current?.[name]);
    if (!isBlank(given) && !copiesSource) {
      const slug = String(given).trim();
      if (slug.length > MAX_TYPED_SLUG_LENGTH) {
        problems.push({ path: [name], message: `${label}: adres ma ${slug.length} znaków, a może mieć najwyżej ${MAX_TYPED_SLUG_LENGTH} – skróć go.` });
      } else if (!SLUG_PATTERN.test(slug)) {
        problems.push({ path: [name], message: `${label}: „${slug}” – używaj tylko małych liter bez polskich znaków, cyfr i pojedynczych myślników (np. zolta-lodz).` });
      } else if (isReservedSlug(context.uid, slug)) {
        problems.push({ path: [name], message: `${label}: „${slug}” to adres zarezerwowany dla strony serwisu – wybierz inny.` });
      } else if (await isTaken(slug)) {
        problems.push({ path: [name], message: `${label}: „${slug}” jest już używany przez inny wpis tego typu – wybierz inny.` });
      } else {
        data[name] = slug;
      }
      continue;
    }
    if (!copiesSource && given === undefined && current && !isBlank(current[name])) continue;
    const targetField = (attribute as { targetField?: string }).targetField;
    const source = targetField ? (data[targetField] ?? current?.[targetField]) : undefined;
    const base = typeof source === 'string' ? slugify(source) : '';
    if (base) {
      data[name] = await uniqueSlug(base, isTaken);
    } else if (typeof source === 'string' && source.trim()) {
      problems.push({ path: [name], message: `${label}: z tytułu „${source.trim()}” nie da się utworzyć adresu (brak liter i cyfr) – wpisz adres ręcznie.` });
    }
  }
  return problems;
}

async function findFiles(strapi: Core.Strapi, value: unknown): Promise<Entry[]> {
  const { ids, documentIds } = mediaRefs(value);
  if (ids.length === 0 && documentIds.length === 0) return [];
  const rows: unknown[] = await strapi.db.query(FILE_UID).findMany({ where: { $or: [{ id: { $in: ids } }, { documentId: { $in: documentIds } }] } });
  return rows.filter(isRecord);
}

/** Alt text on public images, document types on guide attachments: checked on what `entry` sets. */
async function checkFiles(strapi: Core.Strapi, uid: UID.ContentType, entry: Entry): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  for (const field of IMAGES_NEEDING_ALT[uid] ?? []) {
    const missing = (await findFiles(strapi, entry[field])).filter((file) => isBlank(file.alternativeText));
    if (missing.length > 0) {
      problems.push({
        path: [field],
        message: `${fieldName(uid, [field])}: ${missing.map((f) => `„${String(f.name)}”`).join(', ')} nie ma tekstu alternatywnego – opisz, co przedstawia (Biblioteka mediów → edytuj plik → „Tekst alternatywny”).`,
      });
    }
  }
  if (uid === 'api::guide.guide') {
    const allowed: readonly string[] = ATTACHMENT_EXTENSIONS;
    const wrong = (await findFiles(strapi, entry.attachments)).filter((file) => !allowed.includes(String(file.ext ?? '').toLowerCase()));
    if (wrong.length > 0) {
      problems.push({
        path: ['attachments'],
        message: `${fieldName(uid, ['attachments'])}: ${wrong.map((f) => `„${String(f.name)}”`).join(', ')} – dozwolone są dokumenty ${ATTACHMENT_EXTENSIONS.join(', ')}.`,
      });
    }
  }
  return problems;
}
