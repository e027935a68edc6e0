/**
 * What editors may do with sign-ups in the admin panel, enforced for every document-service
 * write to a registration (the admin's edit form, bulk actions, scripts): move its state along
 * EDITOR_TRANSITIONS — approve or reject an application (a rejection needs a reason, which goes
 * into the mail), mark attendance, cancel — and correct the person's name or organisation. The
 * seat bookkeeping and the link fields are the CMS's own. Seats are checked under the date's
 * lock, and the person is mailed once the change is saved.
 */
import { errors } from '@strapi/utils';
import type { Core, Modules } from '@strapi/strapi';
import { fieldName } from '../content/labels';
import { sameValue } from '../validation/write-shapes';
import { tell, type MailKind } from './mail';
import { EDITOR_TRANSITIONS, STATUSES, type RegistrationStatus } from './rules';
import { asRegistration, countSeats, currentUnit, promoteWaitlist, REGISTRATION, withOccurrenceLock, type Registration } from './service';

/** Fields an editor may change besides the state. */
const EDITABLE = new Set(['state', 'decisionReason', 'name', 'organisation', 'needs', 'needsOther']);

interface Context {
  uid: string;
  action: string;
  params: { documentId?: string; data?: Record<string, unknown> };
}

const refuse = (field: string, message: string): never => {
  throw new errors.ValidationError(`${fieldName(REGISTRATION, [field])}: ${message}`, { errors: [{ path: [field], message: `${fieldName(REGISTRATION, [field])}: ${message}`, name: 'ValidationError' }] });
};

/** The mail a state change sends, if any. */
const MAIL: Partial<Record<`${RegistrationStatus}>${RegistrationStatus}`, MailKind>> = {
  'awaiting_approval>confirmed': 'approved',
  'awaiting_approval>rejected': 'rejected',
  'waitlisted>confirmed': 'promoted',
  'confirmed>cancelled': 'cancelled',
  'waitlisted>cancelled': 'cancelled',
};

export function registerRegistrationEditing(strapi: Core.Strapi): void {
  const middleware = async (context: Context, next: () => Promise<unknown>) => {
    if (context.uid !== REGISTRATION) return next();
    if (context.action === 'create' || context.action === 'clone') {
      refuse('eventDocumentId', 'zapisy powstają tylko przez formularz na stronie wydarzenia (osoba potwierdza w nim swój adres e-mail).');
    }
    if (context.action !== 'update') return next();
    const data = { ...(context.params.data ?? {}) };
    const before = asRegistration(await strapi.db.query(REGISTRATION).findOne({ where: { documentId: context.params.documentId } }));
    // The admin sends the whole form back: only what differs from the stored entry is a change.
    const changed = Object.keys(data).filter((key) => !sameValue(data[key], (before as unknown as Record<string, unknown>)[key]));
    const locked = changed.filter((key) => !EDITABLE.has(key) && !['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale'].includes(key));
    if (locked.length > 0) refuse(locked[0]!, 'to pole ustawia CMS; można zmienić stan, uzasadnienie decyzji, imię i nazwisko, organizację i potrzeby.');
    const next_ = typeof data.state === 'string' ? (data.state as RegistrationStatus) : before.state;
    if (!STATUSES.includes(next_)) refuse('state', `nieznany stan „${String(data.state)}”.`);
    if (next_ === before.state) return next();

    const allowed = EDITOR_TRANSITIONS[before.state] ?? [];
    if (!allowed.includes(next_)) {
      refuse('state', allowed.length ? `ze stanu „${before.state}” można przejść tylko do: ${allowed.join(', ')}.` : `zapisu w stanie „${before.state}” nie zmienia się ręcznie.`);
    }
    const reason = typeof data.decisionReason === 'string' ? data.decisionReason.trim() : (before.decisionReason ?? '');
    if (next_ === 'rejected' && !reason) refuse('decisionReason', 'odrzucenie zgłoszenia wymaga uzasadnienia – trafi ono do e-maila.');

    let promoted: Registration[] = [];
    const result = await withOccurrenceLock(strapi, before, async () => {
      const unit = await currentUnit(strapi, before);
      const takesSeat = next_ === 'confirmed' && !before.holdsSeat;
      const freesSeat = (next_ === 'cancelled' || next_ === 'rejected') && before.holdsSeat;
      if (takesSeat) {
        const held = await countSeats(strapi, before.unitKey);
        if (!unit || held >= unit.capacity) refuse('state', `brak wolnych miejsc na ten termin (zajęte ${held} z ${unit?.capacity ?? 0}). Zwolnij miejsce albo zwiększ liczbę miejsc w wydarzeniu.`);
      }
      context.params.data = { ...data, ...(takesSeat ? { holdsSeat: true } : {}), ...(freesSeat ? { holdsSeat: false } : {}), ...(next_ === 'cancelled' ? { cancelledAt: new Date() } : {}) };
      const saved = await next();
      if (freesSeat && unit && Date.parse(unit.startsAt) > Date.now()) promoted = await promoteWaitlist(strapi, unit, new Date());
      return saved;
    });

    const mail = MAIL[`${before.state}>${next_}`];
    if (mail) await tell(strapi, mail, asRegistration(await strapi.db.query(REGISTRATION).findOne({ where: { id: before.id } })));
    for (const registration of promoted) await tell(strapi, 'promoted', registration);
    return result;
  };
  strapi.documents.use(middleware as unknown as Modules.Documents.Middleware.Middleware);
}
