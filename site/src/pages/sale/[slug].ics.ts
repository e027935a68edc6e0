import type { APIRoute, GetStaticPaths } from 'astro';
import { DEFAULT_LANGUAGE } from '../../lib/i18n';
import { roomFeedPaths, roomFeedResponse, type RoomFeedProps } from '../../lib/calendar-feed';

/**
 * /sale/<slug>.ics: the published events held in one room, cancelled ones included (as
 * CANCELLED, so a subscribed calendar drops them), and the times approved room requests hold it —
 * as "busy", never with who asked. In every language the room is translated into through
 * [lang]/sale/[slug].ics.ts.
 */
export const getStaticPaths = (() => roomFeedPaths([DEFAULT_LANGUAGE])) satisfies GetStaticPaths;

export const GET: APIRoute<RoomFeedProps> = roomFeedResponse;
