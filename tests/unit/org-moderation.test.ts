import { describe, expect, it } from 'vitest';
import {
  asJoinRequest,
  diffEntries,
  digestDue,
  joinRows,
  mailList,
  organizationFromJoin,
  parseDecision,
  publicPath,
  readable,
  refusal,
  REJECT_REASONS,
  waitedFor,
  type DiffSchema,
} from '../../cms/src/org-panel/moderation-rules';
import { composeDecisionMail, composeDigest, submissionsCount } from '../../cms/src/org-panel/moderation-mail';
import type { Submission } from '../../cms/src/org-panel/moderation';

const OFFER: DiffSchema = {
  uid: 'api::volunteer-offer.volunteer-offer',
  attributes: {
    title: { type: 'string' },
    slug: { type: 'uid' },
    organization: { type: 'relation', relation: 'manyToOne', target: 'api::organization.organization' },
    areas: { type: 'relation', relation: 'manyToMany', target: 'api::area.area' },
    address: { type: 'component', component: 'shared.address' },
    startsOn: { type: 'date' },
    applicationDeadline: { type: 'date' },
    volunteersWanted: { type: 'integer' },
    offersTraining: { type: 'boolean' },
    remote: { type: 'enumeration' },
    publishAt: { type: 'datetime' },
    seo: { type: 'component', component: 'shared.seo' },
  },
  components: {
    'shared.address': { street: { type: 'string' }, postalCode: { type: 'string' }, city: { type: 'string' } },
    'shared.seo': { metaTitle: { type: 'string' }, metaDescription: { type: 'text' }, shareImage: { type: 'media' }, noindex: { type: 'boolean' } },
  },
};

const EVENT: DiffSchema = {
  uid: 'api::event.event',
  attributes: {
    title: { type: 'string' },
    startsAt: { type: 'datetime' },
    cover: { type: 'media' },
    organizer: { type: 'relation', relation: 'manyToOne', target: 'api::organization.organization' },
    isFree: { type: 'boolean' },
  },
  components: {},
};

const ORGANIZATION: DiffSchema = {
  uid: 'api::organization.organization',
  attributes: {
    name: { type: 'string' },
    socialLinks: { type: 'component', component: 'shared.social-link', repeatable: true },
    events: { type: 'relation', relation: 'oneToMany', target: 'api::event.event', mappedBy: 'organizer' },
    panelPersons: { type: 'component', component: 'organization.panel-person', repeatable: true },
    trusted: { type: 'boolean' },
    spamCount: { type: 'integer' },
  },
  components: { 'shared.social-link': { platform: { type: 'enumeration' }, url: { type: 'string' } }, 'organization.panel-person': { name: { type: 'string' }, email: { type: 'string' } } },
};

const publishedOffer = {
  id: 10,
  documentId: 'abc123def456',
  title: 'Korepetycje z matematyki',
  slug: 'korepetycje-z-matematyki',
  organization: { id: 1, name: 'Fundacja Testowa' },
  areas: [{ name: 'Edukacja' }, { name: 'Dzieci i młodzież' }],
  address: { id: 3, street: 'ul. Reymonta 20', postalCode: '30-059', city: 'Kraków' },
  startsOn: '2026-03-01',
  applicationDeadline: null,
  volunteersWanted: 3,
  offersTraining: false,
  remote: 'none',
  publishAt: null,
  seo: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  publishedAt: '2026-01-01T10:00:00.000Z',
};

describe('the reasons for a rejection', () => {
  it('offers the five stock reasons with their Polish labels', () => {
    expect(REJECT_REASONS).toEqual({
      duplicate: 'Duplikat – to już jest w serwisie',
      out_of_scope: 'Poza zakresem działalności Centrum',
      not_enough_information: 'Za mało informacji',
      advertisement: 'Reklama komercyjna',
      other: 'Inny powód',
    });
  });
});

