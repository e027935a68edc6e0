import { describe, expect, it } from 'vitest';
import { erasureCutoff, expiryCutoff, findUnit, openingRefusal, placement, reminderDue, statusAfterConfirmation, tallyOf, unitsOf, upcomingDates, type SignUpEvent, type Unit } from '../../cms/src/registrations/rules';
import { botCheck, parseSignUp } from '../../cms/src/registrations/input';
import { isStrictEmail, MIN_FILL_MS, parseToken } from '../../cms/src/public-forms/form-fields';
import { RESULT_PAGES } from '../../cms/src/shared/signup-results';

/** A weekly consulting hour on Tuesdays, 16:00–18:00 Kraków time, through the DST change of 2027-03-28. */
const consulting: SignUpEvent = {
  documentId: 'abcdefghij0123456789klmn',
  title: 'Dyżur doradcy ds. księgowości NGO',
  startsAt: '2027-03-16T15:00:00.000Z',
  endsAt: '2027-03-16T17:00:00.000Z',
  recurrence: { frequency: 'weekly', interval: 1, until: '2027-04-13', tuesday: true },
  eventStatus: 'scheduled',
  registrationMode: 'site',
  capacity: 4,
  slotMinutes: 30,
  slotCapacity: 1,
};

const training: SignUpEvent = {
  documentId: 'trainingdocumentid000001',
  title: 'Jak napisać wniosek o dotację',
  startsAt: '2027-01-20T09:00:00.000Z',
  endsAt: '2027-01-20T13:00:00.000Z',
  eventStatus: 'scheduled',
  registrationMode: 'site',
  registrationOpensAt: '2027-01-01T08:00:00.000Z',
  registrationDeadline: '2027-01-18T22:59:00.000Z',
  capacity: 20,
  waitlist: true,
};

const unit = (event: SignUpEvent, date: string, slot: string | null = null): Unit => {
  const found = findUnit(event, date, slot);
  if (typeof found === 'string') throw new Error(`no unit: ${found}`);
  return found;
};

describe('bookable units', () => {
  it('splits each consulting date into slots of the set length, in Kraków wall-clock time across DST', () => {
    const before = unitsOf(consulting, '2027-03-23')!;
    const after = unitsOf(consulting, '2027-03-30')!;
    expect(before.map((u) => u.slotLabel)).toEqual(['16:00–16:30', '16:30–17:00', '17:00–17:30', '17:30–18:00']);
    expect(after.map((u) => u.slotLabel)).toEqual(before.map((u) => u.slotLabel));
    expect(before[0]!.startsAt).toBe('2027-03-23T15:00:00Z');
    expect(after[0]!.startsAt).toBe('2027-03-30T14:00:00Z');
    expect(after.every((u) => u.capacity === 1)).toBe(true);
    expect(new Set([...before, ...after].map((u) => u.key)).size).toBe(8);
  });

  it('treats an event without slots as one unit per date with the event capacity', () => {
    expect(unitsOf(training, '2027-01-20')).toEqual([
      { key: 'trainingdocumentid000001/2027-01-20', occurrenceDate: '2027-01-20', startsAt: '2027-01-20T09:00:00Z', endsAt: '2027-01-20T13:00:00Z', slotLabel: null, capacity: 20 },
    ]);
  });

  it('refuses dates and slots the event does not have', () => {
    expect(findUnit(consulting, '2027-03-24', '16:00')).toBe('no_such_date');
    expect(findUnit(consulting, '2027-03-23', '16:10')).toBe('no_such_slot');
    expect(findUnit(consulting, '2027-03-23', null)).toBe('no_such_slot');
    expect(findUnit(training, '2027-01-20', '09:00')).toBe('no_such_slot');
    expect(unit(consulting, '2027-03-23', '17:30').slotLabel).toBe('17:30–18:00');
  });

  it('lists only the dates that have not started yet', () => {
    const dates = upcomingDates(consulting, new Date('2027-03-30T14:30:00Z')).map((d) => d.date);
    expect(dates).toEqual(['2027-04-06', '2027-04-13']);
  });
});

describe('when sign-ups are open', () => {
  const first = unit(training, '2027-01-20');

  it('takes no sign-up before opening, after the deadline or once the date has started', () => {
    expect(openingRefusal(training, first, new Date('2026-12-31T12:00:00Z'))).toBe('not_open_yet');
    expect(openingRefusal(training, first, new Date('2027-01-10T12:00:00Z'))).toBeNull();
    expect(openingRefusal(training, first, new Date('2027-01-19T08:00:00Z'))).toBe('closed');
    expect(openingRefusal({ ...training, registrationDeadline: null }, first, new Date('2027-01-20T09:00:00Z'))).toBe('past');
  });

  it('takes no sign-up for a cancelled or postponed event, or one that signs up elsewhere', () => {
    const now = new Date('2027-01-10T12:00:00Z');
    expect(openingRefusal({ ...training, eventStatus: 'cancelled' }, first, now)).toBe('event_cancelled');
    expect(openingRefusal({ ...training, eventStatus: 'postponed' }, first, now)).toBe('event_cancelled');
    expect(openingRefusal({ ...training, registrationMode: 'external' }, first, now)).toBe('not_on_site');
    expect(openingRefusal({ ...training, registrationMode: 'none' }, first, now)).toBe('not_on_site');
  });
});

