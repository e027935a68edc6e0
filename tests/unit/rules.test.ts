import { describe, expect, it } from 'vitest';
import { checkMarkdownLinks, isHttpUrl, todayInWarsaw, validateEvent, validateGlobal, validateOrganization, validateRecurrence, normalizeOrganization } from '../../cms/src/validation/rules';
import { addsToRelation, mediaRefs, mergeForValidation, resolveToOne } from '../../cms/src/validation/write-shapes';

const onSite = { title: 'Szkolenie', format: 'on_site', isFree: true, startsAt: '2026-03-28T16:00:00.000Z', endsAt: '2026-03-28T18:00:00.000Z' };
const paths = (errors: { path: string[] }[]) => errors.map((e) => e.path.join('.'));

describe('event rules', () => {
  it('accepts a well-formed event in a room', () => {
    expect(validateEvent(onSite, { hasRoom: true })).toEqual([]);
  });

  it('wants the event held in at least one language, an event from before the field counting as Polish', () => {
    expect(validateEvent({ ...onSite, inPolish: null }, { hasRoom: true })).toEqual([]);
    expect(validateEvent({ ...onSite, inPolish: false, inUkrainian: true }, { hasRoom: true })).toEqual([]);
    const errors = validateEvent({ ...onSite, inPolish: false, inUkrainian: false, inEnglish: null }, { hasRoom: true });
    expect(paths(errors)).toEqual(['inPolish']);
    expect(errors[0]!.message).toMatch(/Po polsku.*zaznacz przynajmniej jeden język/);
  });

  it('rejects an end before the start, naming endsAt', () => {
    const errors = validateEvent({ ...onSite, endsAt: '2026-03-28T15:59:00.000Z' }, { hasRoom: true });
    expect(paths(errors)).toEqual(['endsAt']);
    expect(errors[0]!.message).toContain('Koniec');
  });

  it('accepts an end equal to the start and an event without an end', () => {
    expect(validateEvent({ ...onSite, endsAt: onSite.startsAt }, { hasRoom: true })).toEqual([]);
    expect(validateEvent({ ...onSite, endsAt: null }, { hasRoom: true })).toEqual([]);
  });

  it('rejects a registration deadline after the start', () => {
    const errors = validateEvent({ ...onSite, registrationDeadline: '2026-03-28T16:01:00.000Z' }, { hasRoom: true });
    expect(paths(errors)).toEqual(['registrationDeadline']);
    expect(validateEvent({ ...onSite, registrationDeadline: onSite.startsAt }, { hasRoom: true })).toEqual([]);
  });

  it('rejects javascript: and relative links in URL fields', () => {
    const errors = validateEvent({ ...onSite, registrationMode: 'external', registrationUrl: 'javascript:alert(1)', onlineUrl: '/spotkanie' }, { hasRoom: true });
    expect(paths(errors).sort()).toEqual(['onlineUrl', 'registrationUrl']);
  });

  it('needs a place for on-site events and a link for online ones', () => {
    expect(paths(validateEvent(onSite, { hasRoom: false }))).toEqual(['room']);
    expect(validateEvent({ ...onSite, venue: { name: 'Klub Pod Jaszczurami' } }, { hasRoom: false })).toEqual([]);
    expect(paths(validateEvent({ ...onSite, format: 'online' }, { hasRoom: false }))).toEqual(['onlineUrl']);
    expect(validateEvent({ ...onSite, format: 'online', registrationMode: 'external', registrationUrl: 'https://zapisy.example.pl' }, { hasRoom: false })).toEqual([]);
    expect(paths(validateEvent({ ...onSite, format: 'hybrid' }, { hasRoom: true }))).toEqual(['onlineUrl']);
  });

  it('asks for the fields each way of signing up needs', () => {
    const at = (event: Record<string, unknown>) => paths(validateEvent({ ...onSite, ...event }, { hasRoom: true }));
    expect(at({ registrationMode: 'external' })).toEqual(['registrationUrl']);
    expect(at({ registrationUrl: 'https://zapisy.example.pl' })).toEqual(['registrationMode']);
    expect(at({ registrationMode: 'site', registrationUrl: 'https://zapisy.example.pl', capacity: 10 })).toEqual(['registrationMode']);
    expect(at({ registrationMode: 'site' })).toEqual(['capacity']);
    expect(at({ registrationMode: 'site', capacity: 10 })).toEqual([]);
    expect(at({ registrationMode: 'site', capacity: 10, registrationOpensAt: '2026-03-20T10:00:00Z', registrationDeadline: '2026-03-19T10:00:00Z' })).toEqual(['registrationOpensAt']);
  });

  it('needs an end for time slots, and slots that fit in it', () => {
    const at = (event: Record<string, unknown>) => validateEvent({ ...onSite, registrationMode: 'site', ...event }, { hasRoom: true });
    expect(paths(at({ slotMinutes: 30, endsAt: null }))).toEqual(['slotMinutes']);
    const tooLong = at({ slotMinutes: 240, startsAt: '2026-03-28T15:00:00Z', endsAt: '2026-03-28T17:00:00Z' });
    expect(tooLong.map((e) => e.message)).toEqual([expect.stringContaining('okienko (240 min) jest dłuższe niż cały termin (120 min)')]);
    expect(at({ slotMinutes: 30, startsAt: '2026-03-28T15:00:00Z', endsAt: '2026-03-28T17:00:00Z' })).toEqual([]);
    expect(paths(at({ capacity: 5, allDay: true }))).toEqual(['registrationMode']);
  });

  it('refuses a room and another venue at once', () => {
    expect(paths(validateEvent({ ...onSite, venue: { name: 'Park Jordana' } }, { hasRoom: true }))).toEqual(['venue']);
  });

  it('requires a positive price for paid events and none for free ones', () => {
    expect(paths(validateEvent({ ...onSite, isFree: false }, { hasRoom: true }))).toEqual(['price']);
    expect(paths(validateEvent({ ...onSite, isFree: false, price: 0 }, { hasRoom: true }))).toEqual(['price']);
    expect(validateEvent({ ...onSite, isFree: false, price: '40.00' }, { hasRoom: true })).toEqual([]);
    expect(paths(validateEvent({ ...onSite, isFree: true, price: 40 }, { hasRoom: true }))).toEqual(['price']);
  });

  it('checks the postal code of another venue', () => {
    const venue = { name: 'Dom Kultury', address: { street: 'ul. Długa 1', postalCode: '31147' } };
    expect(paths(validateEvent({ ...onSite, venue }, { hasRoom: false }))).toEqual(['venue.address.postalCode']);
  });
});