describe('a decision request', () => {
  it('accepts approve, spam and reviewed without anything else, ignoring stray fields', () => {
    expect(parseDecision({ decision: 'approve', reason: 'duplicate', state: 'approved' })).toEqual({ ok: true, value: { decision: 'approve' } });
    expect(parseDecision({ decision: 'spam' })).toEqual({ ok: true, value: { decision: 'spam' } });
    expect(parseDecision({ decision: 'reviewed' })).toEqual({ ok: true, value: { decision: 'reviewed' } });
  });

  it('refuses an unknown decision or a body that is not an object, naming the field', () => {
    expect(parseDecision({ decision: 'publish' })).toMatchObject({ ok: false, field: 'decision' });
    expect(parseDecision(null)).toMatchObject({ ok: false, field: 'decision' });
    expect(parseDecision('approve')).toMatchObject({ ok: false, field: 'decision' });
  });

  it('needs a stock reason to reject, and the text is optional and trimmed', () => {
    expect(parseDecision({ decision: 'reject' })).toMatchObject({ ok: false, field: 'reason', message: expect.stringContaining('Powód odrzucenia') });
    expect(parseDecision({ decision: 'reject', reason: 'boring' })).toMatchObject({ ok: false, field: 'reason' });
    expect(parseDecision({ decision: 'reject', reason: 'duplicate' })).toEqual({ ok: true, value: { decision: 'reject', reason: 'duplicate', text: '' } });
    expect(parseDecision({ decision: 'reject', reason: 'advertisement', text: '  Sprzedaż kursów.  ' })).toEqual({ ok: true, value: { decision: 'reject', reason: 'advertisement', text: 'Sprzedaż kursów.' } });
  });

  it('needs words of its own for "other"', () => {
    expect(parseDecision({ decision: 'reject', reason: 'other', text: '   ' })).toMatchObject({ ok: false, field: 'text', message: expect.stringContaining('Inny powód') });
    expect(parseDecision({ decision: 'reject', reason: 'other', text: 'Wydarzenie odbyło się już w zeszłym roku.' })).toMatchObject({ ok: true });
  });

  it('takes at most 1000 characters of text, and only text', () => {
    expect(parseDecision({ decision: 'reject', reason: 'duplicate', text: 'x'.repeat(1000) })).toMatchObject({ ok: true });
    expect(parseDecision({ decision: 'reject', reason: 'duplicate', text: 'x'.repeat(1001) })).toMatchObject({ ok: false, field: 'text', message: expect.stringContaining('1000') });
    expect(parseDecision({ decision: 'reject', reason: 'duplicate', text: 42 })).toMatchObject({ ok: false, field: 'text' });
  });
});

describe('which decisions a state allows', () => {
  it('lets approve, reject and spam decide only what is pending', () => {
    for (const decision of ['approve', 'reject', 'spam'] as const) expect(refusal(decision, 'pending', null, null)).toBeNull();
    expect(refusal('approve', 'approved', 'Anna Redaktorka', '2026-03-02T09:30:00.000Z')).toBe('Nic nie zmieniono: to zgłoszenie jest już rozpatrzone – zatwierdzone i opublikowane (Anna Redaktorka, 2026-03-02 10:30).');
    expect(refusal('spam', 'rejected', null, null)).toMatch(/już rozpatrzone – odrzucone\.$/);
    expect(refusal('reject', 'withdrawn', null, null)).toMatch(/wycofane przez organizację/);
  });

  it('marks as reviewed only what a trusted organisation published', () => {
    expect(refusal('reviewed', 'published_trusted', null, null)).toBeNull();
    expect(refusal('reviewed', 'pending', null, null)).toMatch(/czeka na decyzję/);
    expect(refusal('approve', 'published_trusted', null, null)).toMatch(/już opublikowany/);
    expect(refusal('reviewed', 'reviewed', null, null)).toMatch(/już rozpatrzone/);
  });
});

