/**
 * 사업자등록번호: 10 digits XXX-XX-XXXXX, the last a check digit. The first 9 digits are weighted
 * 1,3,7,1,3,7,1,3,5; the 9th digit's ×5 product also adds its tens (floor(d9 × 5 / 10)); the check
 * digit is (10 − sum mod 10) mod 10.
 */
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5];

export function businessNumberCheckDigit(firstNine: string): number {
  const d = [...firstNine].map(Number);
  const sum = WEIGHTS.reduce((total, weight, i) => total + d[i] * weight, 0) + Math.floor((d[8] * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

/** The number as XXX-XX-XXXXX when it is well formed (with or without hyphens) and its check digit holds; otherwise undefined. */
export function normalizeBusinessRegistrationNumber(input: string): string | undefined {
  const match = /^(\d{3})-?(\d{2})-?(\d{5})$/.exec(input.trim());
  if (!match) return undefined;
  const digits = match.slice(1).join('');
  if (businessNumberCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) return undefined;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

export const isValidBusinessRegistrationNumber = (input: string): boolean =>
  normalizeBusinessRegistrationNumber(input) !== undefined;

export const businessNumberDigits = (formatted: string): string => formatted.replace(/-/g, '');
