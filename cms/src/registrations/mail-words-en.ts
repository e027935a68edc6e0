import type { SignupWords } from './mail-words';

/** The sign-up mails and link pages in English. */
export const SIGNUP_WORDS_EN: SignupWords = {
  quote: (title) => `“${title}”`,
  when: (day, time) => `${day} at ${time}`,
  subjects: {
    confirm_request: (t) => `Confirm your sign-up: ${t}`,
    confirmed: (t) => `Sign-up confirmed: ${t}`,
    waitlisted: (t) => `Waiting list: ${t}`,
    awaiting_approval: (t) => `Your application is awaiting a decision: ${t}`,
    promoted: (t) => `A place has come up: ${t}`,
    reminder: (t) => `Reminder: ${t}`,
    approved: (t) => `Application accepted: ${t}`,
    rejected: (t) => `Application not accepted: ${t}`,
    cancelled: (t) => `Cancellation received: ${t}`,
  },
  leads: {
    confirm_request: (f) =>
      f.holdsSeat
        ? `You’ve signed up for ${f.title} (${f.when}). We’ll keep your place for ${f.confirmHours} ${f.confirmHours === 1 ? 'hour' : 'hours'}: please confirm your email address, or your sign-up will expire.`
        : `You’d like to sign up for ${f.title} (${f.when}). Confirm your email address and your sign-up will go on the list (the waiting list, or for the organiser to approve – we’ll let you know what happens next).`,
    confirmed: (f) => `You have a place at ${f.title}: ${f.when}. The attached file lets you add it to your calendar.`,
    waitlisted: (f) => `All the places at ${f.title} (${f.when}) are taken, so we’ve put you on the waiting list. If someone cancels, the first person on the list gets their place straight away – we’ll email you when that happens.`,
    awaiting_approval: (f) => `Thank you for applying for ${f.title} (${f.when}). The organiser decides who takes part; we’ll send their answer to this address.`,
    promoted: (f) => `Good news: a place has come up at ${f.title} (${f.when}) and it’s yours – you don’t need to do anything else.`,
    reminder: (f) => `A reminder that you’re signed up for ${f.title}: ${f.when}. See you there!`,
    approved: (f) => `The organiser has accepted your application for ${f.title} (${f.when}) – you have a place.${f.reason ? ` Message from the organiser: ${f.reason}` : ''}`,
    rejected: (f) => `Unfortunately, the organiser has not accepted your application for ${f.title} (${f.when}).${f.reason ? ` Reason: ${f.reason}` : ''} You’re welcome at the Centre’s other events.`,
    cancelled: (f) => `Your sign-up for ${f.title} (${f.when}) has been cancelled. Thank you for letting us know.`,
  },
  confirm: { label: 'Confirm sign-up', note: 'If you didn’t sign up, just ignore this email – without confirmation, the sign-up will expire.' },
  cancel: { label: 'Cancel my place', note: 'If you can’t come, please cancel – your place will go to the next person.' },
  leaveWaitlist: { label: 'Leave the waiting list', note: 'Don’t want to wait any longer? Take yourself off the list.' },
  withdraw: { label: 'Withdraw my application', note: 'If you change your mind, withdraw your application.' },
  eventPage: 'Event page',
  footer: 'Centrum Obywatelskie, ul. Reymonta 20, Kraków. You’re receiving this email because someone gave this address in the sign-up form on the Centre’s website. We delete sign-up details after the event, in line with our privacy policy.',
  yourSignup: (when) => `Your sign-up: ${when}.`,
  linkPages: {
    confirm: { title: 'Confirm sign-up', lead: 'Click the button to confirm your email address and your sign-up for:', button: 'Confirm my sign-up' },
    cancel: { title: 'Cancel sign-up', lead: 'Click the button to cancel your sign-up for:', button: 'Cancel my place' },
  },
};
