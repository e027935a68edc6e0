import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, csrfMatches, csrfToken, mayEnter, personName, sameOrigin, secretHash, newSecret, sessionAlive, sessionCookie, sessionFromCookies } from '../../cms/src/org-panel/session-rules';
import { errorSummary, fromLocalDateTime, parseForm, problemsFromValidation, renderSections, toLocalDateTime, valuesOf, type FormSection } from '../../cms/src/org-panel/form-kit';
import { EVENT_FORM, offerForm, profileForm } from '../../cms/src/org-panel/forms';
import { imageType, readLogo } from '../../cms/src/org-panel/logo';

const organization = { documentId: 'org1234567890', name: 'Fundacja Zielona Łódź', email: 'Biuro@Zielona.org.pl', persons: [{ name: 'Ola Nowak', email: 'ola@zielona.org.pl' }] };
const settings = { idleHours: 8, maxSessionHours: 24 };
const hours = (n: number): number => n * 3_600_000;

describe('who may sign in to an organisation’s panel', () => {
  it('lets in the contact address and the listed persons, whatever the letter case', () => {
    expect(mayEnter(organization, 'biuro@zielona.org.pl')).toBe(true);
    expect(mayEnter(organization, ' OLA@zielona.org.pl ')).toBe(true);
    expect(mayEnter(organization, 'ktos@zielona.org.pl')).toBe(false);
  });

  it('greets a listed person by name and anyone else by the organisation’s', () => {
    expect(personName(organization, 'ola@zielona.org.pl')).toBe('Ola Nowak');
    expect(personName(organization, 'biuro@zielona.org.pl')).toBe('Fundacja Zielona Łódź');
  });

  it('lets in no one by the contact address when the organisation has none', () => {
    expect(mayEnter({ ...organization, email: null, persons: [] }, '')).toBe(false);
  });
});

describe('panel sessions', () => {
  const start = new Date('2026-12-06T08:00:00Z');
  it('end after 8 idle hours, after 24 hours in any case, and on sign-out', () => {
    expect(sessionAlive({ createdAt: start, lastSeenAt: start, endedAt: null }, new Date(start.getTime() + hours(7.9)), settings)).toBe(true);
    expect(sessionAlive({ createdAt: start, lastSeenAt: start, endedAt: null }, new Date(start.getTime() + hours(8.1)), settings)).toBe(false);
    expect(sessionAlive({ createdAt: start, lastSeenAt: new Date(start.getTime() + hours(20)), endedAt: null }, new Date(start.getTime() + hours(24.5)), settings)).toBe(false);
    expect(sessionAlive({ createdAt: start, lastSeenAt: start, endedAt: start }, start, settings)).toBe(false);
  });

  it('keep only a hash of the secret, and each secret has the shape of a mailed token', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secretHash(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(secretHash(secret)).not.toContain(secret);
    expect(newSecret()).not.toBe(secret);
  });

  it('set an HttpOnly, SameSite cookie on the panel’s path, Secure over HTTPS', () => {
    expect(sessionCookie('abc', false)).toBe('co_panel=abc; Path=/panel; HttpOnly; SameSite=Lax');
    expect(sessionCookie('abc', true)).toMatch(/; Secure$/);
    expect(clearedSessionCookie(true)).toMatch(/^co_panel=; Path=\/panel; Max-Age=0; HttpOnly; SameSite=Lax; Secure$/);
  });

  it('read the session cookie among others and ignore one of the wrong shape', () => {
    const id = newSecret();
    expect(sessionFromCookies(`a=1; co_panel=${id}; b=2`)).toBe(id);
    expect(sessionFromCookies('co_panel=../../etc')).toBeNull();
    expect(sessionFromCookies(undefined)).toBeNull();
  });
});

describe('CSRF protection of the panel’s forms', () => {
  const secret = 'a-server-secret-of-some-length';
  it('accepts the token of the same session only', () => {
    const token = csrfToken(secret, 'session-a');
    expect(csrfMatches(secret, 'session-a', token)).toBe(true);
    expect(csrfMatches(secret, 'session-b', token)).toBe(false);
    expect(csrfMatches(secret, 'session-a', '')).toBe(false);
    expect(csrfMatches('another-server-secret-xx', 'session-a', token)).toBe(false);
  });

  it('refuses a POST from another site but not one without Origin', () => {
    expect(sameOrigin('https://cms.co.krakow.pl', ['https://cms.co.krakow.pl'])).toBe(true);
    expect(sameOrigin('https://zly.example.com', ['https://cms.co.krakow.pl', 'http://127.0.0.1:1337'])).toBe(false);
    expect(sameOrigin('null', ['https://cms.co.krakow.pl'])).toBe(false);
    expect(sameOrigin(undefined, ['https://cms.co.krakow.pl'])).toBe(true);
  });
});

