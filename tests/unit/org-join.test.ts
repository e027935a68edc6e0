import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ORG_DISTRICTS, ORG_LEGAL_FORMS, parseJoinRequest, sameOrganization, WEBSITE_FIELD } from '../../cms/src/org-panel/join-rules';
import { composeJoinReceipt } from '../../cms/src/org-panel/join';
import { isJoinResult, ORG_JOIN_RESULT_CODES, ORG_PANEL_RESULTS, orgPanelResultPath, type OrgPanelResultCode } from '../../cms/src/shared/org-panel-results';
import { HONEYPOT_FIELD, MIN_FILL_MS } from '../../cms/src/public-forms/form-fields';
import { CONSENT_FORMS } from '../../cms/src/public-forms/consent-rules';

const NOW = new Date('2026-12-06T10:00:00Z');
const accepts = (version: string) => version === 'dolaczenie-2026-12';
const form = {
  name: '  Fundacja   Dobrych   Sąsiadów ',
  legalForm: 'foundation',
  krs: '0000 123 456',
  nip: 'PL 526-025-02-74',
  regon: '',
  shortDescription: 'Sąsiedzka pomoc seniorom z Krowodrzy: zakupy, spacery i wspólne wieczory.',
  [WEBSITE_FIELD]: 'https://sasiedzi.example.org',
  email: ' Biuro@Sasiedzi.Example.ORG ',
  phone: '',
  district: 'krowodrza',
  contactName: 'Anna Nowak',
  contactEmail: 'Anna.Nowak@Example.org',
  contactPhone: '',
  consent: 'tak',
  consentVersion: 'dolaczenie-2026-12',
  website: '',
  ts: String(NOW.getTime() - 60_000),
};
const parse = (body: Record<string, unknown>) => parseJoinRequest(body, NOW, accepts);
const problems = (body: Record<string, unknown>) => {
  const parsed = parse(body);
  return parsed.ok ? [] : parsed.problems.map((p) => `${p.field}:${p.code}`);
};
const schemaEnum = (field: string): string[] =>
  (JSON.parse(readFileSync(new URL('../../cms/src/api/organization/content-types/organization/schema.json', import.meta.url), 'utf8')) as { attributes: Record<string, { enum: string[] }> }).attributes[field]!.enum;

describe('the join form', () => {
  it('reads only the whitelisted fields, with registry numbers as bare digits and addresses lower-cased', () => {
    const parsed = parse({ ...form, state: 'approved', trusted: 'true', kind: 'profile', organizationDocumentId: 'x1y2z3a4b5c6' });
    expect(parsed).toEqual({
      ok: true,
      value: {
        name: 'Fundacja Dobrych Sąsiadów',
        legalForm: 'foundation',
        krs: '0000123456',
        nip: '5260250274',
        regon: '',
        shortDescription: form.shortDescription,
        description: form.shortDescription,
        website: 'https://sasiedzi.example.org',
        email: 'biuro@sasiedzi.example.org',
        phone: '',
        district: 'krowodrza',
        contactName: 'Anna Nowak',
        contactEmail: 'anna.nowak@example.org',
        contactPhone: '',
        consentVersion: 'dolaczenie-2026-12',
      },
    });
  });

  it('answers a filled honeypot like a success, so the bot learns nothing', () => {
    expect(parse({ ...form, [HONEYPOT_FIELD]: 'https://spam.example' })).toEqual({ ok: false, bot: true, problems: [{ field: HONEYPOT_FIELD, code: 'join_received' }] });
  });

  it('keeps the organisation’s website apart from the honeypot', () => {
    expect(WEBSITE_FIELD).not.toBe(HONEYPOT_FIELD);
  });

  it('refuses a form sent sooner than a person fills it in, and takes one sent without JavaScript', () => {
    expect(problems({ ...form, ts: String(NOW.getTime() - MIN_FILL_MS + 500) })).toEqual(['ts:too_fast']);
    expect(problems({ ...form, ts: 'soon' })).toEqual(['ts:too_fast']);
    expect(parse({ ...form, ts: '' }).ok).toBe(true);
  });

  it('names each wrong field with its own result page', () => {
    expect(
      problems({
        ...form,
        name: 'F',
        legalForm: 'company',
        krs: '123',
        nip: '5260250275',
        regon: '123456789',
        shortDescription: 'Za krótko.',
        [WEBSITE_FIELD]: 'javascript:alert(1)',
        email: 'biuro@fundacja',
        phone: 'zadzwoń',
        district: 'warszawa',
        contactName: '',
        contactEmail: 'anna nowak@example.org',
        contactPhone: '12',
        consent: '',
        consentVersion: 'wolontariat-2026-12',
      }),
    ).toEqual([
      'name:invalid_name',
      'legalForm:invalid_legal_form',
      'krs:invalid_krs',
      'nip:invalid_nip',
      'regon:invalid_regon',
      `${WEBSITE_FIELD}:invalid_website`,
      'phone:invalid_phone',
      'shortDescription:invalid_short_description',
      'email:invalid_org_email',
      'district:invalid_district',
      'contactName:invalid_contact_name',
      'contactEmail:invalid_contact_email',
      'contactPhone:invalid_contact_phone',
      'consentVersion:invalid_consent_version',
      'consent:missing_consent',
    ]);
  });

  it('asks foundations, associations and social cooperatives for their KRS number, as the profile rule does, and no one else', () => {
    for (const legalForm of ['foundation', 'association', 'social_cooperative']) expect(problems({ ...form, legalForm, krs: '' }), legalForm).toEqual(['krs:missing_krs']);
    for (const legalForm of ['ordinary_association', 'informal_group', 'other']) expect(parse({ ...form, legalForm, krs: '', nip: '', regon: '' }).ok, legalForm).toBe(true);
    // An unknown form is one problem, not two.
    expect(problems({ ...form, legalForm: '', krs: '' })).toEqual(['legalForm:invalid_legal_form']);
  });

  it('takes the optional fields empty, and a nine-digit REGON and phone numbers when they are right', () => {
    expect(parse({ ...form, legalForm: 'informal_group', krs: '', nip: '', [WEBSITE_FIELD]: '', district: '' })).toMatchObject({ ok: true, value: { krs: '', nip: '', website: '', district: '' } });
    expect(parse({ ...form, regon: '123-456-785', phone: '+48 12 345 67 89', contactPhone: '600 100 200' })).toMatchObject({ ok: true, value: { regon: '123456785', phone: '+48 12 345 67 89', contactPhone: '600 100 200' } });
  });

  it('keeps the short description within what the profile holds, line breaks allowed', () => {
    expect(problems({ ...form, shortDescription: 'x'.repeat(301) })).toEqual(['shortDescription:invalid_short_description']);
    expect(parse({ ...form, shortDescription: `${'x'.repeat(150)}\r\n${'y'.repeat(149)}` })).toMatchObject({ ok: true, value: { shortDescription: `${'x'.repeat(150)}\n${'y'.repeat(149)}` } });
  });

  it('offers exactly the legal forms and districts an organisation profile can have', () => {
    expect([...ORG_LEGAL_FORMS].sort()).toEqual([...schemaEnum('legalForm')].sort());
    expect([...ORG_DISTRICTS].sort()).toEqual([...schemaEnum('district')].sort());
  });

  it('has a consent text of its own in the site settings', () => {
    expect(CONSENT_FORMS['org-join']).toEqual({ textField: 'orgJoinConsentText', versionField: 'orgJoinConsentVersion', prefix: 'dolaczenie' });
  });
});

