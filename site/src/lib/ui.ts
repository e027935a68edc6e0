const pluralRules = new Intl.PluralRules('pl-PL');

/** "1 poradnik", "3 poradniki", "5 poradników": Polish has three plural forms. */
export function plural(count: number, one: string, few: string, many: string): string {
  const form = pluralRules.select(count);
  return `${count} ${form === 'one' ? one : form === 'few' ? few : many}`;
}

/** Every UI string of the site in one place (Polish). */
export const UI = {
  skipToContent: 'Przejdź do treści',
  upcomingEvents: 'Najbliższe wydarzenia',
  noUpcomingEvents: 'W najbliższym czasie nie planujemy wydarzeń. Zajrzyj wkrótce.',
  latestNews: 'Aktualności',
  noNews: 'Nie ma jeszcze aktualności.',
  knowledgeBase: 'Baza wiedzy',
  guidesCount: (n: number) => plural(n, 'poradnik', 'poradniki', 'poradników'),
  cancelled: 'odwołane',
  postponed: 'przełożone',
  openingHours: 'Godziny otwarcia',
} as const;
