import { describe, expect, it } from 'vitest';
import { bookableDays, firstConflict, firstMeeting, meetings, overlaps, parseRoomRequest, refusal, requestsInTheWay, withinOpeningHours, type OpeningHours } from '../../cms/src/room-requests/rules';
import { whenRequested } from '../../cms/src/room-requests/mail';
import { displacedReason } from '../../cms/src/room-requests/event-calendar';
import { ROOM_REQUEST_RESULTS } from '../../cms/src/shared/room-request-results';

const HOURS: OpeningHours[] = [
  { dayFrom: 'monday', dayTo: 'friday', opens: '09:00:00.000', closes: '20:00:00.000' },
  { dayFrom: 'saturday', opens: '10:00:00.000', closes: '14:00:00.000' },
];

const body = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  room: 'roomdocumentid0000000001',
  organisation: '  Fundacja   Dobry Start ',
  krs: '0000 123 456',
  name: 'Anna Nowak',
  email: ' Anna.Nowak@Example.org ',
  phone: '+48 600-100-200',
  purpose: 'Spotkanie zarządu fundacji.\r\nDruga linia.',
  date: '2027-03-23',
  from: '16:00',
  to: '18:00',
  participants: '12',
  equipment: '',
  consent: 'tak',
  consentVersion: 'sale-2027-01-05',
  website: '',
  ...fields,
});
const accepts = (version: string) => version === 'sale-2027-01-05';

describe('the room request form', () => {
  it('reads the whitelisted fields, tidied', () => {
    expect(parseRoomRequest({ ...body(), isAdmin: true, state: 'approved' }, accepts)).toEqual({
      ok: true,
      value: {
        roomDocumentId: 'roomdocumentid0000000001',
        organisation: 'Fundacja Dobry Start',
        krs: '0000123456',
        contactName: 'Anna Nowak',
        email: 'anna.nowak@example.org',
        phone: '+48 600-100-200',
        purpose: 'Spotkanie zarządu fundacji.\nDruga linia.',
        date: '2027-03-23',
        from: '16:00',
        to: '18:00',
        repeatUntil: null,
        participants: 12,
        equipment: null,
        consentVersion: 'sale-2027-01-05',
        language: 'pl',
      },
    });
    // The room page's language, for the answers and mails; an unknown one is Polish.
    expect(parseRoomRequest(body({ language: 'uk' }), accepts)).toMatchObject({ ok: true, value: { language: 'uk' } });
    expect(parseRoomRequest(body({ language: 'fr' }), accepts)).toMatchObject({ ok: true, value: { language: 'pl' } });
  });

  it('takes an informal group without a KRS number', () => {
    const parsed = parseRoomRequest(body({ krs: '' }), accepts);
    expect(parsed.ok && parsed.value.krs).toBeNull();
  });

  it.each([
    [{ room: '../etc' }, 'room', 'invalid_room'],
    [{ organisation: 'A' }, 'organisation', 'invalid_organisation'],
    [{ krs: '000012345X' }, 'krs', 'invalid_krs'],
    [{ name: 'A\u0000' }, 'name', 'invalid_name'],
    [{ email: 'anna@example.org\r\nBcc: x@y.pl' }, 'email', 'invalid_email'],
    [{ phone: '123' }, 'phone', 'invalid_phone'],
    [{ purpose: 'Za krótko' }, 'purpose', 'invalid_purpose'],
    [{ date: '2027-02-29' }, 'date', 'invalid_date'],
    [{ from: '18:00', to: '16:00' }, 'from', 'invalid_time'],
    [{ to: '24:00' }, 'from', 'invalid_time'],
    [{ participants: '1.5' }, 'participants', 'invalid_participants'],
    [{ participants: '501' }, 'participants', 'invalid_participants'],
    [{ equipment: 'x'.repeat(501) }, 'equipment', 'invalid_equipment'],
    [{ repeatUntil: '2027-03-23' }, 'repeatUntil', 'invalid_repeat'],
    [{ consent: '' }, 'consent', 'missing_consent'],
    [{ consentVersion: '' }, 'consentVersion', 'invalid_consent_version'],
    [{ consentVersion: 'sale-2025-01-01' }, 'consentVersion', 'invalid_consent_version'],
  ])('refuses %j, naming the field %s', (fields, field, code) => {
    const parsed = parseRoomRequest(body(fields), accepts);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems).toContainEqual({ field, code });
    expect(ROOM_REQUEST_RESULTS[code as keyof typeof ROOM_REQUEST_RESULTS].status).toBe(400);
  });

  it('recognises a filled honeypot', () => {
    expect(parseRoomRequest(body({ website: 'x' }), accepts)).toMatchObject({ ok: false, bot: true });
  });
});

