import { ValidationFailed } from '@saeil/core';
import { parseReportPeriod } from './report-period';

describe('report period keys', () => {
  it.each([
    ['2026-03', 'month', '2026-03-01', '2026-03-31'],
    ['2026-04', 'month', '2026-04-01', '2026-04-30'],
    ['2028-02', 'month', '2028-02-01', '2028-02-29'], // leap year
    ['2026-02', 'month', '2026-02-01', '2026-02-28'],
    ['2026-12', 'month', '2026-12-01', '2026-12-31'],
    ['2026-Q1', 'quarter', '2026-01-01', '2026-03-31'],
    ['2026-Q2', 'quarter', '2026-04-01', '2026-06-30'],
    ['2026-Q3', 'quarter', '2026-07-01', '2026-09-30'],
    ['2026-Q4', 'quarter', '2026-10-01', '2026-12-31'],
  ])('%s is a %s from %s to %s', (key, kind, from, to) => {
    expect(parseReportPeriod(key)).toEqual({ key, kind, from, to });
  });

  it.each(['2026-13', '2026-00', '2026-3', '2026-Q0', '2026-Q5', '2026q1', '26-03', '2026-03-01', ''])(
    'refuses %p with a 400 naming the field',
    (key) => {
      let thrown: unknown;
      try {
        parseReportPeriod(key);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationFailed);
      expect((thrown as ValidationFailed).fields).toEqual([
        expect.objectContaining({ field: 'period', code: 'reportPeriod' }),
      ]);
    },
  );
});
