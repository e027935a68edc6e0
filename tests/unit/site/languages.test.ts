import { describe, expect, it } from 'vitest';
import { formatDate, formatEventTime, formatMonth } from '../../../site/src/lib/dates';
import { hreflangLinks, labelsFor, languageOfParam, languageOfPath, localizedPath, switcherTargets, uiFor, unprefixedPath } from '../../../site/src/lib/i18n';
import { alternatesOf, consentTextsIn, localizeLink, overlay, textLanguage } from '../../../site/src/lib/localize';
import { translatedVersions } from '../../../cms/src/public-forms/consent';
import { UI } from '../../../site/src/lib/ui';
import { ageText, hoursText, periodText } from '../../../site/src/lib/volunteering';
import { eventLanguages } from '../../../site/src/lib/events';
import { EVENT_TYPES } from '../../../cms/src/shared/enum-labels';

const SITE = 'https://co.krakow.pl';

describe('language prefixes', () => {
  it('keeps Polish addresses as they are and puts the others under /uk/ and /en/', () => {
    expect(localizedPath('/wydarzenia/x/', 'pl')).toBe('/wydarzenia/x/');
    expect(localizedPath('/wydarzenia/x/', 'uk')).toBe('/uk/wydarzenia/x/');
    expect(localizedPath('/', 'en')).toBe('/en/');
    expect(localizedPath('mailto:a@b.pl', 'uk')).toBe('mailto:a@b.pl');
    expect(() => localizedPath('/uk/x/', 'en')).toThrow(/already has a language prefix/);
  });

  it('reads the language from an address, and only from its first segment', () => {
    expect(languageOfPath('/uk/pro-tsentr/')).toBe('uk');
    expect(languageOfPath('/en/')).toBe('en');
    expect(languageOfPath('/wydarzenia/uk/')).toBe('pl');
    expect(languageOfPath('/ukraina/')).toBe('pl');
    expect(unprefixedPath('/uk/kontakty/')).toBe('/kontakty/');
    expect(unprefixedPath('/uk/')).toBe('/');
  });

  it('fails the build on a language prefix it does not know, rather than build a page in the wrong language', () => {
    expect(languageOfParam(undefined)).toBe('pl');
    expect(languageOfParam('uk')).toBe('uk');
    expect(() => languageOfParam('de')).toThrow(/Unknown language prefix "de"/);
    expect(() => languageOfParam('pl')).toThrow(/Unknown language prefix/);
  });
});

describe('versions of a page', () => {
  const alternates = alternatesOf('o-centrum', { pl: 'o-centrum', uk: 'pro-tsentr' }, (slug) => `/${slug}/`, localizedPath);

  it('lists the Polish page and each translation at its own slug', () => {
    expect(alternates).toEqual({ pl: '/o-centrum/', uk: '/uk/pro-tsentr/' });
  });

  it('gives every version and x-default (the Polish one) as absolute hreflang links', () => {
    expect(hreflangLinks(alternates, SITE)).toEqual([
      { hreflang: 'pl', href: 'https://co.krakow.pl/o-centrum/' },
      { hreflang: 'uk', href: 'https://co.krakow.pl/uk/pro-tsentr/' },
      { hreflang: 'x-default', href: 'https://co.krakow.pl/o-centrum/' },
    ]);
  });

  it('gives no hreflang links to a page in one language only', () => {
    expect(hreflangLinks({ pl: '/aktualnosci/' }, SITE)).toEqual([]);
  });

  it('switches to the same page where it exists, else to that language\'s home page', () => {
    expect(switcherTargets(alternates)).toEqual([
      { language: 'pl', href: '/o-centrum/', samePage: true },
      { language: 'uk', href: '/uk/pro-tsentr/', samePage: true },
      { language: 'en', href: '/en/', samePage: false },
    ]);
  });
});