describe('the meetings a request covers', () => {
  it('keeps Kraków wall-clock time across the change to summer time', () => {
    const first = firstMeeting({ date: '2027-03-23', from: '16:00', to: '18:00' });
    expect(first).toEqual({ startsAt: '2027-03-23T15:00:00Z', endsAt: '2027-03-23T17:00:00Z' });
    expect(meetings({ ...first, repeatUntil: '2027-04-06' })).toEqual([
      { startsAt: '2027-03-23T15:00:00Z', endsAt: '2027-03-23T17:00:00Z' },
      { startsAt: '2027-03-30T14:00:00Z', endsAt: '2027-03-30T16:00:00Z' },
      { startsAt: '2027-04-06T14:00:00Z', endsAt: '2027-04-06T16:00:00Z' },
    ]);
    expect(whenRequested({ ...first, repeatUntil: '2027-04-06' })).toBe('wtorek, 23 marca 2027, 16:00–18:00, co tydzień do 6 kwietnia 2027');
    // In the request's language, still in Kraków time.
    expect(whenRequested({ ...first, repeatUntil: '2027-04-06' }, 'uk')).toBe('вівторок, 23 березня 2027, 16:00–18:00, щотижня до 6 квітня 2027');
    expect(whenRequested({ ...first, repeatUntil: null }, 'en')).toBe('Tuesday, 23 March 2027, 16:00–18:00');
    // When an event of the centre takes an approved time, the applicant reads why in their language.
    expect(displacedReason({ language: 'uk', repeatUntil: '2027-04-06' }, first)).toMatch(/^Центру потрібна ця зала в такий час: вівторок, 23 березня 2027, 16:00–18:00, .*усю серію щотижневих зустрічей/);
    expect(displacedReason({ language: 'pl', repeatUntil: null }, first)).toContain('w terminie wtorek, 23 marca 2027, 16:00–18:00 na własne wydarzenie');
  });

  it('counts meetings that touch end to start as not overlapping', () => {
    const a = { startsAt: '2027-03-23T15:00:00Z', endsAt: '2027-03-23T17:00:00Z' };
    expect(overlaps(a, { startsAt: '2027-03-23T17:00:00Z', endsAt: '2027-03-23T18:00:00Z' })).toBe(false);
    expect(overlaps(a, { startsAt: '2027-03-23T16:59:00Z', endsAt: '2027-03-23T18:00:00Z' })).toBe(true);
    expect(firstConflict([a], [{ startsAt: '2027-03-23T14:00:00Z', endsAt: '2027-03-23T15:30:00Z' }])).toEqual({ startsAt: '2027-03-23T14:00:00Z', endsAt: '2027-03-23T15:30:00Z' });
  });
});

