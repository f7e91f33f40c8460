import { ValidationFailed } from './errors/domain-errors';
import { validateDto } from './http/validation';
import { hasAtMostDecimals, IsDecimal } from './numbers';

class Hours {
  @IsDecimal(1)
  weeklyHours: number;
}

describe('a number with at most N decimal places', () => {
  it('accepts whole numbers and numbers with up to N decimals', () => {
    expect([0, 40, 37.5, 0.1, 59.9].map((n) => hasAtMostDecimals(n, 1))).toEqual([true, true, true, true, true]);
    expect(hasAtMostDecimals(2.35, 2)).toBe(true);
  });

  it('refuses more decimals, non-numbers and non-finite numbers', () => {
    expect([37.55, 0.1 + 0.2, NaN, Infinity, '37.5', null].map((n) => hasAtMostDecimals(n, 1))).toEqual([false, false, false, false, false, false]);
  });

  // Found by tests/fuzz: class-validator's IsNumber({ maxDecimalPlaces }) threw on these (a 500).
  it('refuses numbers JSON writes in exponent notation, as a 400 on the field', () => {
    expect([3e-323, 1e-7, 5e-324].map((n) => hasAtMostDecimals(n, 1))).toEqual([false, false, false]);
    let refused: unknown;
    try {
      validateDto(Hours, JSON.parse('{"weeklyHours": 3e-323}'));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ValidationFailed);
    expect((refused as ValidationFailed).fields).toEqual([expect.objectContaining({ field: 'weeklyHours', code: 'isNumber' })]);
  });
});
