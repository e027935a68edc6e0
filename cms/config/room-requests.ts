import type { Core } from '@strapi/strapi';
import { DEFAULT_BOOKING_WINDOW } from '../src/shared/room-request-results';

/** Room requests from the site (src/room-requests/): read with strapi.config.get('room-requests'). */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // The first meeting at least this many days ahead (time to decide), the last at most this many months ahead.
  minDays: env.int('ROOM_REQUEST_MIN_DAYS', DEFAULT_BOOKING_WINDOW.minDays),
  maxMonths: env.int('ROOM_REQUEST_MAX_MONTHS', DEFAULT_BOOKING_WINDOW.maxMonths),
  // An unconfirmed request expires after this many hours.
  confirmHours: env.int('ROOM_REQUEST_CONFIRM_HOURS', 48),
  // This many days after its last meeting, a request's personal data is erased (the counts stay).
  eraseDays: env.int('ROOM_REQUEST_ERASE_DAYS', 30),
  // Per client IP and per e-mail address, in a sliding 10-minute window.
  rateLimitPerIp: env.int('ROOM_REQUEST_RATE_LIMIT_IP', 10),
  rateLimitPerEmail: env.int('ROOM_REQUEST_RATE_LIMIT_EMAIL', 5),
});
