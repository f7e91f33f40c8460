import { RuleViolation } from '@saeil/core';
import { display } from './kpi';
import { rate, TrainingCompletion, trainingEmploymentRate } from './rates';

function violation(fn: () => unknown): RuleViolation {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleViolation) return e;
    throw e;
  }
  throw new Error('expected a RuleViolation');
}

describe('rate', () => {
  it('is numerator ÷ denominator × 100, unrounded, null for a denominator of 0', () => {
    expect(rate(45, 78)).toBeCloseTo(57.6923076923, 9);
    expect(rate(29, 200)).toBe(14.5);
    expect(rate(0, 10)).toBe(0);
    expect(rate(0, 0)).toBeNull();
    expect(rate(3, 0)).toBeNull();
    expect(rate(12, 8)).toBe(150);
  });

  it('refuses negative or non-finite inputs', () => {
    expect(violation(() => rate(-1, 5)).code).toBe('RATE_INVALID_INPUT');
    expect(violation(() => rate(1, -5)).code).toBe('RATE_INVALID_INPUT');
    expect(violation(() => rate(NaN, 5)).code).toBe('RATE_INVALID_INPUT');
    expect(violation(() => rate(1, Infinity)).code).toBe('RATE_INVALID_INPUT');
  });
});

describe('training employment rate', () => {
  const completer = (
    i: number,
    completedOn: string,
    employmentStarts: string[] = [],
    enrolledOn?: string,
  ): TrainingCompletion => ({
    clientId: `client-${i}`,
    completedOn,
    employmentStarts,
    ...(enrolledOn ? { enrolledOn } : {}),
  });

  it('seed 004: 78 completers, 45 employed within 3 months → 57.69… %, shown 57.7', () => {
    const completions = Array.from({ length: 78 }, (_, i) => completer(i, '2025-06-30', i < 45 ? ['2025-08-01'] : []));
    const r = trainingEmploymentRate(completions);
    expect(r).toMatchObject({ completers: 78, employed: 45, withinMonths: 3, windowOpen: 0 });
    expect(r.rate).toBeCloseTo((45 / 78) * 100, 12);
    expect(display(r.rate, 1)).toBe('57.7');
    expect(display(rate(45, 78), 1)).toBe('57.7');
  });

  it('the window is completion + N calendar months, inclusive, with the month-end rule', () => {
    const completions = [
      completer(1, '2025-01-31', ['2025-04-30']), // deadline 2025-04-30: in
      completer(2, '2025-01-31', ['2025-05-01']), // one day late
      completer(3, '2025-11-30', ['2026-02-28']), // deadline 2026-02-28: in
      completer(4, '2025-03-15', ['2025-03-15']), // hired on the completion day: in
    ];
    expect(trainingEmploymentRate(completions)).toMatchObject({ completers: 4, employed: 3, rate: 75 });
  });

  it('N is configurable', () => {
    const completions = [completer(1, '2025-01-10', ['2025-03-10']), completer(2, '2025-01-10', ['2025-06-10'])];
    expect(trainingEmploymentRate(completions, { withinMonths: 1 }).employed).toBe(0);
    expect(trainingEmploymentRate(completions, { withinMonths: 2 }).employed).toBe(1);
    expect(trainingEmploymentRate(completions, { withinMonths: 6 })).toMatchObject({
      employed: 2,
      rate: 100,
      withinMonths: 6,
    });
    expect(violation(() => trainingEmploymentRate(completions, { withinMonths: 0 })).code).toBe('RATE_INVALID_WINDOW');
    expect(violation(() => trainingEmploymentRate(completions, { withinMonths: 1.5 })).code).toBe(
      'RATE_INVALID_WINDOW',
    );
  });

  it('a placement during the course counts only with countFrom "enrolment"', () => {
    const completions = [
      completer(1, '2025-06-30', ['2025-06-20'], '2025-03-02'),
      completer(2, '2025-06-30', ['2024-01-01'], '2025-03-02'),
    ];
    expect(trainingEmploymentRate(completions).employed).toBe(0);
    expect(trainingEmploymentRate(completions, { countFrom: 'enrolment' }).employed).toBe(1);
    expect(violation(() => trainingEmploymentRate([completer(3, '2025-06-30')], { countFrom: 'enrolment' })).code).toBe(
      'RATE_INVALID_DATE',
    );
  });

  it('a woman with two placements in the window counts once; two completions count twice', () => {
    const r = trainingEmploymentRate([
      completer(1, '2025-01-10', ['2025-02-01', '2025-03-01']),
      { ...completer(1, '2025-09-10'), employmentStarts: [] },
    ]);
    expect(r).toMatchObject({ completers: 2, employed: 1, rate: 50 });
  });

  it('asOf ignores later placements and counts completers whose window is still open', () => {
    const completions = [
      completer(1, '2025-05-01', ['2025-06-01']),
      completer(2, '2025-05-01', ['2025-07-15']),
      completer(3, '2025-01-01'),
    ];
    expect(trainingEmploymentRate(completions, { asOf: '2025-06-30' })).toMatchObject({
      completers: 3,
      employed: 1,
      windowOpen: 1,
    });
    expect(trainingEmploymentRate(completions, { asOf: '2025-08-31' })).toMatchObject({ employed: 2, windowOpen: 0 });
  });

  it('no completers → rate null; bad dates are refused', () => {
    expect(trainingEmploymentRate([])).toEqual({
      completers: 0,
      employed: 0,
      rate: null,
      withinMonths: 3,
      windowOpen: 0,
    });
    expect(violation(() => trainingEmploymentRate([completer(1, '2025-02-30')])).code).toBe('RATE_INVALID_DATE');
    expect(violation(() => trainingEmploymentRate([completer(1, '2025-02-01', ['1.3.2025'])])).code).toBe(
      'RATE_INVALID_DATE',
    );
    expect(violation(() => trainingEmploymentRate([], { asOf: 'today' })).code).toBe('RATE_INVALID_DATE');
  });
});