describe('when the centre lends a room', () => {
  it('only within the opening hours of that weekday', () => {
    expect(withinOpeningHours({ date: '2027-03-23', from: '09:00', to: '20:00' }, HOURS)).toBe(true);
    expect(withinOpeningHours({ date: '2027-03-23', from: '08:30', to: '10:00' }, HOURS)).toBe(false);
    expect(withinOpeningHours({ date: '2027-03-27', from: '10:00', to: '14:00' }, HOURS)).toBe(true);
    expect(withinOpeningHours({ date: '2027-03-27', from: '13:00', to: '15:00' }, HOURS)).toBe(false);
    expect(withinOpeningHours({ date: '2027-03-28', from: '10:00', to: '11:00' }, HOURS)).toBe(false);
  });

  it('from the set number of days ahead to the set number of months', () => {
    expect(bookableDays(new Date('2027-01-30T23:30:00Z'), { minDays: 2, maxMonths: 2 })).toEqual({ first: '2027-02-02', last: '2027-03-31' });
  });

  it('refuses a request for more people than the room holds, too early, too late or when taken', () => {
    const now = new Date('2027-03-10T10:00:00Z');
    const input = { date: '2027-03-23', from: '16:00', to: '18:00', participants: 12 };
    const wanted = meetings({ ...firstMeeting(input), repeatUntil: null });
    const window = { minDays: 2, maxMonths: 2 };
    expect(refusal(input, wanted, { capacity: 12 }, HOURS, window, [], now)).toBeNull();
    expect(refusal(input, wanted, { capacity: 11 }, HOURS, window, [], now)).toBe('too_many_people');
    expect(refusal(input, wanted, { capacity: 12 }, HOURS, window, [], new Date('2027-03-22T10:00:00Z'))).toBe('too_soon');
    expect(refusal(input, wanted, { capacity: 12 }, HOURS, window, [], new Date('2027-01-01T10:00:00Z'))).toBe('too_far');
    expect(refusal({ ...input, from: '19:00', to: '21:00' }, meetings({ ...firstMeeting({ ...input, from: '19:00', to: '21:00' }), repeatUntil: null }), { capacity: 12 }, HOURS, window, [], now)).toBe('outside_hours');
    expect(refusal(input, wanted, { capacity: 12 }, HOURS, window, [{ startsAt: '2027-03-23T16:00:00Z', endsAt: '2027-03-23T19:00:00Z' }], now)).toBe('slot_taken');
  });
});

describe('which approved requests an event runs into', () => {
  // Tuesdays 16:00–18:00 Kraków time (15:00 UTC in winter), from 12 January 2027 for four weeks.
  const weekly = { id: 1, startsAt: '2027-01-12T15:00:00Z', endsAt: '2027-01-12T17:00:00Z', repeatUntil: '2027-02-02' };
  const once = { id: 2, startsAt: '2027-01-14T09:00:00Z', endsAt: '2027-01-14T11:00:00Z', repeatUntil: null };
  const now = new Date('2027-01-01T12:00:00Z');

  it('finds the meeting of a weekly request that one date of an event overlaps', () => {
    const event = { startsAt: '2027-01-26T16:30:00Z', endsAt: '2027-01-26T18:00:00Z' };
    expect(requestsInTheWay(event, [weekly, once], now)).toEqual([{ request: weekly, meeting: { startsAt: '2027-01-26T15:00:00Z', endsAt: '2027-01-26T17:00:00Z' } }]);
  });

  it('follows a repeating event to its later dates, and an event without an end holds the room two hours', () => {
    const series = { startsAt: '2027-01-07T09:30:00Z', endsAt: '2027-01-07T10:00:00Z', recurrence: { frequency: 'weekly' as const, interval: 1, until: '2027-01-31', thursday: true } };
    expect(requestsInTheWay(series, [weekly, once], now).map(({ request }) => request.id)).toEqual([2]);
    expect(requestsInTheWay({ startsAt: '2027-01-14T07:30:00Z', endsAt: null }, [once], now)).toHaveLength(1);
    expect(requestsInTheWay({ startsAt: '2027-01-14T06:30:00Z', endsAt: null }, [once], now)).toEqual([]);
  });

  it('lets an event touch a request end to start, and leaves meetings already over alone', () => {
    expect(requestsInTheWay({ startsAt: '2027-01-12T17:00:00Z', endsAt: '2027-01-12T19:00:00Z' }, [weekly], now)).toEqual([]);
    // After the first meeting: an old event on that day can still be corrected; a later date still counts.
    const later = new Date('2027-01-13T00:00:00Z');
    expect(requestsInTheWay({ startsAt: '2027-01-12T15:00:00Z', endsAt: '2027-01-12T16:00:00Z' }, [weekly], later)).toEqual([]);
    expect(requestsInTheWay({ startsAt: '2027-01-19T15:00:00Z', endsAt: '2027-01-19T16:00:00Z' }, [weekly], later)).toHaveLength(1);
  });
});

