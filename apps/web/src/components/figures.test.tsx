import { describe, expect, it } from 'vitest';
import { countText, numeric, rankBy, rateText, roundedText, suppressedText, won } from './figures';

describe('figures as the screens say them', () => {
  it('a suppressed cell reads 비공개 with the threshold, never 0 or a blank', () => {
    expect(countText({ suppressed: true })).toBe('비공개 (5명 미만)');
    expect(rateText({ suppressed: true })).toBe('비공개 (5명 미만)');
    expect(countText({ suppressed: true }, '명', 10)).toBe('비공개 (10명 미만)');
    expect(suppressedText()).toBe('비공개 (5명 미만)');
    expect(countText(0)).toBe('0명');
  });

  it('rates round half away from zero only for display and keep their decimals', () => {
    expect(rateText(61)).toBe('61.0%');
    expect(rateText(40.85, 1)).toBe('40.9%');
    expect(rateText(42.857142, 2)).toBe('42.86%');
    expect(roundedText(37.5, 0)).toBe('38');
    expect(roundedText(-2.5, 0)).toBe('-3');
    expect(roundedText(1.005, 2)).toBe('1.01');
    expect(rateText(null)).toBe('—');
  });

  it('money in won with thousands separators', () => {
    expect(won(2450000)).toBe('2,450,000원');
    expect(countText(1234)).toBe('1,234명');
  });

  it('ranks known figures highest first, ties share a rank, suppressed ones last without a rank', () => {
    const rows = [
      { id: 'a', rate: 50 },
      { id: 'b', rate: { suppressed: true as const } },
      { id: 'c', rate: 80 },
      { id: 'd', rate: 50 },
      { id: 'e', rate: null },
    ];
    const ranked = rankBy(rows, (r) => r.rate);
    expect(ranked.map((r) => [r.row.id, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['d', 2],
      ['b', null],
      ['e', null],
    ]);
    expect(numeric({ suppressed: true })).toBeNull();
  });
});
