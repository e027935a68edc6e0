import type { APIRoute, GetStaticPaths } from 'astro';
import { PREFIXED_LANGUAGES } from '../../../lib/i18n';
import { roomFeedPaths, roomFeedResponse, type RoomFeedProps } from '../../../lib/calendar-feed';

/** /uk/sale/<slug>.ics, /en/…: a translated room's calendar, its events by their titles in the language where translated. */
export const getStaticPaths = (() => roomFeedPaths(PREFIXED_LANGUAGES)) satisfies GetStaticPaths;

export const GET: APIRoute<RoomFeedProps> = roomFeedResponse;