describe('recurrence rules', () => {
  const start = new Date('2026-03-03T16:00:00Z');
  it('accepts weekly repetition within two years', () => {
    expect(validateRecurrence({ frequency: 'weekly', interval: 1, until: '2026-06-30' }, start)).toEqual([]);
  });

  it('rejects an end of repetition before the first occurrence or beyond two years', () => {
    expect(paths(validateRecurrence({ frequency: 'weekly', interval: 1, until: '2026-03-02' }, start))).toEqual(['recurrence.until']);
    expect(paths(validateRecurrence({ frequency: 'monthly', interval: 1, until: '2028-03-04' }, start))).toEqual(['recurrence.until']);
  });

  it('compares the end date with the start date in Warsaw, not UTC', () => {
    // 00:30 on 3 March in Warsaw is still 2 March in UTC.
    expect(validateRecurrence({ frequency: 'weekly', interval: 1, until: '2026-03-03' }, new Date('2026-03-02T23:30:00Z'))).toEqual([]);
  });

  it('rejects a missing end date and an interval outside 1–12', () => {
    expect(paths(validateRecurrence({ frequency: 'weekly', interval: 0, until: null }, start)).sort()).toEqual(['recurrence.interval', 'recurrence.until']);
    expect(paths(validateRecurrence({ frequency: 'weekly', interval: 13, until: '2026-04-01' }, start))).toEqual(['recurrence.interval']);
  });
});

