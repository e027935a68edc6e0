/** The page a sign-up's mailed link opens (mail/letter.ts linkPage): the event, its date, one button. */
import type { Registration } from './service';
import { when } from './mail';
import { linkPage as page } from '../mail/letter';

export type LinkAction = 'confirm' | 'cancel';

const TEXT: Record<LinkAction, { title: string; lead: string; button: string }> = {
  confirm: { title: 'Potwierdź zapis', lead: 'Kliknij przycisk, aby potwierdzić adres e-mail i zapis na:', button: 'Potwierdzam zapis' },
  cancel: { title: 'Rezygnacja z zapisu', lead: 'Kliknij przycisk, aby zrezygnować z zapisu na:', button: 'Rezygnuję z udziału' },
};

export const linkPage = (action: LinkAction, registration: Pick<Registration, 'eventTitle' | 'startsAt' | 'slotLabel'>, token: string, siteUrl: string): string =>
  page({ ...TEXT[action], subject: registration.eventTitle, detail: when(registration), token, siteUrl });
