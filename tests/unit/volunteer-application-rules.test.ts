import { describe, expect, it } from 'vitest';
import { ageAllowed, answerTimeText, erasureDay, medianAnswerHours, parseAnswer, parseApplication, recruitmentState, reminderDue } from '../../cms/src/volunteering/rules';
import { ageText, answerPage, applicantLinkPage, composeApplicantMail, composeOrganizationMail } from '../../cms/src/volunteering/mail';
import { VOLUNTEER_WORDS_UK } from '../../cms/src/volunteering/mail-words-uk';
import type { Application, Offer } from '../../cms/src/volunteering/service';
import { APPLICATION_RESULTS } from '../../cms/src/shared/volunteer-application-results';
import { digestDue, matchesInterest, parseInterest } from '../../cms/src/volunteering/interest-rules';
import { OFFER_DISTRICTS } from '../../cms/src/shared/volunteer-offers';

const accepts = (version: string) => version === 'wolontariat-2026-12';
const form = {
  offer: 'k3v9x2m8p1q7r4t6w0y5z2ab',
  name: '  Anna   Nowak ',
  email: ' Anna.Nowak@Example.PL ',
  phone: '',
  availability: 'wtorki po 16:00',
  message: 'Lubię pracę z dziećmi.',
  age: 'adult',
  consent: 'tak',
  consentVersion: 'wolontariat-2026-12',
  website: '',
};
const problems = (body: Record<string, unknown>) => {
  const parsed = parseApplication(body, accepts);
  return parsed.ok ? [] : parsed.problems.map((p) => `${p.field}:${p.code}`);
};

describe('the volunteering application form', () => {
  it('reads only the whitelisted fields, tidied, with the address lower-cased', () => {
    const parsed = parseApplication({ ...form, state: 'accepted', reserve: 'true', role: 'admin' }, accepts);
    expect(parsed).toEqual({
      ok: true,
      value: { offerDocumentId: form.offer, name: 'Anna Nowak', email: 'anna.nowak@example.pl', phone: null, availability: 'wtorki po 16:00', message: 'Lubię pracę z dziećmi.', age: 'adult', consentVersion: 'wolontariat-2026-12', language: 'pl' },
    });
    // The offer page's language comes with the form; only the site's languages are kept.
    expect(parseApplication({ ...form, language: 'uk' }, accepts)).toMatchObject({ ok: true, value: { language: 'uk' } });
    expect(parseApplication({ ...form, language: 'ru' }, accepts)).toMatchObject({ ok: true, value: { language: 'pl' } });
  });

  it('answers a filled honeypot like a success, so the bot learns nothing', () => {
    expect(parseApplication({ ...form, website: 'https://spam.example' }, accepts)).toMatchObject({ ok: false, bot: true });
  });

  it('names each wrong field with its own result page', () => {
    expect(problems({ ...form, offer: '../x', name: 'A', email: 'jan@gmail', phone: '12', availability: '', age: 'old', consent: '', consentVersion: '2025-01' })).toEqual([
      'offer:invalid_offer',
      'name:invalid_name',
      'email:invalid_email',
      'phone:invalid_phone',
      'availability:invalid_availability',
      'age:invalid_age',
      'consentVersion:invalid_consent_version',
      'consent:missing_consent',
    ]);
    expect(problems({ ...form, message: 'x'.repeat(1501) })).toEqual(['message:invalid_message']);
    for (const code of ['invalid_offer', 'invalid_name', 'invalid_email', 'invalid_age', 'invalid_availability'] as const) expect(APPLICATION_RESULTS[code].field).toBeTruthy();
  });

  it('takes an optional phone number when it is one', () => {
    expect(parseApplication({ ...form, phone: '+48 600 100 200' }, accepts)).toMatchObject({ ok: true, value: { phone: '+48 600 100 200' } });
  });

  it('lets minors apply only where the offer starts under 18', () => {
    expect(ageAllowed('minor', 13)).toBe(true);
    expect(ageAllowed('minor', 16)).toBe(true);
    expect(ageAllowed('minor', 18)).toBe(false);
    expect(ageAllowed('adult', 18)).toBe(true);
  });
});

