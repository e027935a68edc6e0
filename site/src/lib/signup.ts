/**
 * What the sign-up form offers: the dates (and time slots) still open at build time, worked out
 * with the CMS's own rules (cms/src/registrations/rules.ts), so the form never offers a choice the
 * CMS would refuse as unknown. Live seat counts come from the CMS in the browser (seats-left).
 */
import { unitsOf, upcomingDates, type SignUpEvent } from '../../../cms/src/registrations/rules';
import type { Language } from '../../../cms/src/languages/locales';
import { formatDateWithWeekday, formatEventTime } from './dates';

export { RESULT_PAGES, resultPath, type ResultCode, type ResultPage } from '../../../cms/src/shared/signup-results';
export { NEEDS } from '../../../cms/src/registrations/rules';

/** At most this many dates in the form; later ones appear as the earlier pass (each build). */
export const FORM_DATES = 8;

export interface ChoiceGroup {
  /** "wtorek, 8 grudnia 2026" */
  label: string;
  options: { value: string; label: string }[];
}

/** The form's choices: one group per date; a slot per option when the event has slots, else the date itself. */
export function signUpChoices(event: SignUpEvent, now: Date, language: Language = 'pl'): ChoiceGroup[] {
  return upcomingDates(event, now, FORM_DATES).map((occurrence) => {
    const units = (unitsOf(event, occurrence.date) ?? []).filter((unit) => Date.parse(unit.startsAt) > now.getTime());
    return {
      label: formatDateWithWeekday(occurrence.startsAt, language),
      options: units.map((unit) =>
        unit.slotLabel
          ? { value: `${unit.occurrenceDate}/${unit.slotLabel.slice(0, 5)}`, label: unit.slotLabel }
          : { value: unit.occurrenceDate, label: formatEventTime(unit.startsAt, unit.endsAt, false, language) },
      ),
    };
  }).filter((group) => group.options.length > 0);
}