describe('organization rules', () => {
  const valid = { name: 'Fundacja Testowa', legalForm: 'foundation', krs: '0000123456', nip: '5260250274', regon: '123456785' };

  it('accepts valid registry numbers and contacts', () => {
    expect(validateOrganization({ ...valid, website: 'https://fundacja.example.pl', email: 'biuro@fundacja.example.pl', phone: '+48 12 345 67 89' })).toEqual([]);
  });

  it('names each wrong registry number', () => {
    expect(paths(validateOrganization({ ...valid, krs: '12345', nip: '5260250275', regon: '123456786' }))).toEqual(['krs', 'nip', 'regon']);
  });

  it('requires KRS only for forms registered there', () => {
    expect(paths(validateOrganization({ ...valid, krs: null }))).toEqual(['krs']);
    expect(validateOrganization({ name: 'Grupa', legalForm: 'informal_group' })).toEqual([]);
    expect(validateOrganization({ name: 'Stowarzyszenie zwykłe', legalForm: 'ordinary_association' })).toEqual([]);
  });

  it('rejects bad e-mails, non-http links and social links', () => {
    const errors = validateOrganization({ ...valid, email: 'biuro@fundacja', website: 'javascript:alert(1)', socialLinks: [{ platform: 'facebook', url: 'https://facebook.com/x' }, { platform: 'x', url: 'data:text/html,hi' }] });
    expect(paths(errors)).toEqual(['website', 'email', 'socialLinks.1.url']);
  });

  it('normalizes pasted registry numbers to digits', () => {
    const data: Record<string, unknown> = { nip: 'PL 526-025-02-74', regon: ' 123 456 785 ', krs: '' };
    normalizeOrganization(data);
    expect(data).toEqual({ nip: '5260250274', regon: '123456785', krs: null });
  });
});

describe('global settings rules', () => {
  it('rejects closing hours before opening hours and a statement updated before publication', () => {
    const errors = validateGlobal({
      email: 'kontakt@co.example.pl',
      openingHours: [{ dayFrom: 'monday', opens: '09:00', closes: '08:00' }],
      accessibilityStatement: { publishedOn: '2025-03-01', updatedOn: '2025-02-01', contactPerson: 'Anna', contactEmail: 'a@co.example.pl' },
    });
    expect(paths(errors)).toEqual(['openingHours.0.closes', 'accessibilityStatement.updatedOn']);
  });
});