describe("the organisation's answer", () => {
  it('accepts with an optional message', () => {
    expect(parseAnswer({ decision: 'accept', note: ' Do zobaczenia we wtorek. ' })).toEqual({ ok: true, value: { decision: 'accept', note: 'Do zobaczenia we wtorek.' } });
  });

  it('declines only with a stock reason, and with words of its own for "other"', () => {
    expect(parseAnswer({ decision: 'decline', reason: 'places_filled' })).toEqual({ ok: true, value: { decision: 'decline', reason: 'places_filled', note: null } });
    expect(parseAnswer({ decision: 'decline', reason: 'because' })).toMatchObject({ ok: false, problems: [{ field: 'reason', code: 'invalid_reason' }] });
    expect(parseAnswer({ decision: 'decline', reason: 'other' })).toMatchObject({ ok: false });
    expect(parseAnswer({ decision: 'decline', reason: 'other', note: 'Zajęcia przeniesiono na rano.' })).toMatchObject({ ok: true });
    expect(parseAnswer({ decision: 'maybe' })).toMatchObject({ ok: false });
  });
});

describe('recruitment', () => {
  const offer = { volunteersWanted: 2, whenFilled: 'reserve' as const, endsOn: '2026-12-31', applicationDeadline: null };

  it('is open below the wanted number, then a reserve or closed as the organisation chose', () => {
    expect(recruitmentState(offer, 1, '2026-12-06')).toBe('open');
    expect(recruitmentState(offer, 2, '2026-12-06')).toBe('reserve');
    expect(recruitmentState({ ...offer, whenFilled: 'close' }, 2, '2026-12-06')).toBe('closed');
  });

  it('is closed after the last day, full or not', () => {
    expect(recruitmentState(offer, 0, '2027-01-01')).toBe('closed');
  });
});

describe("an organisation's usual answer time", () => {
  const now = new Date('2026-12-06T12:00:00Z');
  const answer = (hoursAfter: number, daysAgo = 1) => {
    const confirmed = now.getTime() - daysAgo * 86_400_000 - hoursAfter * 3_600_000;
    return { confirmedAt: new Date(confirmed).toISOString(), answeredAt: new Date(confirmed + hoursAfter * 3_600_000).toISOString() };
  };

  it('is the median of the last 90 days, and unknown below five answers', () => {
    expect(medianAnswerHours([answer(1), answer(2), answer(3), answer(4)], now)).toBeNull();
    expect(medianAnswerHours([answer(1), answer(2), answer(30), answer(4), answer(5)], now)).toBe(4);
    expect(medianAnswerHours([answer(1), answer(2), answer(3), answer(4), answer(5), answer(6)], now)).toBe(3.5);
    expect(medianAnswerHours([answer(1), answer(2), answer(3), answer(4), answer(5, 91)], now)).toBeNull();
  });

  it('is said in hours or in days', () => {
    expect(answerTimeText(0.2)).toBe('zwykle w ciągu 1 godziny');
    expect(answerTimeText(5)).toBe('zwykle w ciągu 5 godzin');
    expect(answerTimeText(30)).toBe('zwykle w ciągu 2 dni');
    expect(answerTimeText(24)).toBe('zwykle w ciągu 1 dnia');
  });
});