describe('a request for an organisation the centre already has', () => {
  const request = { krs: '0000123456', nip: '5260250274', email: 'biuro@sasiedzi.example.org' };

  it('is the same organisation by KRS, by NIP or by address in any case', () => {
    expect(sameOrganization(request, { krs: '0000123456', nip: null, email: 'inny@example.org' })).toBe(true);
    expect(sameOrganization(request, { krs: null, nip: '526-025-02-74', email: null })).toBe(true);
    expect(sameOrganization(request, { email: 'Biuro@Sasiedzi.Example.org' })).toBe(true);
  });

  it('is another organisation when nothing given matches, and empty numbers match nothing', () => {
    expect(sameOrganization(request, { krs: '0000654321', nip: '1234563218', email: 'inny@example.org' })).toBe(false);
    expect(sameOrganization({ krs: '', nip: '', email: 'a@example.org' }, { krs: '', nip: '', email: 'b@example.org' })).toBe(false);
  });
});

describe('the join form’s answers', () => {
  const codes = Object.keys(ORG_PANEL_RESULTS) as OrgPanelResultCode[];

  it('has a page of its own for every answer, none at the address of the form itself', () => {
    const slugs = codes.map((code) => ORG_PANEL_RESULTS[code].slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).not.toContain('dolacz');
    expect(orgPanelResultPath('join_received')).toBe('/dla-organizacji/prosba-wyslana/');
  });

  it('names the field of every correction and answers it with 400; a request sent is accepted', () => {
    for (const code of ORG_JOIN_RESULT_CODES.filter((c) => c.startsWith('invalid_') || c.startsWith('missing_'))) {
      expect(ORG_PANEL_RESULTS[code], code).toMatchObject({ status: 400, tone: 'error', field: expect.any(String) });
    }
    expect(ORG_PANEL_RESULTS.join_received).toMatchObject({ status: 202, tone: 'success' });
    expect(isJoinResult('join_received')).toBe(true);
    expect(isJoinResult('check_email')).toBe(false);
  });
});

describe('the contact person’s receipt', () => {
  const parsed = parse({ ...form, [WEBSITE_FIELD]: 'https://reklama.example/kup-teraz' });
  if (!parsed.ok) throw new Error('the form in this test must be valid');
  const mail = composeJoinReceipt(parsed.value, { siteUrl: 'https://co.example.pl' });

  it('goes to the contact person, naming the organisation, its numbers and where the panel is', () => {
    expect(mail.to).toBe('anna.nowak@example.org');
    expect(mail.subject).toBe('Prośba o dołączenie do katalogu: Fundacja Dobrych Sąsiadów');
    expect(mail.text).toContain('Dzień dobry, Anna Nowak!');
    expect(mail.text).toContain('KRS: 0000123456');
    expect(mail.text).toContain('NIP: 5260250274');
    expect(mail.text).toContain('Forma prawna: fundacja');
    expect(mail.text).toContain('Dzielnica: V Krowodrza');
    expect(mail.text).toContain('https://co.example.pl/dla-organizacji/');
  });

  it('does not carry the description or website typed in, since the address was never confirmed', () => {
    expect(mail.text).not.toContain('reklama.example');
    expect(mail.html).not.toContain('reklama.example');
    expect(mail.text).not.toContain('zakupy, spacery');
  });

  it('says what happens when the organisation is already known, since a repeat gets the same receipt', () => {
    expect(mail.text).toContain('nie dodajemy drugiej prośby');
  });
});
