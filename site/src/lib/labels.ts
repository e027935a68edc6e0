// The Polish names of the CMS's codes live with the CMS, whose organisations' panel shows them too.
export * from '../../../cms/src/shared/enum-labels';

import * as polish from '../../../cms/src/shared/enum-labels';

/**
 * The names people read, per language (labels-uk.ts, labels-en.ts). URL segments stay the Polish
 * ones in every language: /uk/wydarzenia/rodzaj/szkolenia/ is the Ukrainian page of that filter.
 */
export interface EnumLabels {
  EVENT_TYPES: typeof polish.EVENT_TYPES;
  AUDIENCES: typeof polish.AUDIENCES;
  AUDIENCE_LABEL: typeof polish.AUDIENCE_LABEL;
  EVENT_FORMATS: typeof polish.EVENT_FORMATS;
  LEGAL_FORMS: typeof polish.LEGAL_FORMS;
  DISTRICTS: typeof polish.DISTRICTS;
  SOCIAL_PLATFORMS: typeof polish.SOCIAL_PLATFORMS;
  dayRange: typeof polish.dayRange;
  WHOLE_CITY_LABEL: string;
  VOLUNTEER_REMOTE: typeof polish.VOLUNTEER_REMOTE;
  VOLUNTEER_COMMITMENTS: typeof polish.VOLUNTEER_COMMITMENTS;
  HOURS_PER: typeof polish.HOURS_PER;
  WHEN_FILLED: typeof polish.WHEN_FILLED;
  REMOTE_FILTERS: typeof polish.REMOTE_FILTERS;
  COMMITMENT_FILTERS: typeof polish.COMMITMENT_FILTERS;
  AGE_FILTERS: typeof polish.AGE_FILTERS;
  NO_POLISH_FILTER: { readonly label: string; readonly segment: typeof polish.NO_POLISH_FILTER.segment };
  VOLUNTEER_PROVISIONS: { readonly [K in keyof typeof polish.VOLUNTEER_PROVISIONS]: string };
  VOLUNTEER_LANGUAGES: { readonly [K in keyof typeof polish.VOLUNTEER_LANGUAGES]: string };
}

export const LABELS_PL: EnumLabels = polish;

/**
 * A table of codes in another language: each code's words over its Polish entry, whose URL segment
 * (and any other setting, such as an age filter's oldest minimum) it keeps, so they cannot drift.
 */
export function relabeled<K extends string, V extends object>(polishTable: Record<K, V>, words: Record<K, Partial<V>>): Record<K, V> {
  return Object.fromEntries(Object.entries(polishTable).map(([code, entry]) => [code, { ...(entry as V), ...words[code as K] }])) as Record<K, V>;
}

/** "Monday–Friday" from the opening-hours component's day codes, with a language's weekday names (other text passes through). */
export const dayRangeIn =
  (names: Readonly<Record<string, string>>) =>
  (from: string, to?: string | null): string => {
    const name = (day: string) => names[day] ?? day;
    return to && to !== from ? `${name(from)}–${name(to)}` : name(from);
  };