describe('the side-by-side comparison', () => {
  it('lists only the changed fields, with Polish labels and readable values', () => {
    const draft = { ...publishedOffer, id: 11, publishedAt: null, title: 'Korepetycje z matematyki i fizyki', volunteersWanted: 5, offersTraining: true, updatedAt: '2026-02-01T10:00:00.000Z' };
    expect(diffEntries(OFFER, publishedOffer, draft)).toEqual([
      { field: 'title', label: 'Tytuł', before: 'Korepetycje z matematyki', after: 'Korepetycje z matematyki i fizyki' },
      { field: 'volunteersWanted', label: 'Liczba wolontariuszy', before: '3', after: '5' },
      { field: 'offersTraining', label: 'Zapewniamy: szkolenie', before: 'nie', after: 'tak' },
    ]);
  });

  it('flattens components as „Adres › Ulica i numer” and names relations by their name', () => {
    const draft = { ...publishedOffer, address: { id: 9, street: 'ul. Długa 1', postalCode: '30-059', city: 'Kraków' }, organization: { id: 2, name: 'Stowarzyszenie Inne' }, areas: [{ name: 'Dzieci i młodzież' }, { name: 'Edukacja' }] };
    expect(diffEntries(OFFER, publishedOffer, draft)).toEqual([
      { field: 'organization', label: 'Organizacja', before: 'Fundacja Testowa', after: 'Stowarzyszenie Inne' },
      { field: 'address.street', label: 'Adres › Ulica i numer', before: 'ul. Reymonta 20', after: 'ul. Długa 1' },
    ]);
  });

  it('reads a component that appears as all its fields appearing', () => {
    const draft = { ...publishedOffer, seo: { metaTitle: 'Korepetycje', metaDescription: null, shareImage: null, noindex: false } };
    expect(diffEntries(OFFER, publishedOffer, draft)).toEqual([
      { field: 'seo.metaTitle', label: 'SEO › Tytuł dla wyszukiwarek', before: '', after: 'Korepetycje' },
      { field: 'seo.noindex', label: 'SEO › Ukryj przed wyszukiwarkami', before: '', after: 'nie' },
    ]);
  });

  it('shows times in Kraków time, and media as the file name with its alt text', () => {
    const before = { title: 'Warsztaty', startsAt: '2026-07-01T15:00:00.000Z', cover: null, organizer: { name: 'Fundacja' }, isFree: true };
    const after = { ...before, startsAt: '2026-12-01T15:00:00.000Z', cover: { name: 'plakat.png', alternativeText: 'Plakat warsztatów' } };
    expect(diffEntries(EVENT, before, after)).toEqual([
      { field: 'startsAt', label: 'Początek', before: '2026-07-01 17:00', after: '2026-12-01 16:00' },
      { field: 'cover', label: 'Obrazek', before: '', after: 'plakat.png (tekst alternatywny: „Plakat warsztatów”)' },
    ]);
    expect(readable({ type: 'media' }, [{ name: 'a.jpg', alternativeText: '' }, { name: 'b.jpg', alternativeText: 'Sala' }])).toBe('a.jpg (bez tekstu alternatywnego); b.jpg (tekst alternatywny: „Sala”)');
  });

  it('lists every filled field of a new entry with nothing before it', () => {
    const draft = { title: 'Nowe wydarzenie', startsAt: '2026-05-05T08:00:00.000Z', cover: null, organizer: { name: 'Fundacja' }, isFree: false };
    expect(diffEntries(EVENT, null, draft).map(({ field, before, after }) => [field, before, after])).toEqual([
      ['title', '', 'Nowe wydarzenie'],
      ['startsAt', '', '2026-05-05 10:00'],
      ['organizer', '', 'Fundacja'],
      ['isFree', '', 'nie'],
    ]);
  });

  it('compares repeatable components item by item, and skips inverse relations and private bookkeeping', () => {
    const before = { name: 'Fundacja', socialLinks: [{ platform: 'facebook', url: 'https://facebook.com/f' }], events: [{ title: 'A' }], panelPersons: [{ name: 'Jan', email: 'jan@example.org' }], trusted: false, spamCount: 0 };
    const after = { ...before, socialLinks: [...before.socialLinks, { platform: 'instagram', url: 'https://instagram.com/f' }], events: [], panelPersons: [], trusted: true, spamCount: 3 };
    expect(diffEntries(ORGANIZATION, before, after)).toEqual([
      { field: 'socialLinks.1.platform', label: 'Media społecznościowe 2 › Serwis', before: '', after: 'instagram' },
      { field: 'socialLinks.1.url', label: 'Media społecznościowe 2 › Adres profilu', before: '', after: 'https://instagram.com/f' },
    ]);
  });

  it('finds nothing to show when the draft equals what is online', () => {
    expect(diffEntries(OFFER, publishedOffer, { ...publishedOffer, id: 99, updatedAt: '2027-01-01T00:00:00.000Z', publishedAt: null })).toEqual([]);
  });
});

