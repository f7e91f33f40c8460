import { RuleViolation } from '@saeil/core';
import { WAGE_BAND_KEYS, wageBandOf } from './wage-bands';

describe('wage bands (KRW per month)', () => {
  it('puts each bound in the band it opens', () => {
    expect(wageBandOf(0)).toBe('under_2m');
    expect(wageBandOf(1_999_999)).toBe('under_2m');
    expect(wageBandOf(2_000_000)).toBe('2m_3m');
    expect(wageBandOf(2_350_000)).toBe('2m_3m');
    expect(wageBandOf(2_999_999)).toBe('2m_3m');
    expect(wageBandOf(3_000_000)).toBe('3m_4m');
    expect(wageBandOf(4_000_000)).toBe('4m_and_over');
    expect(wageBandOf(12_000_000)).toBe('4m_and_over');
  });

  it('lists the bands in ascending order', () => {
    expect(WAGE_BAND_KEYS).toEqual(['under_2m', '2m_3m', '3m_4m', '4m_and_over']);
  });

  it('refuses a negative or non-finite wage', () => {
    for (const wage of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => wageBandOf(wage)).toThrow(RuleViolation);
    }
  });
});