describe('where a sign-up goes', () => {
  const first = unit(training, '2027-01-20');

  it('gives a seat while one is free, then the waiting list, then refuses when there is no list', () => {
    expect(placement(training, first, 19)).toBe('seat');
    expect(placement(training, first, 20)).toBe('waitlist');
    expect(placement({ ...training, waitlist: false }, first, 20)).toBe('full');
  });

  it('takes every application when the organiser approves sign-ups', () => {
    expect(placement({ ...training, approvalRequired: true }, first, 20)).toBe('approval');
  });

  it('confirming the e-mail gives the held seat, a waiting-list place, or a wait for approval', () => {
    expect(statusAfterConfirmation(true, training)).toBe('confirmed');
    expect(statusAfterConfirmation(false, training)).toBe('waitlisted');
    expect(statusAfterConfirmation(false, { approvalRequired: true })).toBe('awaiting_approval');
  });
});

describe('e-mail addresses', () => {
  it('accepts ordinary addresses, subdomains, plus tags and IDN domains in punycode', () => {
    for (const address of ['jan.kowalski@example.pl', 'biuro+zapisy@fundacja.krakow.pl', 'a_b-c%d@x-y.co', 'anna@xn--d1acufc.xn--p1ai']) expect(isStrictEmail(address), address).toBe(true);
  });

  it('refuses what mail parsers have mis-read: quotes, brackets, commas, line breaks, several @', () => {
    for (const address of [
      '"jan"@example.pl',
      'jan@example.pl\r\nBcc: x@example.com',
      'jan@example.pl,x@example.com',
      '<jan@example.pl>',
      'jan(kom)@example.pl',
      'jan@@example.pl',
      'jan@example',
      'jan@-example.pl',
      '.jan@example.pl',
      'jan..k@example.pl',
      'żaneta@example.pl',
      'jan@example.p1',
      `${'a'.repeat(65)}@example.pl`,
    ]) expect(isStrictEmail(address), JSON.stringify(address)).toBe(false);
  });
});

