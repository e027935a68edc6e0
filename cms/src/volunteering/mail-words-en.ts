import type { VolunteerWords } from './mail-words';

const hours = (n: number): string => `${n} ${n === 1 ? 'hour' : 'hours'}`;

/** A volunteering application's mails to the applicant and their link pages, in English. */
export const VOLUNTEER_WORDS_EN: VolunteerWords = {
  subjects: {
    confirm_application: (o) => `Confirm your volunteering application: ${o}`,
    submitted: (o) => `Application sent: ${o}`,
    accepted: (o) => `The organisation has accepted your application: ${o}`,
    declined: (o) => `Reply to your application: ${o}`,
    withdrawn: (o) => `Application withdrawn: ${o}`,
  },
  leads: {
    confirm_application: (f) => `We’ve received your application for “${f.offer}” (${f.organization ?? 'a partner organisation'}). Please confirm your email address within ${hours(f.confirmHours)} – only then will your application go to the organisation.`,
    submitted: (f) =>
      `Thank you! Your application for “${f.offer}” (${f.organization ?? 'a partner organisation'}) has gone to the organisation${f.reserve ? ' as a reserve list application – the organisation already has all the volunteers it needs and will get in touch when a place comes up' : ''}. You’ll get a reply from: ${f.contact ?? 'the organisation'}.`,
    accepted: (f) =>
      `Good news: ${f.organization ?? 'the organisation'} has accepted your application for “${f.offer}”. The contact person will get in touch to arrange the details – or you can write to them first.${f.minor ? ' Remember to bring written consent from a parent or guardian to the first meeting.' : ''}`,
    declined: (f) =>
      `Thank you for wanting to help. This time the organisation can’t accept your application for “${f.offer}”: ${f.declineReason ? VOLUNTEER_WORDS_EN.declineSentences[f.declineReason] : 'it gave no reason.'} There are other offers waiting for you on the volunteering board.`,
    withdrawn: (f) => `We’ve withdrawn your application for “${f.offer}” (${f.organization ?? 'a partner organisation'}). If it had already reached the organisation, we’ve let them know. Thank you for telling us.`,
  },
  confirm: { label: 'Confirm application', note: 'If you didn’t apply, just ignore this email – without confirmation, the application will expire and we’ll delete the details.' },
  withdraw: { label: 'Withdraw application', note: 'If you change your mind, withdraw your application – the organisation will get a message.' },
  details: { offer: 'Offer', availability: 'When you can help', contact: 'Contact person', email: 'Email', phone: 'Phone', note: 'Message from the organisation', board: 'Volunteering board' },
  footer: 'Centrum Obywatelskie, ul. Reymonta 20, Kraków. You’re receiving this email because someone gave this address in an application to a volunteering offer on the Centre’s website. We delete application details after the offer ends, in line with our privacy policy.',
  // The English of DECLINE_REASONS' sentences (shared/volunteer-application-results.ts).
  declineSentences: {
    places_filled: 'the organisation already has all the volunteers it needs for this offer.',
    profile_mismatch: 'for this offer, the organisation is looking for someone with different experience or availability.',
    offer_ended: 'the offer is no longer current.',
    other: 'the organisation has given its reason in the message below.',
  },
  linkPages: {
    confirm: { title: 'Confirm your volunteering application', lead: 'Click the button to confirm your email address and send your application to the organisation:', button: 'Confirm my application' },
    withdraw: { title: 'Withdraw application', lead: 'Click the button to withdraw your application; the organisation will get a message:', button: 'Withdraw my application' },
  },
  interest: {
    confirmSubject: 'Please confirm: new volunteering offers by email',
    confirmLead: (hours) =>
      `Someone (probably you) asked on the website of Centrum Obywatelskie (the Civic Centre) for new volunteering offers matching the chosen areas and district to be sent to this address once a week. Please confirm within ${hours} hours — until you do, we send nothing, and otherwise we delete the details.`,
    confirm: { label: 'Confirm', note: 'If this wasn’t you, just ignore this email.' },
    digestSubjectOne: (offer) => `New volunteering offer: ${offer}`,
    digestSubjectMany: (count) => `New volunteering offers for you: ${count}`,
    digestLead: (shown, more) =>
      `This week, offers matching your choices appeared on the volunteering board.${more > 0 ? ` Here are ${shown}; you’ll find ${more} more on the board.` : ''} You apply on the offer’s page, without creating an account.`,
    inPolish: 'in Polish',
    unsubscribe: 'Unsubscribe (one click, no sign-in)',
    footer: 'Centrum Obywatelskie, ul. Reymonta 20, Kraków. You’re receiving this email because this address was signed up on the Centre’s website for new volunteering offers. Unsubscribing with one click deletes the sign-up’s details.',
    linkPages: {
      confirm: { title: 'New volunteering offers by email', lead: 'Click the button to get new offers matching your choices once a week:', button: 'Confirm' },
      unsubscribe: { title: 'Unsubscribe from volunteering offers', lead: 'Click the button to stop getting offers; we will delete the sign-up’s details:', button: 'Unsubscribe' },
    },
    linkSubject: 'Centrum Obywatelskie: the volunteering board',
  },
};
