import { koreanDayOf, periodProblems, placementMonthOf, retentionAsOfDate } from './period';

describe('statistics periods', () => {
  it('accepts a period of existing days, from ≤ to, and a valid as-of day', () => {
    expect(periodProblems({ from: '2026-01-01', to: '2026-03-31' }, '2026-06-30')).toEqual([]);
    expect(periodProblems({ from: '2026-02-28', to: '2026-02-28' })).toEqual([]);
  });

  it('names the field of each problem with a machine-readable code', () => {
    expect(periodProblems({ from: '2026-02-30', to: '2026-03-31' })).toEqual([
      { field: 'from', code: 'invalidDate', message: expect.any(String) },
    ]);
    expect(periodProblems({ from: '2026-04-01', to: '2026-03-31' })).toEqual([
      { field: 'to', code: 'periodOutOfOrder', message: expect.any(String) },
    ]);
    expect(periodProblems({ from: '2026-01-01', to: 'soon' }, '2026-13-01').map((p) => [p.field, p.code])).toEqual([
      ['to', 'invalidDate'],
      ['asOfDate', 'invalidDate'],
    ]);
    expect(periodProblems({}).map((p) => p.field)).toEqual(['from', 'to']);
  });

  it('reads the Korean calendar day of an event: a day-dated command (00:00Z) and a late-evening UTC time', () => {
    expect(koreanDayOf('2026-03-02T00:00:00.000Z')).toBe('2026-03-02');
    // 16:30 UTC on 31 March is 01:30 on 1 April in Korea.
    expect(koreanDayOf('2026-03-31T16:30:00.000Z')).toBe('2026-04-01');
  });

  it('gives the placement month and the retention as-of day (the period end unless asked)', () => {
    expect(placementMonthOf('2026-01-31')).toBe('2026-01');
    expect(retentionAsOfDate({ to: '2026-03-31' })).toBe('2026-03-31');
    expect(retentionAsOfDate({ to: '2026-03-31' }, '2026-07-15')).toBe('2026-07-15');
  });
});