describe('the sign-up form', () => {
  const now = new Date('2027-01-10T12:00:00Z');
  const valid = {
    event: 'trainingdocumentid000001',
    date: '2027-01-20',
    name: '  Anna   Nowak ',
    email: ' Anna.Nowak@Example.PL ',
    organisation: 'Fundacja Przykładowa',
    needs: ['induction_loop', 'step_free', 'step_free'],
    consent: 'tak',
    consentVersion: '2026-12',
    website: '',
    ts: String(now.getTime() - 10_000),
  };
  // The versions the CMS would accept now (public-forms/consent-rules.ts decides that).
  const accepts = (version: string) => version === '2026-12';

  it('reads only the named fields, trimmed, the e-mail in lower case', () => {
    const parsed = parseSignUp({ ...valid, status: 'confirmed', holdsSeat: 'true', id: 1 }, now, accepts);
    expect(parsed).toEqual({
      ok: true,
      value: {
        eventDocumentId: 'trainingdocumentid000001',
        occurrenceDate: '2027-01-20',
        slot: null,
        name: 'Anna Nowak',
        email: 'anna.nowak@example.pl',
        organisation: 'Fundacja Przykładowa',
        needs: ['induction_loop', 'step_free'],
        needsOther: null,
        consentVersion: '2026-12',
        language: 'pl',
      },
    });
  });

  it('keeps the language of the form the sign-up came from, and takes an unknown one as Polish', () => {
    const language = (value: unknown) => {
      const parsed = parseSignUp({ ...valid, language: value }, now, accepts);
      return parsed.ok ? parsed.value.language : null;
    };
    expect(language('uk')).toBe('uk');
    expect(language('en')).toBe('en');
    expect(language('de')).toBe('pl');
    expect(language(['uk'])).toBe('pl');
    expect(language(undefined)).toBe('pl');
  });

  it('names every field that is wrong, each with its own message', () => {
    const parsed = parseSignUp({ event: 'x', date: '20.01.2027', slot: '9:00', name: 'A', email: 'anna@', needs: 'jetpack', consent: '' }, now, accepts);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => [p.field, p.code])).toEqual([
      ['event', 'invalid_event'],
      ['date', 'invalid_date'],
      ['slot', 'invalid_slot'],
      ['name', 'invalid_name'],
      ['email', 'invalid_email'],
      ['needs', 'invalid_needs'],
      ['consentVersion', 'invalid_consent_version'],
      ['consent', 'missing_consent'],
    ]);
    for (const problem of parsed.problems) expect(problem.message).toBe(RESULT_PAGES[problem.code].message);
  });

  it('treats a filled honeypot as a bot and a form sent within seconds as too fast', () => {
    expect(parseSignUp({ ...valid, website: 'http://spam.example' }, now, accepts)).toMatchObject({ ok: false, bot: true });
    expect(parseSignUp({ ...valid, ts: String(now.getTime() - MIN_FILL_MS + 500) }, now, accepts)).toMatchObject({ ok: false, problems: [{ code: 'too_fast' }] });
    expect(botCheck({ ts: 'soon' }, now)?.code).toBe('too_fast');
    // Without JavaScript the time field stays empty, and that alone is not a refusal.
    expect(botCheck({ ts: '' }, now)).toBeNull();
  });

  it('reads the date and slot from the single choice the site form sends', () => {
    const parsed = parseSignUp({ ...valid, date: undefined, unit: '2027-03-23/16:30' }, now, accepts);
    expect(parsed.ok && [parsed.value.occurrenceDate, parsed.value.slot]).toEqual(['2027-03-23', '16:30']);
    const whole = parseSignUp({ ...valid, date: undefined, unit: '2027-01-20' }, now, accepts);
    expect(whole.ok && [whole.value.occurrenceDate, whole.value.slot]).toEqual(['2027-01-20', null]);
  });

  it('refuses a form without a consent version, or with one the CMS does not accept, and records the one it accepts', () => {
    for (const consentVersion of ['', '2025-01', 'x'.repeat(41)]) {
      const parsed = parseSignUp({ ...valid, consentVersion }, now, accepts);
      expect(!parsed.ok && parsed.problems.map((p) => [p.field, p.code])).toEqual([['consentVersion', 'invalid_consent_version']]);
    }
    const parsed = parseSignUp(valid, now, accepts);
    expect(parsed.ok && parsed.value.consentVersion).toBe('2026-12');
  });

  it('accepts only well-formed link tokens', () => {
    expect(parseToken({ token: 'a'.repeat(43) })).toBe('a'.repeat(43));
    expect(parseToken({ token: 'a'.repeat(42) })).toBeNull();
    expect(parseToken({ token: `${'a'.repeat(42)}'` })).toBeNull();
    expect(parseToken({})).toBeNull();
  });
});

describe('result pages', () => {
  it('gives every result its own address under /zapisy/', () => {
    const slugs = Object.values(RESULT_PAGES).map((page) => page.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('timed work', () => {
  const settings = { confirmHours: 48, reminderHours: 24, eraseDays: 30 };
  const now = new Date('2027-01-19T10:00:00Z');
  const confirmed = { state: 'confirmed' as const, startsAt: '2027-01-20T09:00:00Z', createdAt: '2027-01-10T12:00:00Z', reminderSentAt: null };

  it('reminds a confirmed person within the window, once', () => {
    expect(reminderDue(confirmed, now, settings)).toBe(true);
    expect(reminderDue({ ...confirmed, reminderSentAt: '2027-01-19T09:00:00Z' }, now, settings)).toBe(false);
    expect(reminderDue({ ...confirmed, state: 'waitlisted' }, now, settings)).toBe(false);
    expect(reminderDue({ ...confirmed, startsAt: '2027-01-20T10:00:01Z' }, now, settings)).toBe(false);
    expect(reminderDue({ ...confirmed, startsAt: '2027-01-19T09:59:00Z' }, now, settings)).toBe(false);
  });

  it('sends no reminder for a sign-up made in the two hours before the start', () => {
    expect(reminderDue({ ...confirmed, startsAt: '2027-01-19T11:00:00Z', createdAt: '2027-01-19T09:30:00Z' }, now, settings)).toBe(false);
    expect(reminderDue({ ...confirmed, startsAt: '2027-01-19T12:00:00Z', createdAt: '2027-01-19T09:59:00Z' }, now, settings)).toBe(true);
  });

  it('counts the confirmation window and the erasure delay back from now', () => {
    expect(expiryCutoff(now, settings).toISOString()).toBe('2027-01-17T10:00:00.000Z');
    expect(erasureCutoff(now, settings).toISOString()).toBe('2026-12-20T10:00:00.000Z');
  });

  it('keeps the counts of a date: who had a seat, came, did not come, cancelled, waited, was turned down or never confirmed', () => {
    expect(tallyOf(['confirmed', 'attended', 'attended', 'no_show', 'cancelled', 'waitlisted', 'rejected', 'expired', 'awaiting_confirmation'])).toEqual({
      registered: 4,
      attended: 2,
      noShow: 1,
      cancelled: 1,
      waitlisted: 1,
      rejected: 1,
      expired: 2,
    });
  });
});
