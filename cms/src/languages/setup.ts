import { errors } from '@strapi/utils';
import type { Core, Modules, Schema, UID } from '@strapi/strapi';
import { DEFAULT_LANGUAGE, LANGUAGES, LANGUAGE_NAMES, LOCALIZED_TYPES, isTranslation, writtenLanguage } from './locales';

interface LocaleService {
  findByCode(code: string): Promise<unknown>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  update(params: { code: string }, updates: { name: string }): Promise<unknown>;
  getDefaultLocale(): Promise<string>;
  setDefaultLocale(locale: { code: string }): Promise<unknown>;
}

/** The name Strapi gives the English locale it creates with every database. */
const STRAPI_DEFAULT_LOCALE_NAME = 'English (en)';

const locales = (strapi: Core.Strapi): LocaleService => strapi.plugin('i18n').service('locales') as unknown as LocaleService;

/**
 * Polish as the default locale, Ukrainian and English beside it. Strapi starts every database
 * with English as its default, and a type that becomes localized has its rows labelled with the
 * default of that moment: on a database from before the languages, those rows are the Polish
 * entries, so they are relabelled once, when Polish is first added. Idempotent.
 */
export async function ensureLocales(strapi: Core.Strapi): Promise<string[]> {
  const service = locales(strapi);
  const done: string[] = [];
  const hadPolish = Boolean(await service.findByCode(DEFAULT_LANGUAGE));
  const formerDefault = await service.getDefaultLocale();
  for (const code of LANGUAGES) {
    const existing = await service.findByCode(code);
    if (!existing) {
      await service.create({ code, name: LANGUAGE_NAMES[code] });
      done.push(`added ${code}`);
    } else if ((existing as { name?: unknown }).name === STRAPI_DEFAULT_LOCALE_NAME && code === 'en') {
      // Strapi installs English as "English (en)"; the admin is Polish, so it reads as the others do. A name an administrator chose stays.
      await service.update({ code }, { name: LANGUAGE_NAMES[code] });
      done.push(`renamed ${code}`);
    }
  }
  if (formerDefault !== DEFAULT_LANGUAGE) {
    await service.setDefaultLocale({ code: DEFAULT_LANGUAGE });
    done.push(`default ${formerDefault} → ${DEFAULT_LANGUAGE}`);
  }
  // A type made translated after Polish was added (rooms, news) may have rows without a language: they are the Polish entries.
  for (const uid of LOCALIZED_TYPES) {
    const { count } = (await strapi.db.query(uid).updateMany({ where: { locale: { $null: true } }, data: { locale: DEFAULT_LANGUAGE } })) as { count: number };
    if (count > 0) done.push(`${count} ${uid} rows without a language labelled ${DEFAULT_LANGUAGE}`);
  }
  if (!hadPolish) {
    for (const uid of LOCALIZED_TYPES) {
      const { count } = (await strapi.db.query(uid).updateMany({ where: { $or: [{ locale: { $null: true } }, { locale: formerDefault }] }, data: { locale: DEFAULT_LANGUAGE } })) as { count: number };
      if (count > 0) done.push(`${count} ${uid} rows labelled ${DEFAULT_LANGUAGE}`);
    }
  }
  return done;
}

/**
 * Events from before "Po polsku / Po ukraińsku / Po angielsku" have no language: the site reads
 * them as Polish, and so must the forms that edit them (the organisations' panel shows the box
 * ticked only when it is true). Idempotent.
 */
export async function ensureEventLanguages(strapi: Core.Strapi): Promise<number> {
  const { count } = (await strapi.db.query('api::event.event').updateMany({ where: { inPolish: { $null: true } }, data: { inPolish: true } })) as { count: number };
  return count;
}

interface WriteContext {
  uid: UID.ContentType;
  action: string;
  contentType: Schema.ContentType;
  params: { documentId?: string; locale?: string; data?: Record<string, unknown> };
}

/** Field types a translation shares with the Polish entry and Strapi copies to every language (relations and components are per language here). */
const SHARED_TYPES = new Set(['string', 'text', 'richtext', 'email', 'integer', 'biginteger', 'decimal', 'float', 'boolean', 'date', 'datetime', 'time', 'enumeration', 'json']);

const isShared = (attribute: Schema.Attribute.AnyAttribute): boolean => {
  const options = (attribute as { pluginOptions?: { i18n?: { localized?: boolean } } }).pluginOptions;
  return SHARED_TYPES.has(attribute.type) && options?.i18n?.localized !== true;
};

/**
 * A translation carries only its words. Strapi's i18n copies a written language's shared fields
 * to every other language, so a translation created without them (a script, the REST API, the
 * admin before it fills them) would blank the Polish entry's dates and seats. Shared fields the
 * write leaves out are taken from the Polish entry of the same status first.
 */
export function registerTranslationGuard(strapi: Core.Strapi): void {
  const middleware = async (context: WriteContext, next: () => Promise<unknown>) => {
    if ((context.action !== 'create' && context.action !== 'update') || !isTranslation(context.uid, context.params.locale)) return next();
    // Strapi's create always starts a new document: one that exists only in a translation would
    // have no Polish page, and the site builds every language on the Polish entry.
    if (context.action === 'create' || !context.params.documentId) {
      throw new errors.ValidationError(`Nowy wpis utwórz najpierw po polsku (język domyślny); tłumaczenie (${writtenLanguage(context.params.locale)}) dodasz potem w tym wpisie, przełączając język w prawym panelu.`);
    }
    const shared = Object.entries(context.contentType.attributes).filter(([, attribute]) => isShared(attribute)).map(([name]) => name);
    const data = { ...(context.params.data ?? {}) };
    const missing = shared.filter((name) => !(name in data));
    if (missing.length > 0) {
      const where: Record<string, unknown> = { documentId: context.params.documentId, locale: DEFAULT_LANGUAGE };
      if (context.contentType.options?.draftAndPublish) where.publishedAt = { $null: true };
      const polish: unknown = await strapi.db.query(context.uid).findOne({ where, select: missing });
      if (typeof polish !== 'object' || polish === null) {
        throw new Error(`${context.uid} ${context.params.documentId}: a translation (${writtenLanguage(context.params.locale)}) needs the Polish entry first; there is none.`);
      }
      for (const name of missing) data[name] = (polish as Record<string, unknown>)[name];
    }
    context.params.data = data;
    return next();
  };
  strapi.documents.use(middleware as unknown as Modules.Documents.Middleware.Middleware);
}
