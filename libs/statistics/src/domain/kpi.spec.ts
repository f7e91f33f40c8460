import { RuleViolation } from '@saeil/core';
import { display, KpiIndicator, kpiAchievement, KpiPlan, roundHalfAwayFromZero } from './kpi';

/** Seed 000 (나주시 6-2-6 여성새로일하기센터 기능 강화, 2024. 5. 31. 기준), entered as it stands: yearly (cumulative). */
const periods = ['2022', '2023', '2024', '2025', '2026. 6.'];
const 협업체: KpiIndicator = {
  name: '협업체 구성 및 운영',
  unit: '회',
  target: { yearly: [1, 2, 2, 2, 1], cumulative: [1, 3, 5, 7, 8] },
  actual: { yearly: [1, 2, null], cumulative: [1, 3, null] },
};
const 사후관리: KpiIndicator = {
  name: '사후관리사업 수혜자 수',
  unit: '명',
  target: { yearly: [50, 100, 150, 150, 50], cumulative: [50, 150, 300, 450, 500] },
  actual: { yearly: [50, 100, 61], cumulative: [50, 150, 211] },
};
const 기관협약: KpiIndicator = {
  name: '기관협약 수',
  unit: '개소',
  target: { yearly: [1, 3, 9, 9, 6], cumulative: [1, 4, 13, 22, 28] },
  actual: { yearly: [1, 3, 8], cumulative: [1, 4, 12] },
};
const seed000: KpiPlan = { periods, indicators: [협업체, 사후관리, 기관협약] };

function violation(fn: () => unknown): RuleViolation {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleViolation) return e;
    throw e;
  }
  throw new Error('expected a RuleViolation');
}

describe('KPI achievement: seed 000', () => {
  const result = kpiAchievement(seed000);

  it('gives 37.5, 42.2, 42.86 and overall 40.85 (at most 2 decimals, trailing zeros dropped)', () => {
    expect(result.indicators.map((i) => display(i.achievement, 2))).toEqual(['37.5', '42.2', '42.86']);
    expect(display(result.overall, 2)).toBe('40.85');
    expect(result.weighted).toBe(false);
  });

  it('keeps the unrounded values (rounding is only for display)', () => {
    expect(result.indicators[0].achievement).toBe(37.5);
    expect(result.indicators[1].achievement).toBe(42.2);
    expect(result.indicators[2].achievement).toBeCloseTo(1200 / 28, 12);
    expect(result.overall).toBeCloseTo((37.5 + 42.2 + 1200 / 28) / 3, 12);
    expect(result.overall).toBeCloseTo(40.852380952, 8);
  });

  it('reads targets, cumulative actuals and the unreported 2024 of 협업체 ("-", not 0)', () => {
    expect(result.indicators.map((i) => [i.termTarget, i.cumulativeActual])).toEqual([
      [8, 3],
      [500, 211],
      [28, 12],
    ]);
    expect(result.indicators[0].actualYearly).toEqual([1, 2, null, null, null]);
    expect(result.indicators[0].actualCumulative).toEqual([1, 3, null, null, null]);
    expect(result.indicators[0].reportedPeriods).toEqual(['2022', '2023']);
    expect(result.indicators[1].actualCumulative).toEqual([50, 150, 211, null, null]);
    expect(result.indicators[2].targetCumulative).toEqual([1, 4, 13, 22, 28]);
  });

  it('the same plan given with yearly amounts only, or with the cumulative column only, gives the same figures', () => {
    const yearlyOnly = kpiAchievement({
      periods,
      indicators: seed000.indicators.map((i) => ({
        ...i,
        target: { yearly: i.target.yearly },
        actual: { yearly: i.actual?.yearly },
      })),
    });
    const cumulativeOnly = kpiAchievement({
      periods,
      indicators: seed000.indicators.map((i) => ({
        ...i,
        target: { cumulative: i.target.cumulative },
        actual: { cumulative: i.actual?.cumulative },
      })),
    });
    for (const r of [yearlyOnly, cumulativeOnly]) {
      expect(r.indicators.map((i) => display(i.achievement, 2))).toEqual(['37.5', '42.2', '42.86']);
      expect(display(r.overall, 2)).toBe('40.85');
      expect(r.indicators.map((i) => i.targetYearly)).toEqual([
        [1, 2, 2, 2, 1],
        [50, 100, 150, 150, 50],
        [1, 3, 9, 9, 6],
      ]);
    }
    expect(cumulativeOnly.indicators[1].actualYearly).toEqual([50, 100, 61, null, null]);
  });

  it('with 1 decimal kept: 37.5, 42.2, 42.9, 40.9; with 2 kept: 37.50 …', () => {
    expect(result.indicators.map((i) => display(i.achievement, 1))).toEqual(['37.5', '42.2', '42.9']);
    expect(display(result.overall, 1)).toBe('40.9');
    expect(result.indicators.map((i) => display(i.achievement, 2, { trailingZeros: 'keep' }))).toEqual([
      '37.50',
      '42.20',
      '42.86',
    ]);
  });
});

