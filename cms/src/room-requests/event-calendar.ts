/**
 * The events' side of one room calendar. A save or publication of an event whose dates fall on a
 * room request the centre already approved is refused, naming the request's time, unless the
 * editor ticks "Przesuń przyjęte wnioski o salę": then the request is rejected and its applicant
 * mailed at once. Every write that can move an event into a room or change its dates passes here
 * (create, update, Duplicate, Publish — also the scheduler's), whether it changes the room, the
 * times or the repetition. The check runs after the write, inside its transaction and under the
 * room's lock, as an approval does (editor.ts): whichever comes second sees the first and loses.
 */
import { errors } from '@strapi/utils';
import { DEFAULT_LANGUAGE, isTranslation } from '../languages/locales';
import type { Core, Modules } from '@strapi/strapi';
import { CONTENT_TYPE_LABELS, fieldName } from '../content/labels';
import { addsToRelation, isoTime, isRecord } from '../validation/write-shapes';
import type { Recurrence, Schedulable } from '../shared/recurrence';
import { roomWords, tellApplicant, whenRequested } from './mail';
import { requestsInTheWay } from './rules';
import { approvedRequests, asRoomRequest, ROOM_REQUEST, withRoomLock, type RoomRequest } from './service';

const EVENT = 'api::event.event';
const ROOM = 'api::room.room';
export const DISPLACE_FIELD = 'displaceRoomRequests';
const CHECKED_ACTIONS = new Set(['create', 'update', 'clone', 'publish']);
/** A field's name as the admin's form shows it, for a message that tells the editor which box to use. */
const labelOf = (uid: string, field: string): string => CONTENT_TYPE_LABELS[uid]?.[field]?.label ?? field;

/**
 * The reason an applicant reads when an event of the centre takes their approved time, in the
 * request's language (the coordinators see what was sent); a weekly request ends whole.
 */
export const displacedReason = (request: Pick<RoomRequest, 'language' | 'repeatUntil'>, meeting: { startsAt: string; endsAt: string }): string =>
  roomWords(request.language).displaced(whenRequested({ ...meeting, repeatUntil: null }, request.language), request.repeatUntil !== null);

interface Context {
  uid: string;
  action: string;
  params: { documentId?: string; data?: Record<string, unknown>; locale?: string };
}

interface StoredEvent extends Partial<Schedulable> {
  id: number;
  roomDocumentId: string | null;
  scheduled: boolean;
  displace: boolean;
}

/** The version of the event the write stored: the published one for a publication, else the draft. */
async function storedEvent(strapi: Core.Strapi, documentId: string, published: boolean): Promise<StoredEvent | null> {
  const row: unknown = await strapi.db.query(EVENT).findOne({
    // The Polish entry holds the event's room and times (a translation only its words).
    where: { documentId, locale: DEFAULT_LANGUAGE, publishedAt: published ? { $notNull: true } : { $null: true } },
    populate: { room: { select: ['documentId'] }, recurrence: true },
  });
  if (!isRecord(row)) return null;
  if (typeof row.id !== 'number') throw new Error(`Room calendar: event ${documentId} came back without an id.`);
  return {
    id: row.id,
    // A draft may still lack its start (Strapi checks required fields only on publish): it holds no time yet.
    startsAt: row.startsAt == null ? undefined : isoTime(row.startsAt),
    endsAt: row.endsAt == null ? null : isoTime(row.endsAt),
    recurrence: isRecord(row.recurrence) ? (row.recurrence as unknown as Recurrence) : null,
    roomDocumentId: isRecord(row.room) && typeof row.room.documentId === 'string' ? row.room.documentId : null,
    // Only events that take place hold a room (busyIntervals reads them the same way).
    scheduled: row.eventStatus === 'scheduled',
    displace: row[DISPLACE_FIELD] === true,
  };
}

const refuse = (inTheWay: { request: RoomRequest; meeting: { startsAt: string; endsAt: string } }[]): never => {
  const times = inTheWay.map(({ request, meeting }) => `${whenRequested({ ...meeting, repeatUntil: null })} (wniosek nr ${request.id}${request.repeatUntil ? ', spotkania co tydzień' : ''})`);
  const message = `${fieldName(EVENT, ['room'])}: sala jest wtedy przyznana organizacji na przyjęty wniosek – ${times.join('; ')}. Zmień termin albo salę, a jeśli Centrum musi mieć tę salę, zaznacz „${labelOf(EVENT, DISPLACE_FIELD)}”: wniosek zostanie odrzucony, a organizacja dostanie e-mail.`;
  throw new errors.ValidationError(message, { errors: [{ path: ['room'], message, name: 'ValidationError' }] });
};

