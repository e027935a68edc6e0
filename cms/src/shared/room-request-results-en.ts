import type { RoomRequestResultTexts } from './room-request-results';

const fix = (field: string, message: string) => ({ title: `Please correct “${field}”`, message, field });

/** The room request's answer pages in English; addresses and statuses are the Polish pages'. */
export const ROOM_REQUEST_RESULTS_EN: RoomRequestResultTexts = {
  check_email: { title: 'Check your email', message: 'We’ve sent you an email with a link. Open it and click “Confirm request” – only then will your request go to the room coordinator. Can’t see the email? Check your spam folder.' },
  repeat: { title: 'This request has already been made', message: 'There’s already a request for this room at this time from this email address, so we haven’t added another. We’ve sent you the email with the links again.' },
  requested: { title: 'Your request is awaiting a decision', message: 'Thank you. The room coordinator will look at your request and reply by email – usually within two working days. The room is only booked once the request is approved.' },
  already: { title: 'This request was already confirmed', message: 'This request has already been confirmed or dealt with. The coordinator’s reply will come by email.' },
  expired: { title: 'Your request has expired', message: 'The request wasn’t confirmed within 48 hours, so it has expired. Please make it again on the room’s page.' },
  withdrawn: { title: 'Request withdrawn', message: 'Your request has been withdrawn and the time freed up. We’ve sent you a confirmation by email.' },
  not_withdrawable: { title: 'This request can no longer be withdrawn', message: 'The request has already been withdrawn or turned down, or the booked time has already begun. If you have any questions, write to the Centre.' },
  unknown_link: { title: 'This link is out of date', message: 'We couldn’t find a request for this link. It may not have been copied in full, or the request’s details may already have been deleted.' },
  invalid_token: { title: 'This link is incomplete', message: 'The link from the email is incomplete. Copy all of it, or click it in the email.' },
  unknown_room: { title: 'There’s no such room', message: 'The Centre no longer offers this room. Choose a room from the list on the website.' },
  slot_taken: { title: 'That time is taken', message: 'The room is taken at that time by an event or an approved booking. Check the free hours in the room’s calendar and choose another time.' },
  outside_hours: { title: 'Outside opening hours', message: 'We only lend rooms during the Centre’s opening hours, shown in the footer of the page. Please choose hours within them.' },
  too_soon: { title: 'Not enough time to consider the request', message: 'Requests must be made in advance – the form shows the earliest possible date. Please choose a later date.' },
  too_far: { title: 'Too far ahead', message: 'We only take bookings as far ahead as the form states. Please send your request later.' },
  too_many_people: { title: 'The room is too small', message: 'The expected number of participants is more than the room can hold. Choose a larger room or reduce the number of people.' },
  rate_limited: { title: 'Too many attempts', message: 'Too many forms have been sent from this address in a short time. Wait a few minutes and try again.' },
  mail_failed: { title: 'We couldn’t send the email', message: 'Your request wasn’t accepted because we couldn’t send you an email. Please try again in a moment; if the problem continues, write to the Centre.' },
  invalid_room: fix('Room', 'We can’t tell which room this request is for. Open the room’s page and send the form from there.'),
  invalid_organisation: fix('Organisation or group', 'Enter the name of the organisation or group (2 to 200 characters).'),
  invalid_krs: fix('KRS number', 'The KRS number – the organisation’s number in the Polish National Court Register – has 10 digits, e.g. 0000123456. Informal groups leave this field blank.'),
  invalid_name: fix('Contact person', 'Enter the contact person’s first name and surname (2 to 120 characters).'),
  invalid_email: fix('Email address', 'Enter a valid email address, e.g. jan.kowalski@example.pl – without spaces, accented letters, quotes or brackets.'),
  invalid_phone: fix('Phone', 'Enter a phone number: digits, spaces and hyphens, with a + at the start if needed (9 to 20 characters).'),
  invalid_purpose: fix('Purpose of the meeting', 'Describe the purpose of the meeting (10 to 1000 characters) – the coordinator decides whether to lend the room based on it.'),
  invalid_date: fix('Date', 'Enter the date in the format YYYY-MM-DD, e.g. 2027-01-15.'),
  invalid_time: fix('Hours', 'Enter the start and end times in the format HH:MM; the end must be later than the start on the same day.'),
  invalid_participants: fix('Number of participants', 'Enter the expected number of participants: a number from 1 to 500.'),
  invalid_equipment: fix('Equipment needed', 'The description of the equipment can be at most 500 characters long.'),
  invalid_repeat: fix('Repeat weekly until', 'The date the repeats end must be later than the first date and in the format YYYY-MM-DD.'),
  invalid_consent_version: fix('Consent', 'The wording of the consent under the form has changed since you opened the page, or the form didn’t send it. Refresh the room’s page, read the consent and send your request again.'),
  missing_consent: fix('Consent', 'To send your request, tick the box to consent to the processing of your data.'),
};