describe('a request to join the directory', () => {
  const stored = { name: 'Fundacja Nowa', legalForm: 'foundation', krs: '0000123456', nip: '', description: 'Pomagamy.', contactName: 'Ewa Nowak', contactEmail: 'ewa@nowa.org.pl', extra: 'x', phone: 123 };

  it('reads every field as text, empty when missing', () => {
    const request = asJoinRequest(stored);
    expect(request).toMatchObject({ name: 'Fundacja Nowa', legalForm: 'foundation', nip: '', regon: '', phone: '123', contactEmail: 'ewa@nowa.org.pl' });
    expect(Object.keys(request)).not.toContain('extra');
    expect(asJoinRequest(null).name).toBe('');
  });

  it('shows each field under its Polish label, the legal form in words', () => {
    const rows = joinRows(asJoinRequest(stored));
    expect(rows.find((row) => row.field === 'legalForm')).toEqual({ field: 'legalForm', label: 'Forma prawna', value: 'fundacja (foundation)' });
    expect(rows.find((row) => row.field === 'contactEmail')?.label).toBe('E-mail osoby kontaktowej');
    expect(rows.find((row) => row.field === 'krs')?.label).toBe('Numer KRS');
  });

  it('creates the organisation with the contact person as its first panel person, empty fields left out', () => {
    expect(organizationFromJoin(asJoinRequest(stored))).toMatchObject({ name: 'Fundacja Nowa', legalForm: 'foundation', krs: '0000123456', nip: null, district: null, panelPersons: [{ name: 'Ewa Nowak', email: 'ewa@nowa.org.pl' }] });
  });
});

describe('the editors’ digest', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');

  it('is due when something new waits and the last one is a period old', () => {
    expect(digestDue(0, null, now, 24)).toBe(false);
    expect(digestDue(1, null, now, 24)).toBe(true);
    expect(digestDue(1, '2026-03-10T00:00:00.000Z', now, 24)).toBe(false);
    expect(digestDue(1, '2026-03-09T12:00:00.000Z', now, 24)).toBe(true);
    expect(digestDue(0, '2026-03-01T12:00:00.000Z', now, 24)).toBe(false);
  });

  it('reads the addresses from a comma-separated list', () => {
    expect(mailList(' a@co.pl, ,b@co.pl ')).toEqual(['a@co.pl', 'b@co.pl']);
    expect(mailList('')).toEqual([]);
  });

  it('says how long each proposal has waited, and counts in Polish', () => {
    expect(waitedFor('2026-03-10T11:30:00.000Z', now)).toBe('mniej niż godzinę');
    expect(waitedFor('2026-03-10T07:00:00.000Z', now)).toBe('5 godz.');
    expect(waitedFor('2026-03-07T12:00:00.000Z', now)).toBe('3 dni');
    expect([1, 2, 5, 12, 22, 25].map(submissionsCount)).toEqual(['1 zgłoszenie czeka', '2 zgłoszenia czekają', '5 zgłoszeń czeka', '12 zgłoszeń czeka', '22 zgłoszenia czekają', '25 zgłoszeń czeka']);
  });

  it('lists titles with their organisation and age, and links to Zgłoszenia', () => {
    const waiting = [submission({ title: 'Warsztaty', organizationName: 'Fundacja A', submittedAt: '2026-03-08T12:00:00.000Z' }), submission({ id: 2, kind: 'join', title: 'Fundacja Nowa', organizationName: null, submittedAt: '2026-03-10T09:00:00.000Z' })];
    const mail = composeDigest('redakcja@co.example.pl', waiting, now, SETTINGS, 24);
    expect(mail.subject).toBe('Zgłoszenia organizacji: 2 zgłoszenia czekają na decyzję');
    expect(mail.text).toContain('1. Wydarzenie (nowy): „Warsztaty” – Fundacja A, czeka 2 dni');
    expect(mail.text).toContain('2. Prośba o dołączenie: „Fundacja Nowa” – nowa organizacja, czeka 3 godz.');
    expect(mail.text).toContain('http://localhost:1337/admin/zgloszenia');
  });
});

