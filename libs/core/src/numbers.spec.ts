import { ValidationFailed } from './errors/domain-errors';
import { validateDto } from './http/validation';
import { IsOptional } from 'class-validator';
import { hasAtMostDecimals, IsDecimal, IsQueryInt, MAX_PAGE, MAX_QUERY_INT } from './numbers';

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
    expect([37.55, 0.1 + 0.2, NaN, Infinity, '37.5', null].map((n) => hasAtMostDecimals(n, 1))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
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
    expect((refused as ValidationFailed).fields).toEqual([
      expect.objectContaining({ field: 'weeklyHours', code: 'isNumber' }),
    ]);
  });
});

class Paged {
  @IsOptional()
  @IsQueryInt(1, MAX_PAGE)
  page?: number;

  @IsOptional()
  @IsQueryInt(0)
  asOfPosition?: number;
}

// Found by the security probe (issue 13): `?page=99999999999999999999` overflowed PostgreSQL's bigint (a 500).
describe('an integer query parameter', () => {
  const fieldsOf = (plain: object) => {
    try {
      validateDto(Paged, plain);
      return [];
    } catch (error) {
      return (error as ValidationFailed).fields.map((f) => `${f.field}:${f.code}`);
    }
  };

  it('reads digits as a number within its bounds', () => {
    expect(validateDto(Paged, { page: '3', asOfPosition: '9007199254740991' })).toEqual(
      Object.assign(new Paged(), { page: 3, asOfPosition: Number.MAX_SAFE_INTEGER }),
    );
    expect(validateDto(Paged, { page: String(MAX_PAGE) }).page).toBe(MAX_PAGE);
  });

  it('refuses a huge number, exponent notation, a fraction, a sign, hex or nothing, naming the field', () => {
    for (const page of [
      '99999999999999999999',
      String(MAX_PAGE + 1),
      '1e400',
      '1e3',
      '3.5',
      '-1',
      '+1',
      '0x1F',
      '',
      ' 1',
      '0',
      'NaN',
      ['1', '2'],
    ]) {
      expect([page, fieldsOf({ page })]).toEqual([page, expect.arrayContaining([expect.stringMatching(/^page:/)])]);
    }
    expect(fieldsOf({ asOfPosition: '9007199254740993' })).toEqual(expect.arrayContaining(['asOfPosition:max']));
    expect(MAX_QUERY_INT).toBe(Number.MAX_SAFE_INTEGER);
  });
});