describe('timed work rules', () => {
  const now = new Date('2026-12-20T08:00:00Z');

  it('remind about an application unanswered for 7 days, then weekly', () => {
    const waiting = { state: 'submitted' as const, confirmedAt: '2026-12-13T08:00:00Z', remindedAt: null };
    expect(reminderDue(waiting, now, 7)).toBe(true);
    expect(reminderDue({ ...waiting, confirmedAt: '2026-12-13T08:00:01Z' }, now, 7)).toBe(false);
    expect(reminderDue({ ...waiting, remindedAt: '2026-12-15T08:00:00Z' }, now, 7)).toBe(false);
    expect(reminderDue({ ...waiting, remindedAt: '2026-12-13T07:00:00Z' }, now, 7)).toBe(true);
    expect(reminderDue({ ...waiting, state: 'accepted' }, now, 7)).toBe(false);
  });

  it("erase an application months after its offer's end, or after its own last activity when the offer is gone", () => {
    expect(erasureDay({ endsOn: '2026-12-31', applicationDeadline: '2026-12-10' }, '2026-11-01T10:00:00Z', 6)).toBe('2027-06-30');
    expect(erasureDay({ endsOn: null, applicationDeadline: '2026-12-10' }, '2026-11-01T10:00:00Z', 6)).toBe('2027-06-10');
    expect(erasureDay(null, '2026-11-01T10:00:00Z', 6)).toBe('2027-05-01');
  });
});

describe('the mails and the answer page', () => {
  const settings = { secret: 's'.repeat(32), siteUrl: 'https://co.example.pl', publicUrl: 'https://cms.co.example.pl' };
  const offer: Offer = {
    documentId: 'offer1offer1offer1',
    title: 'Pomoc w lekcjach',
    slug: 'pomoc-w-lekcjach',
    volunteersWanted: 3,
    whenFilled: 'reserve',
    minimumAge: 16,
    commitment: 'regular',
    startsOn: null,
    endsOn: null,
    applicationDeadline: null,
    updatedAt: '2026-12-01T10:00:00.000Z',
    contactName: 'Magdalena Wrona',
    contactEmail: 'wolontariat@szerokalawka.example.pl',
    contactPhone: '12 345 66 61',
    organizationDocumentId: 'org1org1org1org1',
    organizationName: 'Fundacja Szeroka Ławka',
  };
  const application: Application = {
    id: 7,
    documentId: 'app7app7app7app7',
    offerDocumentId: offer.documentId,
    offerTitle: offer.title,
    organizationDocumentId: offer.organizationDocumentId,
    organizationName: offer.organizationName,
    state: 'submitted',
    reserve: false,
    declineReason: null,
    answerNote: null,
    name: 'Anna <b>Nowak</b>',
    email: 'anna@example.pl',
    phone: null,
    availability: 'wtorki',
    message: 'Cześć!',
    age: 'minor',
    linkId: 'a'.repeat(32),
    answerLinkId: 'b'.repeat(32),
    createdAt: '2026-12-05T10:00:00.000Z',
    confirmedAt: '2026-12-05T10:05:00.000Z',
    answeredAt: null,
    remindedAt: null,
    erasedAt: null,
    language: 'pl',
  };

  it("send the organisation the application with a reply to the applicant and the organisation's own link", () => {
    const mail = composeOrganizationMail('new_application', application, offer, settings);
    expect(mail.to).toBe('wolontariat@szerokalawka.example.pl');
    expect(mail.replyTo).toBe('anna@example.pl');
    expect(mail.text).toContain('Wiek: niepełnoletni/-a (od 16 do 17 lat) – dostarczy pisemną zgodę rodzica lub opiekuna');
    expect(mail.text).toContain('https://cms.co.example.pl/api/volunteer-applications/answer?token=');
    expect(mail.text).not.toContain('/api/volunteer-applications/withdraw');
    expect(mail.html).toContain('Anna &#60;b&#62;Nowak&#60;/b&#62;');
  });

  it('give the applicant the contact person only once accepted', () => {
    expect(composeApplicantMail('submitted', application, offer, settings, 48).text).not.toContain('wolontariat@szerokalawka.example.pl');
    const accepted = composeApplicantMail('accepted', { ...application, state: 'accepted', answerNote: 'Wtorek 15:00.' }, offer, settings, 48);
    expect(accepted.text).toContain('E-mail: wolontariat@szerokalawka.example.pl');
    expect(accepted.text).toContain('Telefon: 12 345 66 61');
    expect(accepted.text).toContain('Wiadomość od organizacji: Wtorek 15:00.');
    expect(accepted.text).toContain('pisemnej zgodzie rodzica');
  });

  it('tell a declined applicant the reason in words', () => {
    const declined = composeApplicantMail('declined', { ...application, state: 'declined', declineReason: 'places_filled' }, offer, settings, 48);
    expect(declined.text).toContain('organizacja ma już komplet wolontariuszy do tej oferty.');
  });

  it('write to an applicant from the Ukrainian page in Ukrainian, linking the offer in Ukrainian, and tell the organisation in Polish which language it was', () => {
    const ukrainian = { ...application, language: 'uk' as const, offerTitle: 'Читання казок українською' };
    const mail = composeApplicantMail('submitted', ukrainian, offer, settings, 48, 'chytannia-kazok-ukrainskoiu-dlia-ditei');
    expect(mail.subject).toBe(VOLUNTEER_WORDS_UK.subjects.submitted('Читання казок українською'));
    expect(mail.text).toContain(VOLUNTEER_WORDS_UK.withdraw.label);
    expect(mail.text).toContain(`${settings.siteUrl}/uk/wolontariat/chytannia-kazok-ukrainskoiu-dlia-ditei/`);
    expect(mail.html).toContain('<html lang="uk">');
    expect(mail.text).not.toMatch(/Dzień dobry|Wycofaj/);
    const toOrganization = composeOrganizationMail('new_application', ukrainian, offer, settings);
    expect(toOrganization.text).toContain('Język formularza: ukraiński');
    expect(toOrganization.text).toContain('Dzień dobry');
    const page = applicantLinkPage('confirm', ukrainian, 'T'.repeat(43), settings.siteUrl);
    expect(page).toContain('<html lang="uk">');
    expect(page).toContain(VOLUNTEER_WORDS_UK.linkPages.confirm.button);
    expect(page).toContain('name="language" value="uk"');
  });

  it('describe an adult by the higher of the offer age and 18', () => {
    expect(ageText({ age: 'adult' }, { minimumAge: 13 })).toBe('ma ukończone 18 lat');
    expect(ageText({ age: 'adult' }, { minimumAge: 21 })).toBe('ma ukończone 21 lat');
  });

  it('let the organisation accept or decline with a reason on a page whose forms post the token', () => {
    const html = answerPage(application, 'T'.repeat(43), settings.siteUrl);
    expect(html.match(/<form method="post">/g)).toHaveLength(2);
    expect(html).toContain('name="decision" value="accept"');
    expect(html).toContain('name="reason" value="places_filled" required');
    expect(html.match(/name="token" value="T{43}"/g)).toHaveLength(2);
    expect(html).not.toContain('<b>Nowak</b>');
  });
});

