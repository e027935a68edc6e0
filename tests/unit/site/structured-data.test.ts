import { describe, expect, it } from 'vitest';
import { eventPlace } from '../../../site/src/lib/events';
import { breadcrumbJsonLd, eventJsonLd, jsonLdScript, newsArticleJsonLd, organizationJsonLd, websiteJsonLd } from '../../../site/src/lib/structured-data';

const centre = { name: 'Centrum Obywatelskie', address: { street: 'ul. Reymonta 20', postalCode: '30-059', city: 'Kraków' } };
const base = {
  name: 'Szkolenie z RODO',
  description: 'Dla małych organizacji.',
  url: 'https://co.krakow.pl/wydarzenia/szkolenie-z-rodo/',
  startsAt: '2026-07-01T15:00:00Z',
  endsAt: '2026-07-01T17:00:00Z',
  status: 'scheduled' as const,
  onlineUrl: null,
  image: null,
  organizer: { name: 'Centrum Obywatelskie', url: 'https://co.krakow.pl/' },
  isFree: true,
  price: null,
  registrationUrl: null,
};

describe('Event JSON-LD', () => {
  it('has Google’s required and recommended fields, in Kraków summer time', () => {
    const data = eventJsonLd({ ...base, place: eventPlace({ format: 'on_site', room: { name: 'Sala Kameralna' } }, centre) });
    expect(data).toMatchObject({
      '@type': 'Event',
      name: 'Szkolenie z RODO',
      startDate: '2026-07-01T17:00:00+02:00',
      endDate: '2026-07-01T19:00:00+02:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', name: 'Sala Kameralna, Centrum Obywatelskie', address: { streetAddress: 'ul. Reymonta 20', postalCode: '30-059', addressLocality: 'Kraków', addressCountry: 'PL' } },
      offers: { price: 0, priceCurrency: 'PLN' },
    });
  });

  it('gives a hybrid event both a place and a virtual location, and marks cancellation', () => {
    const data = eventJsonLd({ ...base, status: 'cancelled', onlineUrl: 'https://meet.example.org/x', place: eventPlace({ format: 'hybrid' }, centre) });
    expect(data.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
    expect(data.eventStatus).toBe('https://schema.org/EventCancelled');
    expect(data.location).toEqual([expect.objectContaining({ '@type': 'Place' }), { '@type': 'VirtualLocation', url: 'https://meet.example.org/x' }]);
  });

  it('leaves out the end of an event without one', () => {
    expect(eventJsonLd({ ...base, endsAt: null, place: eventPlace({ format: 'online' }, centre) })).not.toHaveProperty('endDate');
  });
});

describe('other JSON-LD', () => {
  it('describes a news article with its publisher', () => {
    const data = newsArticleJsonLd({ headline: 'Nabór', description: 'x', url: 'https://co.krakow.pl/aktualnosci/nabor/', datePublished: '2026-11-10', dateModified: '2026-11-12T08:00:00Z', author: null, image: null, publisher: { name: 'CO', url: 'https://co.krakow.pl/', logo: null } });
    expect(data).toMatchObject({ '@type': 'NewsArticle', headline: 'Nabór', author: { '@type': 'Organization', name: 'CO' }, publisher: { name: 'CO' } });
    expect(data.datePublished).toMatch(/^2026-11-10T/);
  });

  it('describes an organization with its registers and profiles', () => {
    const data = organizationJsonLd({ name: 'Fundacja', url: 'https://co.krakow.pl/organizacje/f/', description: null, logo: null, email: 'a@b.pl', phone: null, website: 'https://f.example.org', address: null, sameAs: ['https://facebook.com/f'], nip: '6762461659', krs: '0000123456', regon: null });
    expect(data).toMatchObject({ '@type': 'NGO', taxID: '6762461659', sameAs: ['https://f.example.org', 'https://facebook.com/f'], identifier: [{ propertyID: 'KRS', value: '0000123456' }] });
    expect(data).not.toHaveProperty('description');
  });

  it('numbers breadcrumbs from 1 and offers the site search', () => {
    expect(breadcrumbJsonLd([{ name: 'Strona główna', url: 'https://co.krakow.pl/' }, { name: 'Wydarzenia', url: 'https://co.krakow.pl/wydarzenia/' }]).itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Strona główna', item: 'https://co.krakow.pl/' },
      { '@type': 'ListItem', position: 2, name: 'Wydarzenia', item: 'https://co.krakow.pl/wydarzenia/' },
    ]);
    expect(websiteJsonLd({ name: 'CO', url: 'https://co.krakow.pl/', searchUrl: 'https://co.krakow.pl/szukaj/' }).potentialAction).toMatchObject({ target: 'https://co.krakow.pl/szukaj/?q={search_term_string}' });
  });
});

describe('JSON-LD in a script element', () => {
  it('cannot be closed by text from the CMS', () => {
    const script = jsonLdScript({ name: '</script><script>alert(1)</script>\u2028' });
    expect(script).not.toContain('<');
    expect(script).not.toContain('\u2028');
    expect(JSON.parse(script)).toEqual({ name: '</script><script>alert(1)</script>\u2028' });
  });
});
