import {
  businessNumberCheckDigit,
  isValidBusinessRegistrationNumber,
  normalizeBusinessRegistrationNumber,
} from './business-registration-number';

describe('사업자등록번호 check digit', () => {
  it.each([
    ['220-81-62517', 7],
    ['124-81-00998', 8],
    ['120-81-47521', 1],
  ])(
    'computes the check digit of %s as %i (weights 1,3,7,1,3,7,1,3,5 plus the tens of digit 9 × 5)',
    (number, check) => {
      expect(businessNumberCheckDigit(number.replace(/-/g, '').slice(0, 9))).toBe(check);
    },
  );

  it.each(['220-81-62517', '2208162517', '124-81-00998', ' 120-81-47521 '])(
    'accepts %p and formats it XXX-XX-XXXXX',
    (input) => {
      expect(normalizeBusinessRegistrationNumber(input)).toMatch(/^\d{3}-\d{2}-\d{5}$/);
    },
  );

  it('normalizes a number typed without hyphens', () => {
    expect(normalizeBusinessRegistrationNumber('2208162517')).toBe('220-81-62517');
  });

  it.each([
    ['220-81-62518', 'wrong check digit'],
    ['124-81-00990', 'wrong check digit'],
    ['123-45-67890', 'sequential digits, check digit 1 expected'],
    ['220-81-6251', 'nine digits'],
    ['22-081-62517', 'misplaced hyphens'],
    ['220 81 62517', 'spaces'],
    ['2208162517a', 'a letter'],
  ])('refuses %p (%s)', (input) => {
    expect(isValidBusinessRegistrationNumber(input)).toBe(false);
  });

  it('the tens of digit 9 × 5 matter: with digit 9 = 9 the check digit differs from the plain weighted sum', () => {
    // 124-81-0099?: weighted sum 118, + floor(45 / 10) = 4 → 122 → check 8 (without the tens it would be 2)
    expect(isValidBusinessRegistrationNumber('124-81-00998')).toBe(true);
    expect(isValidBusinessRegistrationNumber('124-81-00992')).toBe(false);
  });
});
