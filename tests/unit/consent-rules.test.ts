import { describe, expect, it } from 'vitest';
import { acceptsConsent, newVersionName, planConsentChange, readConsent, type ConsentVersion } from '../../cms/src/public-forms/consent-rules';

const HOUR = 3_600_000;
const GRACE = 24 * HOUR;
const changedAt = '2026-12-06T10:00:00.000Z';
const history: ConsentVersion[] = [
  { form: 'registration', version: '2026-10', text: 'Najstarszy tekst.', validFrom: '2026-10-01T08:00:00.000Z', validTo: '2026-12-01T09:00:00.000Z' },
  { form: 'registration', version: '2026-12', text: 'Poprzedni tekst.', validFrom: '2026-12-01T09:00:00.000Z', validTo: changedAt },
  { form: 'registration', version: 'zapisy-2026-12-06', text: 'Obecny tekst.', validFrom: changedAt, validTo: null },
];
const at = (hoursAfterChange: number) => new Date(Date.parse(changedAt) + hoursAfterChange * HOUR);

describe('which consent version a form may carry', () => {
  it('accepts the version shown now at any time', () => {
    expect(acceptsConsent(history, 'zapisy-2026-12-06', at(24 * 365), GRACE)).toBe(true);
  });

  it('accepts the version before it only within the grace period after the change', () => {
    expect(acceptsConsent(history, '2026-12', at(1), GRACE)).toBe(true);
    expect(acceptsConsent(history, '2026-12', at(24), GRACE)).toBe(true);
    expect(acceptsConsent(history, '2026-12', at(24.01), GRACE)).toBe(false);
  });

  it('refuses older versions, versions never published and a missing version', () => {
    expect(acceptsConsent(history, '2026-10', at(1), GRACE)).toBe(false);
    expect(acceptsConsent(history, '2025-01', at(1), GRACE)).toBe(false);
    expect(acceptsConsent(history, '', at(1), GRACE)).toBe(false);
  });

  it('refuses everything while a form has no consent text at all', () => {
    expect(acceptsConsent([], '2026-12', at(1), GRACE)).toBe(false);
  });

  it('names the field of each consent problem', () => {
    const accepts = (version: string) => version === 'v2';
    expect(readConsent({ consentVersion: 'v2', consent: 'tak' }, accepts)).toEqual({ version: 'v2', problems: [] });
    expect(readConsent({ consentVersion: ['v1', 'v2'], consent: '' }, accepts).problems).toEqual([
      { field: 'consentVersion', code: 'invalid_consent_version' },
      { field: 'consent', code: 'missing_consent' },
    ]);
    expect(readConsent({ consentVersion: 'v2\n', consent: 'tak' }, () => true).problems).toEqual([]);
    expect(readConsent({ consentVersion: 'v\u00002', consent: 'tak' }, () => true).problems).toEqual([{ field: 'consentVersion', code: 'invalid_consent_version' }]);
  });
});

describe('a change of a consent text in the settings', () => {
  const now = new Date('2026-12-07T23:30:00Z');

  it('keeps the version when the text stays the same, spaces at the ends aside', () => {
    expect(planConsentChange('registration', history, '  Obecny tekst. ', 'cokolwiek', now, new Set())).toEqual({ kind: 'unchanged', version: 'zapisy-2026-12-06' });
  });

  it('opens a version named after the Kraków day of the change and closes the current one, whatever version the write names', () => {
    const change = planConsentChange('registration', history, 'Nowy tekst.', '2026-12', now, new Set(history.map((entry) => entry.version)));
    // 23:30 UTC on 7 December is already 8 December in Kraków.
    expect(change).toEqual({ kind: 'new', version: 'zapisy-2026-12-08', text: 'Nowy tekst.', closes: history[2] });
  });

  it('numbers a second change on the same day', () => {
    expect(newVersionName('room-request', now, new Set(['sale-2026-12-08', 'sale-2026-12-08-2']))).toBe('sale-2026-12-08-3');
  });

  it('keeps the version the first text came with (the seed, a database from before the history)', () => {
    expect(planConsentChange('room-request', [], 'Tekst zgody.', 'sale-2026-12', now, new Set())).toMatchObject({ kind: 'new', version: 'sale-2026-12', closes: null });
    expect(planConsentChange('room-request', [], 'Tekst zgody.', '', now, new Set())).toMatchObject({ kind: 'new', version: 'sale-2026-12-08' });
    // A version another form already uses is not taken over.
    expect(planConsentChange('room-request', [], 'Tekst zgody.', '2026-12', now, new Set(['2026-12']))).toMatchObject({ kind: 'new', version: 'sale-2026-12-08' });
  });

  it('refuses to empty a text that forms already show, and leaves a form without any text alone', () => {
    expect(planConsentChange('registration', history, '  ', '', now, new Set())).toMatchObject({ kind: 'refused', message: expect.stringContaining('nie można usunąć') });
    expect(planConsentChange('registration', [], '', '', now, new Set())).toEqual({ kind: 'unchanged', version: null });
  });
});