describe('"Zgłoś gotowość": new matching offers by mail', () => {
  const subscription = { name: 'Ola', email: 'Ola@Example.pl', areas: ['edukacja', 'kultura'], district: 'krowodrza', commitment: 'regular', age: 'adult', consent: 'tak', consentVersion: 'gotowosc-2026-12', website: '' };
  const acceptsInterest = (version: string) => version === 'gotowosc-2026-12';

  it('reads the checkboxes and choices, and nothing else', () => {
    expect(parseInterest({ ...subscription, remoteOnly: 'tak', state: 'active', sentOffers: ['x'] }, acceptsInterest)).toEqual({
      ok: true,
      value: { name: 'Ola', email: 'ola@example.pl', areas: ['edukacja', 'kultura'], district: 'krowodrza', commitment: 'regular', remoteOnly: true, noPolishOnly: false, age: 'adult', availability: null, consentVersion: 'gotowosc-2026-12', language: 'pl' },
    });
    expect(parseInterest({ ...subscription, district: '', commitment: '' }, acceptsInterest)).toMatchObject({ ok: true, value: { district: null, commitment: 'any' } });
    // The page's language, for the mails; an unknown one is Polish.
    expect(parseInterest({ ...subscription, language: 'uk' }, acceptsInterest)).toMatchObject({ ok: true, value: { language: 'uk' } });
    expect(parseInterest({ ...subscription, language: 'de' }, acceptsInterest)).toMatchObject({ ok: true, value: { language: 'pl' } });
  });

  it('names each wrong field', () => {
    const parsed = parseInterest({ ...subscription, areas: ['<script>'], district: 'whole_city', commitment: 'sometimes', age: '', consent: '' }, acceptsInterest);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.field)).toEqual(['areas', 'district', 'commitment', 'age', 'consent']);
  });

  const offer = { areas: ['edukacja'], district: 'krowodrza', remote: 'none', commitment: 'regular', minimumAge: 16, noPolishNeeded: false, recruitment: 'open' as const };
  const choices = { areas: ['edukacja', 'kultura'], district: 'krowodrza' as const, commitment: 'regular' as const, remoteOnly: false, noPolishOnly: false, age: 'adult' as const };

  it('matches an offer in a chosen area, district and kind that still recruits', () => {
    expect(matchesInterest(offer, choices)).toBe(true);
    expect(matchesInterest({ ...offer, recruitment: 'closed' }, choices)).toBe(false);
    expect(matchesInterest({ ...offer, recruitment: 'reserve' }, choices)).toBe(true);
    expect(matchesInterest({ ...offer, areas: ['sport-i-rekreacja'] }, choices)).toBe(false);
    expect(matchesInterest({ ...offer, areas: ['sport-i-rekreacja'] }, { ...choices, areas: [] })).toBe(true);
    expect(matchesInterest({ ...offer, commitment: 'one_off' }, choices)).toBe(false);
  });

  it('counts city-wide and fully remote offers as in every district', () => {
    expect(matchesInterest({ ...offer, district: 'nowa_huta' }, choices)).toBe(false);
    expect(matchesInterest({ ...offer, district: 'whole_city' }, choices)).toBe(true);
    expect(matchesInterest({ ...offer, district: 'nowa_huta', remote: 'full' }, choices)).toBe(true);
    expect(matchesInterest({ ...offer, district: 'nowa_huta' }, { ...choices, district: null })).toBe(true);
  });

  it('sends minors only offers open to them, and "no Polish" only where none is needed', () => {
    expect(matchesInterest({ ...offer, minimumAge: 18 }, { ...choices, age: 'minor' })).toBe(false);
    expect(matchesInterest(offer, { ...choices, age: 'minor' })).toBe(true);
    expect(matchesInterest(offer, { ...choices, noPolishOnly: true })).toBe(false);
    expect(matchesInterest({ ...offer, noPolishNeeded: true }, { ...choices, noPolishOnly: true })).toBe(true);
    expect(matchesInterest(offer, { ...choices, remoteOnly: true })).toBe(false);
    expect(matchesInterest({ ...offer, remote: 'possible' }, { ...choices, remoteOnly: true })).toBe(true);
  });

  it('is due weekly from the confirmation, for active subscriptions only', () => {
    const now = new Date('2026-12-20T08:00:00Z');
    expect(digestDue({ state: 'active', confirmedAt: '2026-12-13T08:00:00Z', lastDigestAt: null }, now)).toBe(true);
    expect(digestDue({ state: 'active', confirmedAt: '2026-12-13T08:00:01Z', lastDigestAt: null }, now)).toBe(false);
    expect(digestDue({ state: 'active', confirmedAt: '2026-11-01T08:00:00Z', lastDigestAt: '2026-12-14T08:00:00Z' }, now)).toBe(false);
    expect(digestDue({ state: 'awaiting_confirmation', confirmedAt: null, lastDigestAt: null }, now)).toBe(false);
  });
});

describe('the offer districts', () => {
  it('are the offer schema’s enum, so a form cannot choose a district offers never have', async () => {
    const { readFileSync } = await import('node:fs');
    const schema = JSON.parse(readFileSync(new URL('../../cms/src/api/volunteer-offer/content-types/volunteer-offer/schema.json', import.meta.url), 'utf8')) as { attributes: { district: { enum: string[] } } };
    expect([...OFFER_DISTRICTS]).toEqual(schema.attributes.district.enum);
  });
});
