import { describe, expect, it } from 'vitest';
import { durationDays, needsWrittenAgreement, validateVolunteerOffer } from '../../cms/src/volunteering/offer-rules';
import { lastApplicationDay, recruitmentEnded } from '../../cms/src/shared/volunteer-offers';

const regular = {
  title: 'Pomoc w lekcjach',
  commitment: 'regular',
  schedule: 'wtorki 16:00–18:00',
  hours: 2,
  hoursPer: 'week',
  remote: 'none',
  address: { street: 'os. Szkolne 25', postalCode: '31-977', city: 'Kraków' },
  usesPolish: true,
  offersAgreement: true,
  contactEmail: 'wolontariat@example.org',
};
const oneOff = { ...regular, commitment: 'one_off', schedule: null, hours: null, hoursPer: null, startsOn: '2026-12-12', offersAgreement: false, offersInsurance: true };
const withOrganization = { hasOrganization: true };
const paths = (errors: { path: string[] }[]) => errors.map((e) => e.path.join('.'));

describe('volunteering offer rules', () => {
  it('accept a complete regular offer and a complete one-off offer', () => {
    expect(validateVolunteerOffer(regular, withOrganization)).toEqual([]);
    expect(validateVolunteerOffer(oneOff, withOrganization)).toEqual([]);
  });

  it('require an organisation, naming the field in Polish', () => {
    const errors = validateVolunteerOffer(regular, { hasOrganization: false });
    expect(paths(errors)).toEqual(['organization']);
    expect(errors[0]!.message).toMatch(/^Organizacja \(organization\): wybierz organizację/);
  });

  it('need a schedule and hours with their unit for regular help', () => {
    expect(paths(validateVolunteerOffer({ ...regular, schedule: ' ', hours: null }, withOrganization))).toEqual(['schedule', 'hours']);
    const errors = validateVolunteerOffer({ ...regular, hoursPer: null }, withOrganization);
    expect(paths(errors)).toEqual(['hoursPer']);
    expect(errors[0]!.message).toContain('Godzin na (hoursPer)');
  });

  it('need the day of one-off help', () => {
    expect(paths(validateVolunteerOffer({ ...oneOff, startsOn: null }, withOrganization))).toEqual(['startsOn']);
  });

  it('refuse an end before the start and a deadline after the end', () => {
    expect(paths(validateVolunteerOffer({ ...oneOff, endsOn: '2026-12-11' }, withOrganization))).toEqual(['endsOn']);
    expect(paths(validateVolunteerOffer({ ...oneOff, endsOn: '2026-12-13', applicationDeadline: '2026-12-14' }, withOrganization))).toEqual(['applicationDeadline']);
    expect(validateVolunteerOffer({ ...oneOff, endsOn: '2026-12-13', applicationDeadline: '2026-12-13' }, withOrganization)).toEqual([]);
  });

  it('need an address unless the help is fully remote, and check its postal code', () => {
    expect(paths(validateVolunteerOffer({ ...regular, address: null }, withOrganization))).toEqual(['address.street']);
    expect(paths(validateVolunteerOffer({ ...regular, remote: 'possible', address: { street: '' } }, withOrganization))).toEqual(['address.street']);
    expect(validateVolunteerOffer({ ...regular, remote: 'full', address: null }, withOrganization)).toEqual([]);
    expect(paths(validateVolunteerOffer({ ...regular, address: { street: 'Praska 52', postalCode: '30328' } }, withOrganization))).toEqual(['address.postalCode']);
  });

  it('need at least one language, and a language that replaces Polish when Polish is not needed', () => {
    expect(paths(validateVolunteerOffer({ ...regular, usesPolish: false }, withOrganization))).toEqual(['usesPolish']);
    expect(paths(validateVolunteerOffer({ ...regular, noPolishNeeded: true }, withOrganization))).toEqual(['noPolishNeeded']);
    expect(validateVolunteerOffer({ ...regular, usesPolish: false, usesUkrainian: true, noPolishNeeded: true }, withOrganization)).toEqual([]);
  });

  it('count the days of the help, both ends included, and know none for open-ended regular help', () => {
    expect(durationDays(oneOff)).toBe(1);
    expect(durationDays({ ...oneOff, endsOn: '2026-12-13' })).toBe(2);
    expect(durationDays(regular)).toBeNull();
    expect(durationDays({ ...regular, startsOn: '2026-03-01', endsOn: '2026-03-30' })).toBe(30);
  });

  it('ask for a written agreement over 30 days and for accident insurance up to 30 days, as the volunteering act does', () => {
    expect(needsWrittenAgreement({ ...regular, startsOn: '2026-03-01', endsOn: '2026-03-30' })).toBe(false);
    expect(needsWrittenAgreement({ ...regular, startsOn: '2026-03-01', endsOn: '2026-03-31' })).toBe(true);
    const noAgreement = validateVolunteerOffer({ ...regular, offersAgreement: false }, withOrganization);
    expect(paths(noAgreement)).toEqual(['offersAgreement']);
    expect(noAgreement[0]!.message).toContain('art. 44');
    const noInsurance = validateVolunteerOffer({ ...oneOff, offersInsurance: false }, withOrganization);
    expect(paths(noInsurance)).toEqual(['offersInsurance']);
    expect(noInsurance[0]!.message).toContain('ubezpieczyć');
  });

  it('need the address applications go to, and check it and the phone', () => {
    expect(paths(validateVolunteerOffer({ ...regular, contactEmail: null }, withOrganization))).toEqual(['contactEmail']);
    expect(paths(validateVolunteerOffer({ ...regular, contactEmail: 'jan@gmail', contactPhone: 'zadzwoń' }, withOrganization))).toEqual(['contactEmail', 'contactPhone']);
  });

  it('end recruitment the day after the deadline or the last day, in Kraków dates', () => {
    const offer = { endsOn: '2026-12-20', applicationDeadline: '2026-12-10' };
    expect(recruitmentEnded(offer, '2026-12-10')).toBe(false);
    expect(recruitmentEnded(offer, '2026-12-11')).toBe(true);
    expect(recruitmentEnded({ endsOn: '2026-12-20' }, '2026-12-20')).toBe(false);
    expect(recruitmentEnded({ endsOn: '2026-12-20' }, '2026-12-21')).toBe(true);
    expect(recruitmentEnded({}, '2030-01-01')).toBe(false);
  });

  it('let an offer without an end or a deadline lapse three months after its last update, counted in Kraków', () => {
    // 23:30 UTC on 5 March is already 6 March in Kraków.
    expect(lastApplicationDay({ updatedAt: '2026-03-05T23:30:00.000Z' })).toBe('2026-06-06');
    expect(recruitmentEnded({ updatedAt: '2026-03-05T23:30:00.000Z' }, '2026-06-06')).toBe(false);
    expect(recruitmentEnded({ updatedAt: '2026-03-05T23:30:00.000Z' }, '2026-06-07')).toBe(true);
    expect(lastApplicationDay({ endsOn: '2026-12-20', updatedAt: '2020-01-01T00:00:00.000Z' })).toBe('2026-12-20');
  });

  it('end one-off help without an end date with its day', () => {
    expect(lastApplicationDay({ commitment: 'one_off', startsOn: '2026-12-12', updatedAt: '2026-12-01T10:00:00.000Z' })).toBe('2026-12-12');
    expect(lastApplicationDay({ commitment: 'one_off', startsOn: '2026-12-12', applicationDeadline: '2026-12-09' })).toBe('2026-12-09');
    expect(lastApplicationDay({ commitment: 'regular', startsOn: '2026-12-12', updatedAt: '2026-12-01T10:00:00.000Z' })).toBe('2027-03-01');
  });
});
