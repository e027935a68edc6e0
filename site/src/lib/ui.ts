/** Every UI string of the site in one place (Polish). */
export const UI = {
  skipToContent: 'Przejdź do treści',
  upcomingEvents: 'Najbliższe wydarzenia',
  noUpcomingEvents: 'W najbliższym czasie nie planujemy wydarzeń. Zajrzyj wkrótce.',
  latestNews: 'Aktualności',
  noNews: 'Nie ma jeszcze aktualności.',
  knowledgeBase: 'Baza wiedzy',
  guidesCount: (n: number) => `${n} ${new Intl.PluralRules('pl-PL').select(n) === 'one' ? 'poradnik' : new Intl.PluralRules('pl-PL').select(n) === 'few' ? 'poradniki' : 'poradników'}`,
  cancelled: 'odwołane',
  postponed: 'przełożone',
  openingHours: 'Godziny otwarcia',
} as const;
