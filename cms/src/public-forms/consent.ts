/**
 * Consent texts and their history in the database. Editors change a form's text in the site
 * settings; saving it closes the version shown until then and opens a new one, in the same
 * transaction and under one lock, and writes the new version into the settings for the site to
 * put in the form. The history ("Historia zgód") is written only here: nobody edits or deletes
 * what a person once agreed to. Forms check a posted version against it (consent-rules.ts).
 */
import { errors } from '@strapi/utils';
import { DEFAULT_LANGUAGE, isTranslation } from '../languages/locales';
import type { Core, Modules } from '@strapi/strapi';
import { fieldName } from '../content/labels';
import { withKeyLock } from './lock';
import { isoTime, isRecord } from '../validation/write-shapes';
import { acceptsConsent, CONSENT_FORM_NAMES, CONSENT_FORMS, currentVersion, planConsentChange, type ConsentForm, type ConsentVersion } from './consent-rules';

export const CONSENT_VERSION = 'api::consent-version.consent-version';
const GLOBAL = 'api::global.global';
const LOCK_KEY = 'consent-texts';
/** A form reads the history at most this often; a change made in this process is seen at once. */
const CACHE_MS = 3000;

/**
 * Texts a database from before a form's settings field gets as that form's first version: the
 * room request form's text from before it became editable (so requests made under it keep a
 * readable text), and those of the forms that arrived after many databases were made
 * (volunteering, an organisation asking to join the directory).
 */
const BUILT_IN_CONSENT: Partial<Record<ConsentForm, { version: string; text: string }>> = {
  'room-request': {
    version: 'sale-2026-12',
    text: 'Zgadzam się na przetwarzanie danych z tego wniosku przez Centrum Obywatelskie w celu jego rozpatrzenia i udostępnienia sali. Dane osobowe wniosku usuwamy 30 dni po ostatnim terminie; szczegóły w polityce prywatności.',
  },
  'volunteer-interest': {
    version: 'gotowosc-2026-12',
    text: 'Zgadzam się na przetwarzanie mojego imienia, adresu e-mail i wybranych preferencji przez Centrum Obywatelskie w celu wysyłania mi raz w tygodniu nowych ofert wolontariatu. Mogę się wypisać jednym kliknięciem w każdej wiadomości – wtedy dane usuwamy.',
  },
  'volunteer-application': {
    version: 'wolontariat-2026-12',
    text: 'Zgadzam się na przetwarzanie moich danych z tego formularza przez Centrum Obywatelskie i na przekazanie ich organizacji, która prowadzi ofertę, w celu rozpatrzenia zgłoszenia. Dane zgłoszenia usuwamy 6 miesięcy po zakończeniu oferty; szczegóły w polityce prywatności.',
  },
  'org-join': {
    version: 'dolaczenie-2026-12',
    text: 'Zgadzam się na przetwarzanie danych z tej prośby, w tym imienia, nazwiska, adresu e-mail i telefonu osoby kontaktowej, przez Centrum Obywatelskie w celu jej rozpatrzenia i kontaktu w sprawie dołączenia organizacji do katalogu. Dane organizacji trafią do katalogu dopiero po przyjęciu prośby przez redakcję; szczegóły w polityce prywatności.',
  },
};

function asConsentVersion(row: unknown): ConsentVersion {
  if (!isRecord(row) || typeof row.version !== 'string' || typeof row.text !== 'string' || !CONSENT_FORM_NAMES.includes(row.form as ConsentForm)) {
    throw new Error(`Consent history: the database returned a row that is not a consent version: ${JSON.stringify(row)}`);
  }
  return { form: row.form as ConsentForm, version: row.version, text: row.text, validFrom: isoTime(row.validFrom), validTo: row.validTo == null ? null : isoTime(row.validTo) };
}

/** Every version of one form's consent, oldest first. */
export async function consentHistory(strapi: Core.Strapi, form: ConsentForm): Promise<ConsentVersion[]> {
  const rows: unknown[] = await strapi.db.query(CONSENT_VERSION).findMany({ where: { form }, orderBy: [{ validFrom: 'asc' }, { id: 'asc' }] });
  return rows.map(asConsentVersion);
}

const cache = new Map<ConsentForm, { at: number; history: ConsentVersion[] }>();

/** How long after a change the version before it is still accepted. */
export const consentGraceMs = (strapi: Core.Strapi): number => Number(strapi.config.get('consent.graceHours', 24)) * 3_600_000;

