/**
 * Rules of a volunteering offer that Strapi's schema cannot express. Pure, so each is unit-tested;
 * `validation/document-middleware.ts` applies them to every write and publication, like the
 * rules of events and organisations.
 */
import { DateTime } from 'luxon';
import { fieldName } from '../content/labels';
import { checkAddress, checkEmail, checkPhone, isBlank, TIME_ZONE, type Entry, type FieldError } from '../validation/rules';

export const VOLUNTEER_OFFER = 'api::volunteer-offer.volunteer-offer';

/**
 * Over this many days the volunteering act (art. 44 ust. 2 ustawy o działalności pożytku publicznego
 * i o wolontariacie) requires a written agreement; up to it the organisation must insure the
 * volunteer against accidents itself (art. 46), since the state's accident cover starts later.
 */
export const AGREEMENT_AFTER_DAYS = 30;

/** Facts a rule needs that come from relations, resolved by the caller. */
export interface OfferContext {
  /** Whether the offer will belong to an organisation after this write. */
  hasOrganization: boolean;
}

const label = (field: string): string => fieldName(VOLUNTEER_OFFER, [field]);

const day = (value: unknown): DateTime | null => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const date = DateTime.fromISO(value.slice(0, 10), { zone: TIME_ZONE });
  return date.isValid ? date : null;
};

/**
 * How many days the volunteering lasts, counting both ends; null when it has no known end
 * (regular help without an end date), which the law treats as longer than 30 days.
 */
export function durationDays(offer: Entry): number | null {
  const starts = day(offer.startsOn);
  const ends = day(offer.endsOn);
  if (offer.commitment === 'one_off') {
    if (!starts) return null;
    return ends ? Math.round(ends.diff(starts, 'days').days) + 1 : 1;
  }
  return starts && ends ? Math.round(ends.diff(starts, 'days').days) + 1 : null;
}

/** Whether the written agreement (true) or the organisation's accident insurance (false) is the legal duty. */
export const needsWrittenAgreement = (offer: Entry): boolean => {
  const days = durationDays(offer);
  return days === null || days > AGREEMENT_AFTER_DAYS;
};

export function validateVolunteerOffer(offer: Entry, { hasOrganization }: OfferContext): FieldError[] {
  const errors: FieldError[] = [];
  const error = (field: string, message: string) => errors.push({ path: [field], message: `${label(field)}: ${message}` });

  if (!hasOrganization) error('organization', 'wybierz organizację partnerską, która przyjmuje wolontariuszy – do niej trafią zgłoszenia.');

  const starts = day(offer.startsOn);
  const ends = day(offer.endsOn);
  const deadline = day(offer.applicationDeadline);
  if (offer.commitment === 'one_off') {
    if (!starts) error('startsOn', 'pomoc jednorazowa potrzebuje dnia, w którym się odbywa.');
  } else {
    if (isBlank(offer.schedule)) error('schedule', 'przy pomocy regularnej napisz, kiedy wolontariusz pomaga (np. „wtorki 16:00–18:00”).');
    if (offer.hours === null || offer.hours === undefined || offer.hours === '') {
      error('hours', 'przy pomocy regularnej podaj, ile godzin w tygodniu lub miesiącu zajmie.');
    } else if (isBlank(offer.hoursPer)) {
      error('hoursPer', 'wybierz, czy godziny są na tydzień (week), czy na miesiąc (month).');
    }
  }
  if (starts && ends && ends < starts) error('endsOn', 'koniec nie może być wcześniejszy niż początek (startsOn).');
  if (deadline && ends && deadline > ends) error('applicationDeadline', 'zgłoszenia nie mogą trwać dłużej niż sam wolontariat (endsOn).');

  const remote = typeof offer.remote === 'string' ? offer.remote : 'none';
  const address = offer.address !== null && typeof offer.address === 'object' ? (offer.address as Entry) : null;
  if (remote !== 'full' && (!address || isBlank(address.street))) {
    errors.push({ path: ['address', 'street'], message: `${fieldName('shared.address', ['address', 'street'])}: napisz, dokąd wolontariusz przychodzi – albo wybierz w „${label('remote')}” pomoc w całości zdalną (full).` });
  }
  if (address) errors.push(...checkAddress(address, ['address']));

  const languages = ['usesPolish', 'usesUkrainian', 'usesEnglish'].filter((field) => offer[field] === true);
  if (languages.length === 0) error('usesPolish', 'zaznacz co najmniej jeden język, którym wolontariusz może się posługiwać.');
  if (offer.noPolishNeeded === true && offer.usesUkrainian !== true && offer.usesEnglish !== true) {
    error('noPolishNeeded', 'skoro polski nie jest potrzebny, zaznacz język, który wystarczy (ukraiński lub angielski).');
  }

  // A one-off without its day has no length yet; the missing day is the error to show first.
  const hasLength = offer.commitment !== 'one_off' || starts !== null;
  if (hasLength && needsWrittenAgreement(offer)) {
    if (offer.offersAgreement !== true) {
      error('offersAgreement', `wolontariat dłuższy niż ${AGREEMENT_AFTER_DAYS} dni (albo regularny bez daty końca) wymaga porozumienia na piśmie (art. 44 ustawy o działalności pożytku publicznego i o wolontariacie) – zaznacz je.`);
    }
  } else if (hasLength && offer.offersInsurance !== true) {
    error('offersInsurance', `przy wolontariacie do ${AGREEMENT_AFTER_DAYS} dni organizacja musi ubezpieczyć wolontariusza od następstw nieszczęśliwych wypadków (art. 46 ustawy o działalności pożytku publicznego i o wolontariacie) – zaznacz je.`);
  }

  if (isBlank(offer.contactEmail)) error('contactEmail', 'podaj adres, na który mają przychodzić zgłoszenia wolontariuszy.');
  errors.push(...checkEmail(offer.contactEmail, ['contactEmail'], label('contactEmail')));
  errors.push(...checkPhone(offer.contactPhone, ['contactPhone'], label('contactPhone')));
  return errors;
}
