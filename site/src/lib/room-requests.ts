/**
 * Room requests on the site: the CMS's tables of answers and its booking-window arithmetic
 * (cms/src/shared). The window itself is the one the CMS publishes (collections.ts roomBookingWindow),
 * never its default, which is why DEFAULT_BOOKING_WINDOW is not offered here.
 */
export { EVENT_WITHOUT_END_MS, ROOM_REQUEST_RESULTS, type RoomRequestResultPage } from '../../../cms/src/shared/room-request-results';
export { bookableDays } from '../../../cms/src/room-requests/rules';