const SETTINGS = { secret: 's', siteUrl: 'https://co.krakow.pl', publicUrl: 'http://localhost:1337' };

function submission(overrides: Partial<Submission> = {}): Submission {
  return {
    id: 1,
    documentId: 'sub1',
    kind: 'event',
    change: 'new',
    state: 'pending',
    targetDocumentId: 'evt1',
    organizationDocumentId: 'org1',
    organizationName: 'Fundacja Testowa',
    title: 'Warsztaty',
    submittedBy: 'biuro@fundacja.org.pl',
    submittedAt: '2026-03-01T10:00:00.000Z',
    joinRequest: null,
    reason: null,
    reasonText: null,
    decidedAt: null,
    decidedBy: null,
    digestedAt: null,
    publishedChanges: null,
    ...overrides,
  };
}

describe('the mails after a decision', () => {
  it('tells the submitter where the approved entry lives on the site', () => {
    const mail = composeDecisionMail({ submission: submission({ kind: 'volunteer_offer' }), decision: { decision: 'approve' }, slug: 'pomoc-w-swietlicy', join: null }, SETTINGS)!;
    expect(mail.to).toBe('biuro@fundacja.org.pl');
    expect(mail.subject).toBe('Opublikowane: Warsztaty');
    expect(mail.text).toContain('https://co.krakow.pl/wolontariat/pomoc-w-swietlicy/');
    expect(publicPath('event', 'x')).toBe('/wydarzenia/x/');
    expect(publicPath('profile', 'x')).toBe('/organizacje/x/');
  });

  it('quotes the title, the reason and the editor’s words in a rejection', () => {
    const mail = composeDecisionMail({ submission: submission({ change: 'edit' }), decision: { decision: 'reject', reason: 'not_enough_information', text: 'Brakuje godziny zakończenia.' }, slug: null, join: null }, SETTINGS)!;
    expect(mail.subject).toBe('Zgłoszenie nieprzyjęte: Warsztaty');
    expect(mail.text).toContain('„Warsztaty”');
    expect(mail.text).toContain('Powód: Za mało informacji');
    expect(mail.text).toContain('Wyjaśnienie redakcji: Brakuje godziny zakończenia.');
    expect(mail.text).toContain('Na stronie zostaje poprzednia wersja');
  });

  it('sends nothing for spam or a review', () => {
    expect(composeDecisionMail({ submission: submission(), decision: { decision: 'spam' }, slug: null, join: null }, SETTINGS)).toBeNull();
    expect(composeDecisionMail({ submission: submission({ state: 'published_trusted' }), decision: { decision: 'reviewed' }, slug: null, join: null }, SETTINGS)).toBeNull();
  });

  it('welcomes a new organisation with the panel’s sign-in page, at its contact address', () => {
    const join = asJoinRequest({ name: 'Fundacja Nowa', contactName: 'Ewa Nowak', contactEmail: 'ewa@nowa.org.pl' });
    const mail = composeDecisionMail({ submission: submission({ kind: 'join', submittedBy: null }), decision: { decision: 'approve' }, slug: 'fundacja-nowa', join }, SETTINGS)!;
    expect(mail.to).toBe('ewa@nowa.org.pl');
    expect(mail.text).toContain('Dzień dobry, Ewa Nowak!');
    expect(mail.text).toContain('https://co.krakow.pl/dla-organizacji/');
    expect(mail.text).toContain('https://co.krakow.pl/organizacje/fundacja-nowa/');
  });
});