/** A check of the version a form was posted with, against the history as of now. */
export async function consentCheck(strapi: Core.Strapi, form: ConsentForm): Promise<(version: string) => boolean> {
  let cached = cache.get(form);
  if (!cached || Date.now() - cached.at >= CACHE_MS) {
    cached = { at: Date.now(), history: await consentHistory(strapi, form) };
    cache.set(form, cached);
    // Every submission is refused then ("refresh the page"): whoever runs the centre must hear of it.
    if (!currentVersion(cached.history)) strapi.log.error(`Consent: the ${form} form has no consent text in Ustawienia serwisu ("${CONSENT_FORMS[form].textField}"), so every submission of it is refused until an editor fills it in.`);
  }
  const { history } = cached;
  const now = new Date();
  const grace = consentGraceMs(strapi);
  return (version) => acceptsConsent(history, version, now, grace);
}

/** The Polish consent version each of a translation's texts translates, after a write of `data` over `before`. */
export function translatedVersions(before: Record<string, unknown>, data: Record<string, unknown>, polish: Record<string, unknown>): Record<string, string> {
  const recorded: Record<string, string> = {};
  const previous = isRecord(before.consentTranslatedFrom) ? before.consentTranslatedFrom : {};
  for (const form of CONSENT_FORM_NAMES) {
    const { textField, versionField } = CONSENT_FORMS[form];
    const text = textField in data ? data[textField] : before[textField];
    if (typeof text !== 'string' || text.trim() === '') continue;
    const rewritten = textField in data && data[textField] !== before[textField];
    const version = rewritten ? polish[versionField] : previous[form];
    if (typeof version === 'string' && version !== '') recorded[form] = version;
  }
  return recorded;
}

const refuse = (field: string, message: string): never => {
  const text = `${fieldName(GLOBAL, [field])}: ${message}`;
  throw new errors.ValidationError(text, { errors: [{ path: [field], message: text, name: 'ValidationError' }] });
};

/** Closes `change.closes` and opens the new version, both at `now`. */
async function writeVersion(strapi: Core.Strapi, form: ConsentForm, version: string, text: string, closes: ConsentVersion | null, from: Date): Promise<void> {
  if (closes) await strapi.db.query(CONSENT_VERSION).update({ where: { version: closes.version }, data: { validTo: from } });
  await strapi.db.query(CONSENT_VERSION).create({ data: { form, version, text, validFrom: from, validTo: null } });
}

const takenVersions = async (strapi: Core.Strapi): Promise<Set<string>> => {
  const rows: unknown[] = await strapi.db.query(CONSENT_VERSION).findMany({ select: ['version'] });
  return new Set(rows.filter(isRecord).map((row) => String(row.version)));
};

interface Context {
  uid: string;
  action: string;
  params: { data?: Record<string, unknown>; locale?: string };
}

/**
 * Versions every change of a consent text in the site settings, and keeps the history itself out
 * of reach of every document-service write (the admin, the REST API, scripts).
 */