describe('KPI achievement: overall from unrounded values, weights, missing years', () => {
  const one = (name: string, actual: number, target = 100000, weight?: number): KpiIndicator => ({
    name,
    unit: '명',
    target: { yearly: [target] },
    actual: { yearly: [actual] },
    ...(weight === undefined ? {} : { weight }),
  });

  it('averages unrounded achievements (rounding first would give 10, not 10.01)', () => {
    const r = kpiAchievement({ periods: ['2025'], indicators: [one('a', 10004), one('b', 10004), one('c', 10007)] });
    expect(r.indicators.map((i) => display(i.achievement, 2))).toEqual(['10', '10', '10.01']);
    expect(display(r.overall, 2)).toBe('10.01');
  });

  it('uses the weighted mean when weights (summing to 100 %) are given', () => {
    const r = kpiAchievement({
      periods,
      indicators: [
        { ...협업체, weight: 50 },
        { ...사후관리, weight: 30 },
        { ...기관협약, weight: 20 },
      ],
    });
    expect(r.weighted).toBe(true);
    expect(r.overall).toBeCloseTo(0.5 * 37.5 + 0.3 * 42.2 + 0.2 * (1200 / 28), 12);
    expect(display(r.overall, 2)).toBe('39.98');
    expect(r.indicators.map((i) => i.weight)).toEqual([50, 30, 20]);
  });

  it('equal weights give the plain mean; weights with floating-point noise (100/3 each) are accepted', () => {
    const r = kpiAchievement({ periods, indicators: seed000.indicators.map((i) => ({ ...i, weight: 100 / 3 })) });
    expect(display(r.overall, 2)).toBe('40.85');
  });

  it('refuses weights that do not sum to 100 % (KPI_WEIGHTS_NOT_100), fractions included', () => {
    const e = violation(() =>
      kpiAchievement({
        periods,
        indicators: [
          { ...협업체, weight: 50 },
          { ...사후관리, weight: 30 },
          { ...기관협약, weight: 30 },
        ],
      }),
    );
    expect(e.code).toBe('KPI_WEIGHTS_NOT_100');
    expect(e.details).toMatchObject({ sum: 110 });
    expect(
      violation(() =>
        kpiAchievement({
          periods,
          indicators: [
            { ...협업체, weight: 0.5 },
            { ...사후관리, weight: 0.3 },
            { ...기관협약, weight: 0.2 },
          ],
        }),
      ).code,
    ).toBe('KPI_WEIGHTS_NOT_100');
  });

  it('refuses weights on some indicators only, and negative weights', () => {
    expect(
      violation(() =>
        kpiAchievement({ periods, indicators: [{ ...협업체, weight: 60 }, { ...사후관리, weight: 40 }, 기관협약] }),
      ).code,
    ).toBe('KPI_WEIGHTS_INCOMPLETE');
    expect(
      violation(() =>
        kpiAchievement({
          periods,
          indicators: [
            { ...협업체, weight: 120 },
            { ...사후관리, weight: -20 },
            { ...기관협약, weight: 0 },
          ],
        }),
      ).code,
    ).toBe('KPI_WEIGHT_INVALID');
  });

  it('an indicator with nothing reported yet counts 0 in the mean and says so; a reported 0 is a reported year', () => {
    const r = kpiAchievement({
      periods: ['2025', '2026'],
      indicators: [
        { name: 'none', unit: '회', target: { yearly: [2, 2] } },
        { name: 'zero', unit: '회', target: { yearly: [2, 2] }, actual: { yearly: [0] } },
        { name: 'four', unit: '회', target: { yearly: [2, 2] }, actual: { yearly: [2, 2] } },
      ],
    });
    expect(r.indicators.map((i) => [i.achievement, i.reportedPeriods])).toEqual([
      [0, []],
      [0, ['2025']],
      [100, ['2025', '2026']],
    ]);
    expect(display(r.overall, 2)).toBe('33.33');
  });

  it('sums reported years around a gap; achievement may exceed 100 unless capped', () => {
    const plan: KpiPlan = {
      periods: ['2024', '2025', '2026'],
      indicators: [
        { name: 'x', unit: '건', target: { yearly: [1, 1, 2] }, actual: { yearly: [3, undefined, 3] } },
        { name: 'y', unit: '건', target: { yearly: [1, 1, 2] }, actual: { yearly: [1] } },
      ],
    };
    const r = kpiAchievement(plan);
    expect(r.indicators[0].cumulativeActual).toBe(6);
    expect(r.indicators[0].actualCumulative).toEqual([3, null, 6]);
    expect(r.indicators[0].achievement).toBe(150);
    expect(r.overall).toBe(87.5);
    const capped = kpiAchievement(plan, { capAt: 100 });
    expect(capped.indicators[0].achievement).toBe(100);
    expect(capped.overall).toBe(62.5);
  });
});

