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
import type { Core, Modules } from '@strapi/strapi';
import { fieldName } from '../content/labels';
import { isRecord } from '../validation/write-shapes';
import type { Recurrence, Schedulable } from '../shared/recurrence';
import { tellApplicant, whenRequested } from './mail';
import { requestsInTheWay } from './rules';
import { approvedRequests, asRoomRequest, ROOM_REQUEST, withRoomLock, type RoomRequest } from './service';

const EVENT = 'api::event.event';
export const DISPLACE_FIELD = 'displaceRoomRequests';
const CHECKED_ACTIONS = new Set(['create', 'update', 'clone', 'publish']);

/** The reason an applicant reads when an event of the centre takes their approved time. */
export const displacedReason = (when: string): string =>
  `Centrum potrzebuje tej sali w terminie ${when} na własne wydarzenie, dlatego musimy odwołać przyznaną rezerwację. Przepraszamy – odpowiedz na tę wiadomość, a pomożemy znaleźć inny termin albo inną salę.`;

interface Context {
  uid: string;
  action: string;
  params: { documentId?: string };
}

interface StoredEvent extends Schedulable {
  id: number;
  roomDocumentId: string | null;
  scheduled: boolean;
  displace: boolean;
}

const iso = (value: unknown): string => new Date(value instanceof Date ? value : typeof value === 'number' ? value : String(value)).toISOString();

/** The version of the event the write stored: the published one for a publication, else the draft. */
async function storedEvent(strapi: Core.Strapi, documentId: string, published: boolean): Promise<StoredEvent | null> {
  const row: unknown = await strapi.db.query(EVENT).findOne({
    where: { documentId, publishedAt: published ? { $notNull: true } : { $null: true } },
    populate: { room: { select: ['documentId'] }, recurrence: true },
  });
  if (!isRecord(row)) return null;
  if (typeof row.id !== 'number' || row.startsAt == null) throw new Error(`Room calendar: event ${documentId} was stored without an id or a start: ${JSON.stringify(row)}`);
  return {
    id: row.id,
    startsAt: iso(row.startsAt),
    endsAt: row.endsAt == null ? null : iso(row.endsAt),
    recurrence: isRecord(row.recurrence) ? (row.recurrence as unknown as Recurrence) : null,
    roomDocumentId: isRecord(row.room) && typeof row.room.documentId === 'string' ? row.room.documentId : null,
    // Only events that take place hold a room (busyIntervals reads them the same way).
    scheduled: row.eventStatus === 'scheduled',
    displace: row[DISPLACE_FIELD] === true,
  };
}

const refuse = (inTheWay: { request: RoomRequest; meeting: { startsAt: string; endsAt: string } }[]): never => {
  const times = inTheWay.map(({ request, meeting }) => `${whenRequested({ ...meeting, repeatUntil: null })} (wniosek nr ${request.id}${request.repeatUntil ? ', spotkania co tydzień' : ''})`);
  const message = `${fieldName(EVENT, ['room'])}: sala jest wtedy przyznana organizacji na przyjęty wniosek – ${times.join('; ')}. Zmień termin albo salę, a jeśli Centrum musi mieć tę salę, zaznacz „${fieldName(EVENT, [DISPLACE_FIELD]).replace(/ \(.*\)$/, '')}”: wniosek zostanie odrzucony, a organizacja dostanie e-mail.`;
  throw new errors.ValidationError(message, { errors: [{ path: ['room'], message, name: 'ValidationError' }] });
};

const documentIdOf = (written: unknown, context: Context): string | undefined =>
  isRecord(written) && typeof written.documentId === 'string' ? written.documentId : context.params.documentId;

export function registerRoomCalendarGuard(strapi: Core.Strapi): void {
  const middleware = async (context: Context, next: () => Promise<unknown>) => {
    if (context.uid !== EVENT || !CHECKED_ACTIONS.has(context.action)) return next();
    let displaced: RoomRequest[] = [];
    const written = await strapi.db.transaction(async () => {
      const result = await next();
      // An update of an event that does not exist writes nothing; Strapi answers it with a 404.
      if (result == null) return result;
      const documentId = documentIdOf(result, context);
      if (!documentId) throw new Error(`Room calendar: the ${context.action} of an event returned no documentId to check.`);
      const event = await storedEvent(strapi, documentId, context.action === 'publish');
      if (!event) throw new Error(`Room calendar: event ${documentId} is not in the database right after its ${context.action}.`);
      if (event.roomDocumentId && event.scheduled) {
        const roomDocumentId = event.roomDocumentId;
        displaced = await withRoomLock(strapi, roomDocumentId, async () => {
          const inTheWay = requestsInTheWay(event, await approvedRequests(strapi, { roomDocumentId }), new Date());
          if (inTheWay.length === 0) return [];
          if (!event.displace) refuse(inTheWay);
          const turnedDown: RoomRequest[] = [];
          for (const { request, meeting } of inTheWay) {
            const updated: unknown = await strapi.db.query(ROOM_REQUEST).update({
              where: { id: request.id, state: 'approved' },
              data: { state: 'rejected', decisionReason: displacedReason(whenRequested({ ...meeting, repeatUntil: null })), decidedAt: new Date() },
            });
            turnedDown.push(asRoomRequest(updated));
          }
          return turnedDown;
        });
      }
      // A tick acts once: the next save of the event is checked again.
      if (event.displace) await strapi.db.query(EVENT).updateMany({ where: { documentId }, data: { [DISPLACE_FIELD]: false } });
      return result;
    });
    for (const request of displaced) {
      await tellApplicant(strapi, 'rejected', request);
      // The freed time shows on the site after a rebuild; tell the rebuild service as a decision in the admin would, with the id only.
      await strapi.eventHub.emit('entry.update', { model: 'room-request', uid: ROOM_REQUEST, entry: { documentId: request.documentId, publishedAt: new Date().toISOString() } });
    }
    if (displaced.length > 0) strapi.log.info(`Room calendar: event ${documentIdOf(written, context) ?? ''} displaced approved room request(s) ${displaced.map((request) => request.id).join(', ')}; the applicants were mailed.`);
    return written;
  };
  strapi.documents.use(middleware as unknown as Modules.Documents.Middleware.Middleware);
}
