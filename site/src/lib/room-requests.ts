/** Room requests on the site: the CMS's tables of answers, the consent, and the booking window (cms/src/shared). */
export { DEFAULT_BOOKING_WINDOW, EVENT_WITHOUT_END_MS, ROOM_REQUEST_CONSENT, ROOM_REQUEST_RESULTS, type RoomRequestResultPage } from '../../../cms/src/shared/room-request-results';
export { bookableDays } from '../../../cms/src/room-requests/rules';
