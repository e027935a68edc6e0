import type { RoomFacts, RoomWords } from './mail-words';

const hours = (n: number): string => `${n} ${n === 1 ? 'hour' : 'hours'}`;

const what = (f: RoomFacts) => `the room “${f.room}” (${f.when})`;

/** A room request's mails to the applicant and their link pages, in English. */
export const ROOM_WORDS_EN: RoomWords = {
  when: (day, hours, until) => `${day}, ${hours}${until ? `, weekly until ${until}` : ''}`,
  subjects: {
    confirm_request: (r) => `Confirm your room request: ${r}`,
    requested: (r) => `Your room request is awaiting a decision: ${r}`,
    needs_information: (r) => `More information needed for your room request: ${r}`,
    approved: (r) => `Room booked: ${r}`,
    rejected: (r) => `Room request not approved: ${r}`,
    withdrawn: (r) => `Room request withdrawn: ${r}`,
    turned_down: (r) => `Room time given to another group: ${r}`,
  },
  leads: {
    confirm_request: (f) =>
      `We’ve received your request for ${what(f)}. Please confirm your email address within ${hours(f.confirmHours)} – only then will your request go to the room coordinator.`,
    requested: (f) =>
      `Thank you! Your request for ${what(f)} is awaiting a decision from the room coordinator. We’ll send the answer to this address. The room is only booked once the request is approved.`,
    needs_information: (f) =>
      `The room coordinator needs more information to consider your request for ${what(f)}:${f.reason ? ` ${f.reason}` : ''} Please reply to this email.`,
    approved: (f) =>
      `Your request for ${what(f)} has been approved – the room is booked for you.${f.reason ? ` Message from the coordinator: ${f.reason}` : ''} The dates for your calendar are attached.`,
    rejected: (f) => `Unfortunately, we can’t let you have ${what(f)}. Reason:${f.reason ? ` ${f.reason}` : ''}`,
    withdrawn: (f) => `We’ve withdrawn your request for ${what(f)}. Thank you for letting us know.`,
    turned_down: (f) =>
      `Unfortunately, we can’t approve your request for ${what(f)}: we’ve already given that time to another group. Check the free hours on the room’s page and send a new request.`,
  },
  confirm: { label: 'Confirm request', note: 'If you didn’t make this request, just ignore this email – without confirmation, the request will expire.' },
  withdraw: { label: 'Withdraw request', note: 'If you no longer need the room, please withdraw your request – then someone else can have that time.' },
  footer:
    'Centrum Obywatelskie (the Civic Centre), ul. Reymonta 20, Kraków. You’re receiving this email because someone gave this address in a room request on the Centre’s website. We delete the request’s details after the booked date, in line with our privacy policy.',
  calendar: {
    title: (r) => `${r} – booking`,
    description: 'A room at Centrum Obywatelskie (the Civic Centre), ul. Reymonta 20, Kraków.',
    fileName: 'booking.ics',
  },
  linkPages: {
    confirm: { title: 'Confirm your room request', lead: 'Click the button to confirm your email address and send your request to the room coordinator:', button: 'Confirm my request' },
    withdraw: { title: 'Withdraw your room request', lead: 'Click the button to withdraw your request and free up the time:', button: 'Withdraw my request' },
  },
  displaced: (when, series) =>
    `The Centre needs this room on ${when} for an event of its own, so we have to cancel the booking we gave you${series ? ' — the whole series of weekly meetings' : ''}. We’re sorry — reply to this email and we’ll help you find another time or another room.`,
};