export function registerConsentVersioning(strapi: Core.Strapi): void {
  const middleware = async (context: Context, next: () => Promise<unknown>) => {
    if (context.uid === CONSENT_VERSION && ['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft'].includes(context.action)) {
      throw new errors.ValidationError('Historia zgód: wpisy dodaje CMS, gdy zmienia się tekst zgody w Ustawieniach serwisu; nie można ich dodawać, zmieniać ani usuwać, bo pokazują, na co ktoś się zgodził.');
    }
    if (context.uid !== GLOBAL || (context.action !== 'create' && context.action !== 'update')) return next();
    // A translation of a consent shows the Polish text's version: only the Polish text makes a
    // new one, and a translation cannot move it (Strapi would copy that to every language).
    if (isTranslation(GLOBAL, context.params.locale)) {
      const data = { ...(context.params.data ?? {}) };
      const polish: unknown = await strapi.db.query(GLOBAL).findOne({ where: { locale: DEFAULT_LANGUAGE } });
      if (!isRecord(polish)) throw new errors.ValidationError('Ustawienia serwisu: najpierw zapisz je po polsku, potem dodaj tłumaczenie.');
      const previous: unknown = await strapi.db.query(GLOBAL).findOne({ where: { locale: context.params.locale }, orderBy: { updatedAt: 'desc' } });
      const before = isRecord(previous) ? previous : {};
      for (const form of CONSENT_FORM_NAMES) data[CONSENT_FORMS[form].versionField] = polish[CONSENT_FORMS[form].versionField];
      // Which Polish version each translated text was written for: a text changed in this write
      // translates the Polish text of now. When the Polish text changes later, the site shows it
      // instead of the stale translation until the translation is changed too.
      data.consentTranslatedFrom = translatedVersions(before, data, polish);
      context.params.data = data;
      return next();
    }
    const changed: ConsentForm[] = [];
    const saved = await withKeyLock(strapi, LOCK_KEY, async () => {
      const data = { ...(context.params.data ?? {}) };
      const stored: unknown = await strapi.db.query(GLOBAL).findOne({ where: { locale: DEFAULT_LANGUAGE } });
      const before = isRecord(stored) ? stored : {};
      const now = new Date();
      const taken = await takenVersions(strapi);
      const writes: { form: ConsentForm; version: string; text: string; closes: ConsentVersion | null }[] = [];
      for (const form of CONSENT_FORM_NAMES) {
        const { textField, versionField } = CONSENT_FORMS[form];
        const text = String((textField in data ? data[textField] : before[textField]) ?? '');
        const offered = String((versionField in data ? data[versionField] : before[versionField]) ?? '');
        const change = planConsentChange(form, await consentHistory(strapi, form), text, offered, now, taken);
        if (change.kind === 'refused') refuse(textField, change.message);
        else if (change.kind === 'unchanged') data[versionField] = change.version;
        else {
          data[textField] = change.text;
          data[versionField] = change.version;
          taken.add(change.version);
          writes.push({ form, ...change });
        }
      }
      context.params.data = data;
      const result = await next();
      for (const write of writes) await writeVersion(strapi, write.form, write.version, write.text, write.closes, now);
      if (writes.length > 0) strapi.log.info(`Consent texts: new version ${writes.map((write) => write.version).join(', ')}.`);
      changed.push(...writes.map((write) => write.form));
      return result;
    });
    // After the commit: forms in this process check the new version at once (others within CACHE_MS).
    for (const form of changed) cache.delete(form);
    return saved;
  };
  strapi.documents.use(middleware as unknown as Modules.Documents.Middleware.Middleware);
}

/**
 * At start: a form whose text has no history yet (a database from before it) gets its text as
 * the first version, keeping the version the settings named; the room request form, whose text
 * was built in, gets that text. Idempotent, and under the same lock as an editor's change.
 */
export async function ensureConsentHistory(strapi: Core.Strapi): Promise<string[]> {
  const opened = await withKeyLock(strapi, LOCK_KEY, async () => {
    const stored: unknown = await strapi.db.query(GLOBAL).findOne({ where: { locale: DEFAULT_LANGUAGE } });
    if (!isRecord(stored)) return [];
    const recorded: string[] = [];
    const taken = await takenVersions(strapi);
    for (const form of CONSENT_FORM_NAMES) {
      const { textField, versionField } = CONSENT_FORMS[form];
      if ((await consentHistory(strapi, form)).length > 0) continue;
      const former = !String(stored[textField] ?? '').trim() ? (BUILT_IN_CONSENT[form] ?? null) : null;
      const text = former?.text ?? String(stored[textField] ?? '');
      const change = planConsentChange(form, [], text, former?.version ?? String(stored[versionField] ?? ''), new Date(), taken);
      if (change.kind !== 'new') continue;
      await strapi.db.query(GLOBAL).update({ where: { id: stored.id }, data: { [textField]: change.text, [versionField]: change.version } });
      // Shown at the latest since the settings were made; the history cannot know more.
      await writeVersion(strapi, form, change.version, change.text, null, new Date(isoTime(stored.createdAt ?? new Date())));
      taken.add(change.version);
      recorded.push(change.version);
    }
    return recorded;
  });
  cache.clear();
  return opened;
}

/**
 * At start: translations of the settings from before the CMS recorded which Polish version their
 * consent texts translate are taken to translate the texts of now (they were written together);
 * from then on a change of a Polish text makes its translations stale. Idempotent.
 */
export async function ensureTranslatedConsentVersions(strapi: Core.Strapi): Promise<number> {
  const polish: unknown = await strapi.db.query(GLOBAL).findOne({ where: { locale: DEFAULT_LANGUAGE } });
  if (!isRecord(polish)) return 0;
  const rows: unknown[] = await strapi.db.query(GLOBAL).findMany({ where: { locale: { $ne: DEFAULT_LANGUAGE }, consentTranslatedFrom: { $null: true } } });
  for (const row of rows.filter(isRecord)) {
    const recorded = translatedVersions({}, Object.fromEntries(CONSENT_FORM_NAMES.map((form) => [CONSENT_FORMS[form].textField, row[CONSENT_FORMS[form].textField]])), polish);
    await strapi.db.query(GLOBAL).update({ where: { id: row.id }, data: { consentTranslatedFrom: recorded } });
  }
  return rows.length;
}