describe('KPI plan validation', () => {
  const plan = (indicator: Partial<KpiIndicator>): KpiPlan => ({
    periods: ['2024', '2025'],
    indicators: [{ name: 'x', unit: '명', target: { yearly: [1, 1] }, ...indicator }],
  });
  const code = (p: KpiPlan) => violation(() => kpiAchievement(p)).code;

  it('refuses a cumulative target column that disagrees with the yearly amounts (KPI_CUMULATIVE_MISMATCH)', () => {
    const e = violation(() => kpiAchievement(plan({ target: { yearly: [1, 2], cumulative: [1, 4] } })));
    expect(e.code).toBe('KPI_CUMULATIVE_MISMATCH');
    expect(e.details).toMatchObject({ indicator: 'x', period: '2025', cumulative: 4, sumOfYearly: 3 });
    // The seed's 협업체 row with a typo in the cumulative column.
    expect(
      code({ periods, indicators: [{ ...협업체, target: { yearly: [1, 2, 2, 2, 1], cumulative: [1, 3, 5, 7, 9] } }] }),
    ).toBe('KPI_CUMULATIVE_MISMATCH');
  });

  it('refuses actual columns that disagree, or where only one of the two is reported for a year', () => {
    expect(code(plan({ actual: { yearly: [1, 1], cumulative: [1, 3] } }))).toBe('KPI_CUMULATIVE_MISMATCH');
    expect(code(plan({ actual: { yearly: [1, null], cumulative: [1, 2] } }))).toBe('KPI_CUMULATIVE_MISMATCH');
  });

  it('requires targets > 0 over the term, non-negative amounts and a non-decreasing cumulative column', () => {
    expect(code(plan({ target: { yearly: [0, 0] } }))).toBe('KPI_TARGET_INVALID');
    expect(code(plan({ target: { yearly: [-1, 3] } }))).toBe('KPI_TARGET_INVALID');
    expect(code(plan({ target: { yearly: [NaN, 3] } }))).toBe('KPI_TARGET_INVALID');
    expect(code(plan({ target: { cumulative: [3, 2] } }))).toBe('KPI_TARGET_INVALID');
    expect(code(plan({ target: {} }))).toBe('KPI_TARGET_MISSING');
    expect(kpiAchievement(plan({ target: { yearly: [0, 4] }, actual: { yearly: [0, 1] } })).overall).toBe(25); // a year with nothing planned is fine
  });

  it('refuses negative actuals and a decreasing actual cumulative column', () => {
    expect(code(plan({ actual: { yearly: [-1] } }))).toBe('KPI_ACTUAL_INVALID');
    expect(code(plan({ actual: { cumulative: [2, 1] } }))).toBe('KPI_ACTUAL_INVALID');
  });

  it('requires one target per period and no more actuals than periods, at least one period and one indicator', () => {
    expect(code(plan({ target: { yearly: [1, 1, 1] } }))).toBe('KPI_PERIODS_MISMATCH');
    expect(code(plan({ actual: { yearly: [1, 1, 1] } }))).toBe('KPI_PERIODS_MISMATCH');
    expect(code({ periods: [], indicators: [] })).toBe('KPI_PERIODS_MISSING');
    expect(code({ periods: ['2024'], indicators: [] })).toBe('KPI_NO_INDICATORS');
    expect(violation(() => kpiAchievement(seed000, { capAt: 0 })).code).toBe('KPI_CAP_INVALID');
  });
});

describe('display', () => {
  it('rounds half away from zero, decimals configurable', () => {
    expect(display(12.5, 0)).toBe('13');
    expect(display(-12.5, 0)).toBe('-13');
    expect(display(42.857142857, 2)).toBe('42.86');
    expect(display(42.845, 2)).toBe('42.85');
    expect(display(-42.845, 2)).toBe('-42.85');
    expect(display(57.6923076923, 1)).toBe('57.7');
    expect(display(40.852380952, 3)).toBe('40.852');
  });

  it('is not fooled by floating-point noise: 29 / 200 × 100 shows 15, 1.005 shows 1.01', () => {
    expect((29 / 200) * 100).toBe(14.499999999999998);
    expect(display((29 / 200) * 100, 0)).toBe('15');
    expect(display(1.005, 2)).toBe('1.01');
    expect(roundHalfAwayFromZero(2.675, 2)).toBe(2.68);
  });

  it('drops trailing zeros by default, keeps them on request; shows "-" for a missing figure', () => {
    expect(display(40, 2)).toBe('40');
    expect(display(40, 2, { trailingZeros: 'keep' })).toBe('40.00');
    expect(display(0.004, 2)).toBe('0');
    expect(display(-0.004, 2)).toBe('0');
    expect(display(null)).toBe('-');
    expect(display(undefined, 1, { missing: '—' })).toBe('—');
  });

  it('refuses a non-finite value or bad decimals', () => {
    expect(violation(() => display(NaN)).code).toBe('DISPLAY_INVALID_VALUE');
    expect(violation(() => display(Infinity)).code).toBe('DISPLAY_INVALID_VALUE');
    expect(violation(() => display(1, -1)).code).toBe('DISPLAY_INVALID_DECIMALS');
    expect(violation(() => display(1, 1.5)).code).toBe('DISPLAY_INVALID_DECIMALS');
  });
});
