/**
 * What editors may do with room requests in the admin panel, enforced for every document-service
 * write (the edit form, bulk actions, scripts): move the state along EDITOR_TRANSITIONS — ask for
 * more information or reject with a reason (it goes into the mail), approve, or mark withdrawn for
 * an applicant who asked by phone — and nothing else.
 * An approval is checked against the room's calendar under the room's lock, turns down the
 * pending requests that overlap it, and every applicant concerned is mailed once it is saved.
 */
import { errors } from '@strapi/utils';
import type { Core, Modules } from '@strapi/strapi';
import { fieldName } from '../content/labels';
import { tellApplicant, type RoomMailKind } from './mail';
import { EDITOR_TRANSITIONS, firstConflict, meetings, NEEDS_REASON, STATES, type RoomRequestState } from './rules';
import { asRoomRequest, busyIntervals, overlappingPending, ROOM_REQUEST, spanOf, withRoomLock, type RoomRequest } from './service';
import { whenRequested } from './mail';
import { sameValue } from '../validation/write-shapes';

/** Fields an editor may change. */
const EDITABLE = new Set(['state', 'decisionReason']);
const BOOKKEEPING = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale'];
export const TURNED_DOWN_REASON = 'Termin przyznaliśmy innemu wnioskowi, złożonemu na ten sam czas.';

interface Context {
  uid: string;
  action: string;
  params: { documentId?: string; data?: Record<string, unknown> };
}

const refuse = (field: string, message: string): never => {
  const text = `${fieldName(ROOM_REQUEST, [field])}: ${message}`;
  throw new errors.ValidationError(text, { errors: [{ path: [field], message: text, name: 'ValidationError' }] });
};

const MAIL: Partial<Record<RoomRequestState, RoomMailKind>> = { needs_information: 'needs_information', approved: 'approved', rejected: 'rejected', withdrawn: 'withdrawn' };

export function registerRoomRequestEditing(strapi: Core.Strapi): void {
  const middleware = async (context: Context, next: () => Promise<unknown>) => {
    if (context.uid !== ROOM_REQUEST) return next();
    if (context.action === 'create' || context.action === 'clone') refuse('roomDocumentId', 'wnioski o salę powstają tylko przez formularz na stronie sali (wnioskodawca potwierdza w nim swój adres e-mail).');
    if (context.action !== 'update') return next();
    const data = { ...(context.params.data ?? {}) };
    const storedRow = (await strapi.db.query(ROOM_REQUEST).findOne({ where: { documentId: context.params.documentId } })) as Record<string, unknown>;
    const stored = asRoomRequest(storedRow);
    // The admin sends the whole form back: only what differs from the stored entry is a change.
    const locked = Object.keys(data).filter((key) => !EDITABLE.has(key) && !BOOKKEEPING.includes(key) && !sameValue(data[key], storedRow[key]));
    if (locked.length > 0) refuse(locked[0]!, 'to pole pochodzi z wniosku albo ustawia je CMS; można zmienić stan i uzasadnienie decyzji.');
    const target = typeof data.state === 'string' ? (data.state as RoomRequestState) : stored.state;
    if (!STATES.includes(target)) refuse('state', `nieznany stan „${String(data.state)}”.`);
    if (target === stored.state) return next();
    const reason = typeof data.decisionReason === 'string' ? data.decisionReason.trim() : (stored.decisionReason ?? '');
    if (NEEDS_REASON.includes(target) && !reason) refuse('decisionReason', 'ta decyzja wymaga uzasadnienia – trafi ono do e-maila wnioskodawcy.');

    let turnedDown: RoomRequest[] = [];
    const saved = await withRoomLock(strapi, stored.roomDocumentId, async () => {
      // Read again under the lock: another approval may have turned this request down meanwhile.
      const before = asRoomRequest(await strapi.db.query(ROOM_REQUEST).findOne({ where: { id: stored.id } }));
      const allowed = EDITOR_TRANSITIONS[before.state] ?? [];
      if (!allowed.includes(target)) refuse('state', allowed.length ? `ze stanu „${before.state}” można przejść tylko do: ${allowed.join(', ')}.` : `wniosku w stanie „${before.state}” nie zmienia się ręcznie.`);
      if (target === 'approved') {
        const wanted = meetings(before);
        const { from, to } = spanOf(wanted);
        const conflict = firstConflict(wanted, await busyIntervals(strapi, before.roomDocumentId, from, to));
        if (conflict) refuse('state', `sala jest wtedy zajęta (${whenRequested({ startsAt: conflict.startsAt, endsAt: conflict.endsAt, repeatUntil: null })}) przez wydarzenie albo przyjęty wniosek.`);
      }
      const decided = target === 'approved' || target === 'rejected' ? { decidedAt: new Date() } : {};
      context.params.data = { ...data, ...decided };
      const result = await next();
      if (target === 'approved') {
        turnedDown = await overlappingPending(strapi, before);
        for (const other of turnedDown) await strapi.db.query(ROOM_REQUEST).update({ where: { id: other.id }, data: { state: 'rejected', decisionReason: TURNED_DOWN_REASON, decidedAt: new Date() } });
      }
      return result;
    });

    const mail = MAIL[target];
    if (mail) await tellApplicant(strapi, mail, asRoomRequest(await strapi.db.query(ROOM_REQUEST).findOne({ where: { id: stored.id } })));
    // Only those who confirmed their address get the news; an unconfirmed request just ends.
    for (const other of turnedDown) if (other.state !== 'awaiting_confirmation') await tellApplicant(strapi, 'turned_down', other);
    return saved;
  };
  strapi.documents.use(middleware as unknown as Modules.Documents.Middleware.Middleware);
}
