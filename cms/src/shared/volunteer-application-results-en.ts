import type { ApplicationResultTexts, InterestResultTexts } from './volunteer-application-results';

const fix = (field: string, message: string) => ({ title: `Please correct “${field}”`, message, field });

/** The volunteering application's answer pages in English; addresses and statuses are the Polish pages'. */
export const APPLICATION_RESULTS_EN: ApplicationResultTexts = {
  check_email: { title: 'Check your email', message: 'We’ve sent you an email with a link. Open it and click “Confirm application” – only then will your application go to the organisation. Can’t see the email? Check your spam folder.' },
  repeat: { title: 'This application has already been sent', message: 'There’s already an application for this offer from this email address, so we haven’t added another. We’ve sent you the email with the link again.' },
  submitted: { title: 'Your application has gone to the organisation', message: 'Thank you! The organisation has received your application by email and will reply to the address you gave. We’ve sent you a confirmation with a description of the offer and the details of the person who will reply.' },
  reserve: { title: 'You’re on the reserve list', message: 'The organisation already has all the volunteers it needs, so your application has gone on the reserve list. The organisation has received it and will get in touch when a place comes up.' },
  already: { title: 'This application was already confirmed', message: 'This application has already been confirmed. The organisation’s reply will come by email.' },
  expired: { title: 'Your application has expired', message: 'The application wasn’t confirmed within 48 hours, so it has expired. Send it again from the offer page.' },
  withdrawn: { title: 'Application withdrawn', message: 'We’ve withdrawn your application; if it had already reached the organisation, we’ve let them know.' },
  not_withdrawable: { title: 'This application can no longer be withdrawn', message: 'The application has already been withdrawn, or the organisation has declined it.' },
  accepted: { title: 'We’ve sent the acceptance message', message: 'The volunteer has received an email saying that you’re accepting their application, with the contact person’s details. Make arrangements directly with each other.' },
  declined: { title: 'We’ve sent your reply declining the application', message: 'The applicant has received an email with the reason you gave. Thank you for replying – it means nobody waits in vain.' },
  already_answered: { title: 'This application has already been answered', message: 'This application already has a reply or has been withdrawn by the applicant, so we haven’t changed anything.' },
  unknown_link: { title: 'This link is out of date', message: 'We couldn’t find an application for this link. It may not have been copied in full, or the application details may already have been deleted.' },
  invalid_token: { title: 'This link is incomplete', message: 'The link from the email is incomplete. Copy all of it, or click it in the email.' },
  unknown_offer: { title: 'There’s no such offer', message: 'This offer is no longer on the volunteering board. Choose another offer from the list.' },
  recruitment_closed: { title: 'Recruitment closed', message: 'This offer is no longer accepting applications: its deadline has passed or the organisation already has all the volunteers it needs. You’ll find other offers on the volunteering board.' },
  too_young: { title: 'This offer has a higher minimum age', message: 'This offer is for adults (18 or older), so we can’t accept an application from someone under 18. On the volunteering board, use the age filter to see the offers for you.' },
  rate_limited: { title: 'Too many attempts', message: 'Too many forms have been sent from this address in a short time. Wait a few minutes and try again.' },
  mail_failed: { title: 'We couldn’t send the email', message: 'Your application wasn’t accepted because we couldn’t send you an email. Please try again in a moment; if the problem continues, write to the Centre.' },
  invalid_offer: fix('Offer', 'We can’t tell which offer this application is for. Open the offer page and send the form from there.'),
  invalid_name: fix('First name and surname', 'Enter your first name and surname (2 to 120 characters).'),
  invalid_email: fix('Email address', 'Enter a valid email address, e.g. jan.kowalski@example.pl – without spaces, accented letters, quotes or brackets.'),
  invalid_phone: fix('Phone', 'A phone number is optional; if you give one, use digits, spaces and hyphens, with a + at the start if needed (9 to 20 characters).'),
  invalid_availability: fix('When you can help', 'Write when you can help (3 to 500 characters), e.g. “Tuesdays after 16:00” or “any weekend”.'),
  invalid_message: fix('A few words about yourself', 'Your message can be at most 1500 characters long.'),
  invalid_age: fix('Age', 'Tick how old you are: this offer has a minimum age, and under-18s need written consent from a parent or guardian.'),
  invalid_consent_version: fix('Consent', 'The wording of the consent under the form has changed since you opened the page, or the form didn’t send it. Refresh the offer page, read the consent and send your application again.'),
  missing_consent: fix('Consent', 'To send your application, tick the box to consent to the processing of your data.'),
  invalid_reason: fix('Reason for declining', 'Choose a reason for declining; if you choose “Other reason”, write it in the message field (up to 1000 characters).'),
};

/** The answers of "Zgłoś gotowość" in English; addresses and statuses are the Polish pages'. */
export const INTEREST_RESULTS_EN: InterestResultTexts = {
  check_email: { title: 'Check your email', message: 'We’ve sent you an email with a link. Click “Confirm” in it — only then will we start sending new offers. Can’t see it? Check your spam folder.' },
  repeat: { title: 'This address is already signed up', message: 'This address already gets offers or is waiting for confirmation. We’ve sent the email with the link again.' },
  active: { title: 'Done — we’ll write to you', message: 'Once a week, when new offers matching your choices appear, we’ll send them by email. Every email has a link to unsubscribe with one click.' },
  already: { title: 'This address was already confirmed', message: 'This address already gets new offers. We haven’t changed anything.' },
  expired: { title: 'This link has expired', message: 'The sign-up wasn’t confirmed within 48 hours, so it has expired and we’ve deleted the details. Please sign up again.' },
  unsubscribed: { title: 'You’ve unsubscribed', message: 'We won’t send offers to this address any more, and we’ve deleted the sign-up’s details. You can sign up again at any time.' },
  unknown_link: { title: 'This link is no longer valid', message: 'We couldn’t find a sign-up for this link. It may have been copied only in part, or the details have already been deleted — in which case we won’t send anything more.' },
  invalid_token: { title: 'This link is incomplete', message: 'The link from the email is incomplete. Copy all of it, or click it in the email.' },
  rate_limited: { title: 'Too many attempts', message: 'Too many forms have been sent from this address in a short time. Wait a few minutes and try again.' },
  mail_failed: { title: 'We couldn’t send the email', message: 'Your sign-up wasn’t accepted because we couldn’t send you an email. Please try again in a moment.' },
  invalid_name: fix('First name', 'Enter your first name (2 to 120 characters) — we’ll use it to greet you in our emails.'),
  invalid_email: fix('Email address', 'Enter a valid email address, e.g. jan.kowalski@example.pl – without spaces, accented letters, quotes or brackets.'),
  invalid_areas: fix('What interests you', 'The areas you ticked aren’t on the volunteering board. Reload the page and tick them again.'),
  invalid_district: fix('District', 'Choose a district from the list, or “All of Kraków”.'),
  invalid_commitment: fix('How you’d like to help', 'Choose one-off, regularly or either.'),
  invalid_age: fix('Age', 'Tick whether you are 18 or over — we only send under-18s the offers open to them.'),
  invalid_availability: fix('When you can help', 'This description can be at most 500 characters long.'),
  invalid_consent_version: fix('Consent', 'The consent text under the form has changed since you opened the page, or the form didn’t send it. Reload the page, read the consent and send the form again.'),
  missing_consent: fix('Consent', 'To get offers, tick the box to consent to the processing of your data.'),
};
