/**
 * Checksums of Polish registry numbers (NIP, REGON, KRS). Editors paste these from
 * documents, so separators are tolerated and stripped; the checksum catches typos.
 */

const digitsOnly = (value: string): string => value.replace(/[\s-]/g, '');

const weightedSum = (digits: string, weights: readonly number[]): number =>
  weights.reduce((sum, weight, i) => sum + weight * Number(digits[i]), 0);

/** Strips spaces and dashes; returns null when anything else than digits remains. */
export function normalizeRegisterNumber(value: string): string | null {
  const plain = digitsOnly(value.trim().replace(/^PL/i, ''));
  return /^\d+$/.test(plain) ? plain : null;
}

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;

export function isValidNip(value: string): boolean {
  const nip = normalizeRegisterNumber(value);
  if (!nip || nip.length !== 10 || /^0+$/.test(nip)) return false;
  const control = weightedSum(nip, NIP_WEIGHTS) % 11;
  // A remainder of 10 means the number was never issued.
  return control !== 10 && control === Number(nip[9]);
}

const REGON9_WEIGHTS = [8, 9, 2, 3, 4, 5, 6, 7] as const;
const REGON14_WEIGHTS = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8] as const;

function regonControl(digits: string, weights: readonly number[]): number {
  const control = weightedSum(digits, weights) % 11;
  return control === 10 ? 0 : control;
}

export function isValidRegon(value: string): boolean {
  const regon = normalizeRegisterNumber(value);
  if (!regon || /^0+$/.test(regon)) return false;
  if (regon.length === 9) return regonControl(regon, REGON9_WEIGHTS) === Number(regon[8]);
  if (regon.length === 14) {
    // A 14-digit REGON (local unit) starts with its parent's valid 9-digit REGON.
    return isValidRegon(regon.slice(0, 9)) && regonControl(regon, REGON14_WEIGHTS) === Number(regon[13]);
  }
  return false;
}

export function isValidKrs(value: string): boolean {
  return /^\d{10}$/.test(value.trim()) && !/^0+$/.test(value.trim());
}

/** Computes the control digit that makes `first9` a valid NIP, or null when none exists. */
export function nipControlDigit(first9: string): number | null {
  const control = weightedSum(first9, NIP_WEIGHTS) % 11;
  return control === 10 ? null : control;
}

/** Computes the control digit that completes an 8-digit REGON prefix. */
export function regon9ControlDigit(first8: string): number {
  return regonControl(first8, REGON9_WEIGHTS);
}
