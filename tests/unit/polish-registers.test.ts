import { describe, expect, it } from 'vitest';
import { isValidKrs, isValidNip, isValidRegon, nipControlDigit, normalizeRegisterNumber, regon9ControlDigit } from '../../cms/src/validation/polish-registers';

describe('NIP', () => {
  it('accepts numbers whose checksum matches, with or without separators', () => {
    for (const nip of ['5260250274', '526-025-02-74', '526 025 02 74', 'PL5260250274', '6762455682']) {
      expect(isValidNip(nip), nip).toBe(true);
    }
  });

  it('rejects a typo in any digit', () => {
    expect(isValidNip('5260250275')).toBe(false);
    expect(isValidNip('5260205274')).toBe(false);
  });

  it('rejects wrong lengths, letters and all zeros', () => {
    for (const nip of ['526025027', '52602502740', '52602502a4', '0000000000', '']) expect(isValidNip(nip), nip).toBe(false);
  });

  it('rejects numbers whose checksum remainder is 10 (never issued)', () => {
    const prefix = Array.from({ length: 1000 }, (_, i) => String(123456000 + i)).find((p) => nipControlDigit(p) === null)!;
    for (let d = 0; d <= 9; d += 1) expect(isValidNip(`${prefix}${d}`)).toBe(false);
  });
});

describe('REGON', () => {
  it('accepts valid 9-digit numbers', () => {
    expect(isValidRegon('123456785')).toBe(true);
    expect(isValidRegon(`12345678${regon9ControlDigit('12345678')}`)).toBe(true);
  });

  it('treats a remainder of 10 as control digit 0', () => {
    const prefix = Array.from({ length: 1000 }, (_, i) => String(10000000 + i)).find((p) => {
      const sum = [8, 9, 2, 3, 4, 5, 6, 7].reduce((s, w, i) => s + w * Number(p[i]), 0);
      return sum % 11 === 10;
    })!;
    expect(isValidRegon(`${prefix}0`)).toBe(true);
  });

  it('accepts a valid 14-digit local-unit REGON and rejects one with a bad checksum', () => {
    expect(isValidRegon('12345678512347')).toBe(true);
    expect(isValidRegon('12345678512348')).toBe(false);
  });

  it('rejects typos and other lengths', () => {
    for (const regon of ['123456786', '12345678', '1234567851', '000000000', 'abcdefghi']) expect(isValidRegon(regon), regon).toBe(false);
  });
});

describe('KRS', () => {
  it('is exactly ten digits', () => {
    expect(isValidKrs('0000123456')).toBe(true);
    for (const krs of ['123456', '00001234567', '000012345a', '0000000000']) expect(isValidKrs(krs), krs).toBe(false);
  });
});

describe('normalizeRegisterNumber', () => {
  it('strips spaces, dashes and a PL prefix but keeps other characters visible', () => {
    expect(normalizeRegisterNumber(' PL 526-025-02-74 ')).toBe('5260250274');
    expect(normalizeRegisterNumber('526/025')).toBeNull();
  });
});
