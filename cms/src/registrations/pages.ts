/** The page a sign-up's mailed link opens (mail/letter.ts linkPage): the event, its date, one button, in the sign-up's language. */
import type { Registration } from './service';
import { signupWords, when } from './mail';
import { linkPage as page } from '../mail/letter';

export type LinkAction = 'confirm' | 'cancel';

export const linkPage = (action: LinkAction, registration: Pick<Registration, 'eventTitle' | 'startsAt' | 'slotLabel' | 'language'>, token: string, siteUrl: string): string =>
  page({ ...signupWords(registration.language).linkPages[action], subject: registration.eventTitle, detail: when(registration), token, siteUrl, language: registration.language });