describe('a translated entry', () => {
  const polish = { documentId: 'd1', title: 'Dzień otwarty', slug: 'dzien-otwarty', description: 'Opis', priceNote: 'Wstęp wolny', capacity: 20 };

  it('takes the translation\'s words over the Polish entry and keeps what the languages share', () => {
    const shown = overlay('events', polish, { title: 'Open day', slug: 'open-day', description: 'About', priceNote: 'Free entry', capacity: 99 }, 'en');
    expect(shown).toMatchObject({ title: 'Open day', slug: 'open-day', description: 'About', capacity: 20, language: 'en', untranslated: [] });
  });

  it('keeps the Polish text of a word the translator left empty, and names it so the page marks it Polish', () => {
    const shown = overlay('events', polish, { title: 'Open day', slug: 'open-day', description: 'About', priceNote: null }, 'en');
    expect(shown).toMatchObject({ priceNote: 'Wstęp wolny', untranslated: ['priceNote'] });
    expect(textLanguage(shown, 'priceNote', 'en')).toBe('pl');
    expect(textLanguage(shown, 'description', 'en')).toBeUndefined();
  });

  it('marks every text of an untranslated entry with its language on a page in another', () => {
    const shown = overlay('events', polish, undefined, 'uk');
    expect(textLanguage(shown, 'description', 'uk')).toBe('pl');
    expect(textLanguage(shown, 'description', 'pl')).toBeUndefined();
  });

  it('is the Polish entry, marked Polish, where there is no translation', () => {
    expect(overlay('events', polish, undefined, 'uk')).toMatchObject({ title: 'Dzień otwarty', language: 'pl' });
  });
});

describe('links in a translated text', () => {
  const translated = new Map([['/kontakt/', '/en/contact/'], ['/wolontariat/', '/en/wolontariat/']]);

  it('lead to the page in the text\'s language where it exists, keeping the anchor', () => {
    expect(localizeLink('/kontakt/#godziny', translated, SITE, 'en')).toEqual({ href: '/en/contact/#godziny' });
    expect(localizeLink('https://co.krakow.pl/wolontariat', translated, SITE, 'en')).toEqual({ href: '/en/wolontariat/' });
  });

  it('say a page that exists only in Polish is Polish', () => {
    expect(localizeLink('/organizacje/fundacja-szeroka-lawka/', translated, SITE, 'en')).toEqual({ href: '/organizacje/fundacja-szeroka-lawka/', hreflang: 'pl' });
  });

  it('leave files, other sites and addresses already in the language alone', () => {
    expect(localizeLink('/pliki/wzor.docx', translated, SITE, 'en')).toBeUndefined();
    expect(localizeLink('https://www.gov.pl/', translated, SITE, 'en')).toBeUndefined();
    expect(localizeLink('mailto:kontakt@co.pl', translated, SITE, 'en')).toBeUndefined();
    expect(localizeLink('/en/contact/', translated, SITE, 'en')).toBeUndefined();
  });
});

describe('words around the content', () => {
  it('has every interface string in every language (the compiler checks the shape, this the words)', () => {
    for (const language of ['uk', 'en'] as const) {
      const text = uiFor(language);
      expect(Object.keys(text)).toEqual(Object.keys(UI));
      const polishOnly = Object.entries(text).filter(([key, value]) => typeof value === 'string' && value === (UI as Record<string, unknown>)[key] && /[ąćęłńóśźż]/i.test(value));
      expect(polishOnly.map(([key]) => key), `${language}: strings left in Polish`).toEqual([]);
    }
  });

  it('names the codes in each language and keeps the Polish address segments', () => {
    expect(labelsFor('uk').EVENT_TYPES.training.segment).toBe(EVENT_TYPES.training.segment);
    expect(labelsFor('en').EVENT_TYPES.training.label).not.toBe(EVENT_TYPES.training.label);
    expect(labelsFor('en').dayRange('monday', 'friday')).toBe('Monday–Friday');
    expect(labelsFor('uk').dayRange('monday', 'friday')).toBe('понеділок–пʼятниця');
  });

  it('writes dates in the reader\'s language, still in Kraków time', () => {
    // 23:30 UTC on 31 December is already 1 January in Kraków.
    expect(formatDate('2026-12-31T23:30:00Z', 'en')).toBe('1 January 2027');
    expect(formatDate('2026-12-31T23:30:00Z', 'uk')).toBe('1 січня 2027');
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('1 stycznia 2027');
    expect(formatMonth(2027, 3, 'uk')).toBe('березень 2027');
    expect(formatEventTime('2027-03-12T16:00:00Z', null, false, 'en')).toBe('Friday, 12 March 2027, from 17:00');
    expect(formatEventTime('2027-03-12T16:00:00Z', '2027-03-12T18:00:00Z', false, 'uk')).toBe('пʼятниця, 12 березня 2027, 17:00–19:00');
  });

  it('names the languages an event is held in, an event from before the field being Polish', () => {
    expect(eventLanguages({})).toEqual(['pl']);
    expect(eventLanguages({ inPolish: true, inUkrainian: true })).toEqual(['pl', 'uk']);
    expect(eventLanguages({ inPolish: false, inEnglish: true })).toEqual(['en']);
  });

  it('describes a volunteering offer in the reader\'s language', () => {
    expect(ageText(16, 'uk')).toBe('від 16 років');
    expect(ageText(21, 'uk')).toBe('від 21 року');
    expect(ageText(16, 'en')).toBe('from age 16');
    expect(hoursText(4, 'week', 'uk')).toMatch(/^4 години /);
    expect(hoursText(1, 'month', 'en')).toMatch(/^1 hour /);
    expect(periodText('regular', '2027-03-01', null, 'en')).toBe('from 1 March 2027');
  });
});