/** The write's answer goes back to the admin's form: it must not show the tick still set. */
function clearTick(result: unknown): void {
  for (const entry of [result, ...(isRecord(result) && Array.isArray(result.entries) ? result.entries : [])]) {
    if (isRecord(entry) && DISPLACE_FIELD in entry) entry[DISPLACE_FIELD] = false;
  }
}

const documentIdOf = (written: unknown, context: Context): string | undefined =>
  isRecord(written) && typeof written.documentId === 'string' ? written.documentId : context.params.documentId;

export function registerRoomCalendarGuard(strapi: Core.Strapi): void {
  const middleware = async (context: Context, next: () => Promise<unknown>) => {
    // A room's list of events would move events into it past the check below: rooms are chosen in the event.
    if (context.uid === ROOM && CHECKED_ACTIONS.has(context.action) && addsToRelation(context.params.data?.events)) {
      const message = `${fieldName(ROOM, ['events'])}: salę wybiera się w samym wydarzeniu (pole „${labelOf(EVENT, 'room')}”), gdzie CMS sprawdza, czy jest wtedy wolna.`;
      throw new errors.ValidationError(message, { errors: [{ path: ['events'], message, name: 'ValidationError' }] });
    }
    if (context.uid !== EVENT || !CHECKED_ACTIONS.has(context.action)) return next();
    // A translation changes no time or room (it takes them from the Polish entry).
    if (context.params.locale !== '*' && isTranslation(EVENT, context.params.locale)) return next();
    let displaced: RoomRequest[] = [];
    const written = await strapi.db.transaction(async () => {
      const result = await next();
      // An update of an event that does not exist writes nothing; Strapi answers it with a 404.
      if (result == null) return result;
      const documentId = documentIdOf(result, context);
      if (!documentId) throw new Error(`Room calendar: the ${context.action} of an event returned no documentId to check.`);
      const event = await storedEvent(strapi, documentId, context.action === 'publish');
      if (!event) throw new Error(`Room calendar: event ${documentId} is not in the database right after its ${context.action}.`);
      const { roomDocumentId, startsAt } = event;
      if (roomDocumentId && startsAt && event.scheduled) {
        displaced = await withRoomLock(strapi, roomDocumentId, async () => {
          const inTheWay = requestsInTheWay({ ...event, startsAt }, await approvedRequests(strapi, { roomDocumentId }), new Date());
          if (inTheWay.length === 0) return [];
          if (!event.displace) refuse(inTheWay);
          const turnedDown: RoomRequest[] = [];
          for (const { request, meeting } of inTheWay) {
            const updated: unknown = await strapi.db.query(ROOM_REQUEST).update({
              where: { id: request.id, state: 'approved' },
              data: { state: 'rejected', decisionReason: displacedReason(request, meeting), decidedAt: new Date() },
            });
            turnedDown.push(asRoomRequest(updated));
          }
          return turnedDown;
        });
      }
      // A tick acts once: the next save of the event is checked again. (updateMany leaves updatedAt, and so the
      // admin's "modified" state, alone.)
      if (event.displace) {
        await strapi.db.query(EVENT).updateMany({ where: { documentId }, data: { [DISPLACE_FIELD]: false } });
        clearTick(result);
      }
      return result;
    });
    if (displaced.length > 0) {
      const event = documentIdOf(written, context) ?? '';
      const turnedDown = displaced;
      // Only once the write is committed: the admin's Publish runs a save and the publication in one
      // transaction, and a publication refused after the save must not have told anyone anything.
      const tell = async (): Promise<void> => {
        strapi.log.info(`Room calendar: event ${event} displaced approved room request(s) ${turnedDown.map((request) => request.id).join(', ')}; mailing the applicants.`);
        for (const request of turnedDown) {
          await tellApplicant(strapi, 'rejected', request);
          // The freed time shows on the site after a rebuild; tell the rebuild service as a decision in the admin would, with the id only.
          await strapi.eventHub.emit('entry.update', { model: 'room-request', uid: ROOM_REQUEST, entry: { documentId: request.documentId, publishedAt: new Date().toISOString() } });
        }
      };
      // Strapi runs commit callbacks without waiting for them: a failure is logged here, by ids only.
      await strapi.db.transaction(({ onCommit }) => onCommit(() => void tell().catch((error: unknown) => strapi.log.error(`Room calendar: telling the applicants of request(s) ${turnedDown.map((request) => request.id).join(', ')} failed: ${error instanceof Error ? error.message : String(error)}`))));
    }
    return written;
  };
  strapi.documents.use(middleware as unknown as Modules.Documents.Middleware.Middleware);
}