describe('URL and relation helpers', () => {
  it('accepts only absolute http(s) URLs with a domain', () => {
    expect(isHttpUrl('https://co.krakow.pl/wydarzenia')).toBe(true);
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'mailto:a@b.pl', '//example.org', 'https://localhost', 'https://exa mple.org', 'ftp://example.org']) {
      expect(isHttpUrl(url), url).toBe(false);
    }
  });

  it('resolves every to-one relation shape Strapi accepts', () => {
    expect(resolveToOne(undefined, true)).toBe(true);
    expect(resolveToOne(null, true)).toBe(false);
    expect(resolveToOne('abc123', false)).toBe(true);
    expect(resolveToOne({ documentId: 'abc123' }, false)).toBe(true);
    expect(resolveToOne({ connect: [{ documentId: 'x' }], disconnect: [] }, false)).toBe(true);
    expect(resolveToOne({ connect: 'x' }, false)).toBe(true);
    expect(resolveToOne({ connect: [], disconnect: [{ id: 1 }] }, true)).toBe(false);
    expect(resolveToOne({ disconnect: 'x' }, true)).toBe(false);
    expect(resolveToOne({ connect: [], disconnect: [] }, true)).toBe(true);
    expect(resolveToOne({ set: [] }, true)).toBe(false);
    expect(resolveToOne({ set: 'x' }, false)).toBe(true);
  });

  it('reads media references in every shape: ids, documentIds, objects, lists, set and connect', () => {
    expect(mediaRefs([1, '2', { id: 3 }, null, 'doc-a', { documentId: 'doc-b' }])).toEqual({ ids: [1, 2, 3], documentIds: ['doc-a', 'doc-b'] });
    expect(mediaRefs({ set: [{ id: 4 }] })).toEqual({ ids: [4], documentIds: [] });
    expect(mediaRefs({ connect: 'doc-c' })).toEqual({ ids: [], documentIds: ['doc-c'] });
    expect(mediaRefs(undefined)).toEqual({ ids: [], documentIds: [] });
  });

  it('merges a component updated by id field by field, and replaces everything else', () => {
    const stored = { title: 'A', recurrence: { id: 7, frequency: 'weekly', interval: 1, until: '2026-05-01' }, socialLinks: [{ id: 1, platform: 'x', url: 'https://a.pl' }] };
    expect(mergeForValidation(stored, { recurrence: { id: 7, until: '2026-06-01' } }).recurrence).toEqual({ id: 7, frequency: 'weekly', interval: 1, until: '2026-06-01' });
    expect(mergeForValidation(stored, { recurrence: { frequency: 'monthly', until: '2026-06-01' } }).recurrence).toEqual({ frequency: 'monthly', until: '2026-06-01' });
    expect(mergeForValidation(stored, { recurrence: null }).recurrence).toBeNull();
    expect(mergeForValidation(stored, { socialLinks: [{ id: 1, url: 'https://b.pl' }, { platform: 'fb', url: 'https://c.pl' }] }).socialLinks).toEqual([
      { id: 1, platform: 'x', url: 'https://b.pl' },
      { platform: 'fb', url: 'https://c.pl' },
    ]);
    expect(mergeForValidation(null, { title: 'B' })).toEqual({ title: 'B' });
  });

  it('gives the Warsaw date, which differs from UTC just before midnight UTC', () => {
    expect(todayInWarsaw(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
    expect(todayInWarsaw(new Date('2026-01-01T22:30:00Z'))).toBe('2026-01-01');
  });
});

describe('Markdown links', () => {
  it('rejects script and data links in Markdown and inline HTML', () => {
    for (const body of ['[kliknij](javascript:alert(1))', '[x]( JaVaScRiPt:alert(1))', '[x](<javascript:alert(1)>)', '<a href="javascript:alert(1)">x</a>', "<img src='data:text/html;base64,xx'>", '[x](vbscript:msgbox)']) {
      expect(checkMarkdownLinks(body, ['body'], 'Treść (body)'), body).toHaveLength(1);
    }
  });

  it('accepts ordinary links, mail and phone links, and the word javascript in prose', () => {
    expect(checkMarkdownLinks('Zobacz [KRS](https://ekrs.ms.gov.pl), [napisz](mailto:a@b.pl), [zadzwoń](tel:+48123). Kurs javascript: podstawy.', ['body'], 'Treść')).toEqual([]);
  });
});

describe('a room\'s list of events in a write', () => {
  it('counts only what adds an event to the room', () => {
    expect(addsToRelation(undefined)).toBe(false);
    expect(addsToRelation({ connect: [], disconnect: [] })).toBe(false);
    expect(addsToRelation({ disconnect: ['abc'] })).toBe(false);
    expect(addsToRelation({ connect: ['abc'] })).toBe(true);
    expect(addsToRelation({ set: [{ documentId: 'abc' }] })).toBe(true);
    expect(addsToRelation(['abc'])).toBe(true);
    expect(addsToRelation(7)).toBe(true);
    expect(addsToRelation([])).toBe(false);
  });
});