describe('translated consent texts', () => {
  const polish = { registrationConsentText: 'Zgadzam się na przetwarzanie danych.', registrationConsentVersion: 'zapisy-2027-02', roomRequestConsentText: 'Zgadzam się (sale).', roomRequestConsentVersion: 'sale-2026-12' };
  const translation = { registrationConsentText: 'Я погоджуюся на обробку даних.', roomRequestConsentText: 'Я погоджуюся (зали).', consentTranslatedFrom: { registration: 'zapisy-2026-12', 'room-request': 'sale-2026-12' } };

  it('shows a translation only where it translates the Polish text of now, else the Polish text, said to be Polish', () => {
    const { texts, languages } = consentTextsIn(polish, translation, 'uk');
    // The Polish registration text changed since (a new version): its stale translation is not shown.
    expect(texts.registrationConsentText).toBe('Zgadzam się na przetwarzanie danych.');
    expect(languages.registration).toBe('pl');
    expect(texts.roomRequestConsentText).toBe('Я погоджуюся (зали).');
    expect(languages['room-request']).toBe('uk');
    // A translation from before the CMS recorded versions, or none at all: Polish.
    expect(consentTextsIn(polish, { roomRequestConsentText: 'Я погоджуюся (зали).' }, 'uk').languages['room-request']).toBe('pl');
    expect(consentTextsIn(polish, undefined, 'uk').texts.roomRequestConsentText).toBe('Zgadzam się (sale).');
  });

  it('record, in the CMS, the Polish version a translated text was written for, keeping it for texts the write leaves alone', () => {
    const before = { registrationConsentText: 'Старий текст.', roomRequestConsentText: 'Я погоджуюся (зали).', consentTranslatedFrom: { registration: 'zapisy-2026-12', 'room-request': 'sale-2026-12' } };
    const polishNow = { registrationConsentVersion: 'zapisy-2027-02', roomRequestConsentVersion: 'sale-2027-03' };
    // The registration text is rewritten now; the room text is sent unchanged (the admin sends every field).
    expect(translatedVersions(before, { registrationConsentText: 'Новий текст.', roomRequestConsentText: 'Я погоджуюся (зали).' }, polishNow)).toEqual({ registration: 'zapisy-2027-02', 'room-request': 'sale-2026-12' });
    // An emptied translation translates nothing.
    expect(translatedVersions(before, { registrationConsentText: '' }, polishNow)).toEqual({ 'room-request': 'sale-2026-12' });
  });
});

describe('an organisation\'s answer time on an offer page', () => {
  it('is worded in the page\'s language from the median hours, with the right case after the number', () => {
    expect(uiFor('pl').answerTime(30)).toBe('Organizacja odpowiada na zgłoszenia zwykle w ciągu 2 dni.');
    expect(uiFor('uk').answerTime(0.5)).toBe('Організація відповідає на заявки зазвичай протягом 1 години.');
    expect(uiFor('uk').answerTime(30)).toBe('Організація відповідає на заявки зазвичай протягом 2 днів.');
    expect(uiFor('uk').answerTime(21 * 24)).toBe('Організація відповідає на заявки зазвичай протягом 21 дня.');
    expect(uiFor('uk').answerTime(11 * 24)).toBe('Організація відповідає на заявки зазвичай протягом 11 днів.');
    expect(uiFor('en').answerTime(5)).toBe('The organisation usually replies to applications within 5 hours.');
    expect(uiFor('en').answerTime(24)).toBe('The organisation usually replies to applications within 1 day.');
  });
});
