/**
 * The live seats-left figure in words, from the CMS's seats answer (GET /api/signups/seats/:id).
 * Runs in the browser; plain functions, so it is tested without one.
 */
export interface SeatsUnit {
  date: string;
  slot: string | null;
  seatsLeft: number;
  capacity: number;
  waitlist: boolean;
}

export interface SeatsAnswer {
  data: { units: SeatsUnit[] };
}

const pluralRules = new Intl.PluralRules('pl-PL');
const seats = (count: number): string => {
  const form = pluralRules.select(count);
  return `${count} ${form === 'one' ? 'wolne miejsce' : form === 'few' ? 'wolne miejsca' : 'wolnych miejsc'}`;
};

/** The form's value of a unit: "YYYY-MM-DD" or "YYYY-MM-DD/HH:mm" (see lib/signup.ts). */
export const unitValue = (unit: Pick<SeatsUnit, 'date' | 'slot'>): string => (unit.slot ? `${unit.date}/${unit.slot.slice(0, 5)}` : unit.date);

function state(unit: SeatsUnit): string {
  if (unit.seatsLeft > 0) return seats(unit.seatsLeft);
  return unit.waitlist ? 'brak miejsc – lista rezerwowa' : 'brak miejsc';
}

/** A sentence for the first offered unit, and a short note per offered unit (for the choices in the list). */
export function describeSeats(answer: SeatsAnswer, offered: string[]): { summary: string | null; byValue: Record<string, string> } {
  const byValue: Record<string, string> = {};
  const wanted = new Set(offered);
  for (const unit of answer.data.units) if (wanted.has(unitValue(unit))) byValue[unitValue(unit)] = state(unit);
  const first = answer.data.units.find((unit) => wanted.has(unitValue(unit)));
  if (!first) return { summary: null, byValue };
  const total = answer.data.units.filter((unit) => wanted.has(unitValue(unit))).reduce((sum, unit) => sum + unit.seatsLeft, 0);
  const summary = offered.length === 1 ? `Teraz: ${state(first)}.` : total > 0 ? `Teraz we wszystkich podanych terminach: ${seats(total)}.` : 'Teraz brak wolnych miejsc w podanych terminach.';
  return { summary, byValue };
}
