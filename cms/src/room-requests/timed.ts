/**
 * The periodic work of room requests, run with the other forms' under one database lease
 * (timed-work/run.ts): unconfirmed requests expire, and some days after a request's last meeting
 * its personal data is erased — the row keeps the room, the times, the head count and the
 * decision, which is what the centre counts. Takes "now" as an argument for tests.
 */
import type { Core } from '@strapi/strapi';
import { roomRequestSettings, type RoomRequestSettings } from './mail';
import { meetings } from './rules';
import { asRoomRequest, ROOM_REQUEST } from './service';

/** The fields that say who asked; erasure empties them. */
export const PERSONAL_FIELDS = ['organisation', 'krs', 'contactName', 'email', 'phone', 'purpose', 'equipment', 'decisionReason'] as const;

export async function expireRoomRequests(strapi: Core.Strapi, now: Date, { confirmHours }: Pick<RoomRequestSettings, 'confirmHours'>): Promise<number> {
  const { count } = await strapi.db.query(ROOM_REQUEST).updateMany({
    where: { state: 'awaiting_confirmation', createdAt: { $lt: new Date(now.getTime() - confirmHours * 3_600_000) } },
    data: { state: 'expired' },
  });
  return count;
}

export async function eraseRoomRequests(strapi: Core.Strapi, now: Date, { eraseDays }: Pick<RoomRequestSettings, 'eraseDays'>): Promise<number> {
  const cutoff = now.getTime() - eraseDays * 86_400_000;
  // Cheap first cut by the first meeting; the last meeting of a weekly request is worked out below.
  const rows: unknown[] = await strapi.db.query(ROOM_REQUEST).findMany({ where: { erasedAt: { $null: true }, startsAt: { $lt: new Date(cutoff) } } });
  const due = rows.map(asRoomRequest).filter((request) => Date.parse(meetings(request).at(-1)!.endsAt) < cutoff);
  if (due.length === 0) return 0;
  const { count } = await strapi.db.query(ROOM_REQUEST).updateMany({
    where: { id: { $in: due.map((request) => request.id) } },
    data: { ...Object.fromEntries(PERSONAL_FIELDS.map((field) => [field, null])), erasedAt: now },
  });
  return count;
}

export interface RoomRequestTimedReport {
  /** Unconfirmed requests expired, and requests erased after their last meeting. */
  roomRequestsExpired: number;
  roomRequestsErased: number;
}

/** One run of everything above; the caller holds the job lease. */
export async function runRoomRequestTimedWork(strapi: Core.Strapi, now: Date): Promise<RoomRequestTimedReport> {
  const settings = roomRequestSettings(strapi);
  return { roomRequestsExpired: await expireRoomRequests(strapi, now, settings), roomRequestsErased: await eraseRoomRequests(strapi, now, settings) };
}