describe('the panel’s forms', () => {
  const form: FormSection[] = [
    {
      fields: [
        { name: 'title', label: 'Tytuł', kind: 'text', required: true, max: 10 },
        { name: 'startsAt', label: 'Początek', kind: 'datetime', required: true },
        { name: 'count', label: 'Liczba', kind: 'integer', min: 1, max: 5 },
        { name: 'type', label: 'Rodzaj', kind: 'select', options: [{ value: 'a', label: 'A' }] },
        { name: 'venue.name', label: 'Miejsce', kind: 'text' },
        { name: 'venue.address.street', label: 'Ulica', kind: 'text' },
        { name: 'free', label: 'Bezpłatne', kind: 'checkbox' },
      ],
    },
  ];

  it('read only their own fields, nested as the Document Service takes them', () => {
    const parsed = parseForm(form, { title: 'Spotkanie', startsAt: '2026-07-01T18:00', count: '3', type: 'a', venue: { name: 'Klub', address: { street: 'ul. Długa 1' } }, room: 'abc', capacity: '900' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toEqual({ title: 'Spotkanie', startsAt: '2026-07-01T16:00:00Z', count: 3, type: 'a', venue: { name: 'Klub', address: { street: 'ul. Długa 1' } }, free: false });
  });

  it('name each field in its message, in Polish', () => {
    const parsed = parseForm(form, { title: 'Za długi tytuł', startsAt: '1 lipca', count: '9', type: 'z' });
    expect(parsed.problems.map((p) => p.message)).toEqual(['Tytuł: ma 14 znaków, a może mieć najwyżej 10.', 'Początek: podaj datę i godzinę (czasu krakowskiego).', 'Liczba: najwyżej 5.', 'Rodzaj: wybierz z listy.']);
    expect(parseForm(form, {}).problems.map((p) => p.field)).toEqual(['title', 'startsAt']);
  });

  it('drop an optional component left empty instead of saving it half-filled', () => {
    expect(parseForm(form, { title: 'A', startsAt: '2026-07-01T18:00' }).data.venue).toBeNull();
  });

  it('show Kraków’s wall-clock time both ways, across the change to summer time', () => {
    expect(fromLocalDateTime('2026-03-29T03:30')).toBe('2026-03-29T01:30:00Z');
    expect(toLocalDateTime('2026-03-29T01:30:00Z')).toBe('2026-03-29T03:30');
    expect(fromLocalDateTime('2026-02-30T10:00')).toBeNull();
  });

  it('show a stored entry’s values, relations by their documentIds', () => {
    const values = valuesOf(offerForm([{ value: 'area1', label: 'Ekologia' }]), { title: 'Oferta', areas: [{ documentId: 'area1' }], usesPolish: true, hours: 4 });
    expect(values).toMatchObject({ title: 'Oferta', areas: ['area1'], usesPolish: true, hours: '4' });
  });

  it('put each error next to its field and link it from the summary', () => {
    const problems = [{ field: 'title', message: 'Tytuł: to pole jest wymagane.' }];
    const html = renderSections(form, { title: '<b>' }, problems);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('<p class="error" id="pole-title-error">Tytuł: to pole jest wymagane.</p>');
    expect(html).toContain('value="&#60;b&#62;"');
    expect(errorSummary(problems)).toContain('<a href="#pole-title">');
  });

  it('take the rules’ field paths from a Strapi ValidationError', () => {
    expect(problemsFromValidation({ errors: [{ path: ['venue', 'address', 'street'], message: 'Ulica: wpisz.' }] }, 'x')).toEqual([{ field: 'venue.address.street', message: 'Ulica: wpisz.' }]);
    expect(problemsFromValidation(undefined, 'Coś poszło nie tak.')).toEqual([{ field: '', message: 'Coś poszło nie tak.' }]);
  });

  it('offer none of the centre’s own fields to an organisation', () => {
    const names = [...EVENT_FORM, ...offerForm([]), ...profileForm([])].flatMap((section) => section.fields.map((field) => field.name));
    for (const centreOnly of ['room', 'capacity', 'waitlist', 'approvalRequired', 'displaceRoomRequests', 'organizer', 'organization', 'slug', 'publishAt', 'trusted', 'spamCount', 'panelPersons', 'name', 'krs', 'nip', 'regon', 'legalForm']) {
      expect(names).not.toContain(centreOnly);
    }
  });
});

describe('the logo an organisation uploads', () => {
  it('is recognised by its first bytes, not its name', () => {
    expect(imageType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(imageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(imageType(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(imageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
  });

  it('needs alt text and a size within the limit; no file is no change', () => {
    expect(readLogo({}, undefined, 100)).toEqual({ file: null, alt: '', problems: [] });
    const big = readLogo({ logoAlt: '' }, { logo: { filepath: '/nonexistent', size: 200 * 1024, mimetype: 'image/png', originalFilename: 'logo.png' } }, 100);
    expect(big.problems.map((p) => p.field)).toEqual(['logo', 'logoAlt']);
    expect(big.problems[0]!.message).toBe('Logo: plik ma 200 kB, a może mieć najwyżej 100 kB – zmniejsz go.');
  });
});
