import type { KpiPlanDefinedV1 } from '@saeil/contracts';
import { RuleViolation } from '@saeil/core';
import {
  checkPlanTargets,
  EnteredActual,
  enteredYearly,
  planAchievement,
  publishedAchievement,
} from './plan-achievement';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

/** Seed 000 (나주시, 2024. 5. 31. 기준): the plan as it stands, 2022–2026. */
const seed000: KpiPlanDefinedV1 = {
  planId: id(9),
  centerId: 'center-naju',
  name: '여성새로일하기센터 기능 강화',
  fromYear: 2022,
  toYear: 2026,
  indicators: [
    {
      indicatorId: id(1),
      name: '협업체 구성 및 운영',
      unit: '회',
      yearlyTargets: [1, 2, 2, 2, 1],
      cumulativeTargets: [1, 3, 5, 7, 8],
    },
    {
      indicatorId: id(2),
      name: '사후관리사업 수혜자 수',
      unit: '명',
      yearlyTargets: [50, 100, 150, 150, 50],
      cumulativeTargets: [50, 150, 300, 450, 500],
    },
    {
      indicatorId: id(3),
      name: '기관협약 수',
      unit: '개소',
      yearlyTargets: [1, 3, 9, 9, 6],
      cumulativeTargets: [1, 4, 13, 22, 28],
    },
  ],
};

let position = 0;
const entered = (
  indicator: number,
  year: number,
  value: number,
  enteredOn = '2024-05-31',
  quarter = 0,
): EnteredActual => ({ indicatorId: id(indicator), year, quarter, value, enteredOn, position: ++position });

const seedActuals = [
  entered(1, 2022, 1),
  entered(1, 2023, 2),
  entered(2, 2022, 50),
  entered(2, 2023, 100),
  entered(2, 2024, 61),
  entered(3, 2022, 1),
  entered(3, 2023, 3),
  entered(3, 2024, 8),
];

describe('KPI plan achievement', () => {
  it('seed 000 entered as it stands gives 37.5, 42.2, 42.86 and overall 40.85 (3/8, 211/500, 12/28)', () => {
    const view = planAchievement(seed000, seedActuals, {}, '2024-05-31');
    expect(view.indicators.map((i) => [i.cumulativeActual, i.termTarget, i.display])).toEqual([
      [3, 8, '37.5'],
      [211, 500, '42.2'],
      [12, 28, '42.86'],
    ]);
    expect(view.indicators[2].achievement).toBeCloseTo((12 * 100) / 28, 12);
    expect(view.overall).toEqual({
      achievement: (37.5 + 42.2 + (12 * 100) / 28) / 3,
      display: '40.85',
      weighted: false,
    });
    expect(view.indicators[0].actualYearly).toEqual([1, 2, null, null, null]);
    expect(view.indicators[1].actualCumulative).toEqual([50, 150, 211, null, null]);
  });

  it('as of an earlier date, figures entered later are not seen; a later entry for the same year replaces the earlier one', () => {
    const corrected = [...seedActuals, entered(2, 2024, 70, '2024-07-01')];
    expect(planAchievement(seed000, corrected, {}, '2024-05-31').indicators[1].cumulativeActual).toBe(211);
    expect(planAchievement(seed000, corrected, {}, '2024-07-01').indicators[1].cumulativeActual).toBe(220);
    expect(planAchievement(seed000, corrected, {}, '2023-12-31').indicators[1].cumulativeActual).toBe(0);
  });

  it('sums a year entered by quarters, and weights the overall when the plan gives weights', () => {
    expect(
      enteredYearly(
        id(1),
        [2024],
        [
          entered(1, 2024, 1, '2024-04-01', 1),
          entered(1, 2024, 2, '2024-07-01', 2),
          entered(1, 2024, 5, '2024-07-02', 2),
        ],
        '2024-12-31',
      ),
    ).toEqual([6]);
    const weighted = { ...seed000, indicators: seed000.indicators.map((i, k) => ({ ...i, weight: [50, 30, 20][k] })) };
    const view = planAchievement(weighted, seedActuals, {}, '2024-05-31');
    // 0.5 × 37.5 + 0.3 × 42.2 + 0.2 × 42.857142… = 18.75 + 12.66 + 8.571428… = 39.981428…
    expect(view.overall.weighted).toBe(true);
    expect(view.overall.display).toBe('39.98');
  });

  it("takes a mapped indicator's yearly actuals from the statistics", () => {
    const mapped = {
      ...seed000,
      indicators: seed000.indicators.map((i, k) => (k === 0 ? { ...i, metric: 'council_meetings' } : i)),
    };
    const view = planAchievement(mapped, seedActuals, { [id(1)]: [1, 2, 1, null, null] }, '2024-05-31');
    expect(view.indicators[0]).toMatchObject({ source: 'council_meetings', cumulativeActual: 4, display: '50' });
  });

  it('refuses weights that do not sum to 100 and a cumulative column that disagrees with the yearly one', () => {
    const weights = { ...seed000, indicators: seed000.indicators.map((i) => ({ ...i, weight: 30 })) };
    expect(() => checkPlanTargets(weights)).toThrow(expect.objectContaining({ code: 'KPI_WEIGHTS_NOT_100' }));
    const wrong = { ...seed000, indicators: [{ ...seed000.indicators[0], cumulativeTargets: [1, 3, 5, 7, 9] }] };
    expect(() => checkPlanTargets(wrong)).toThrow(RuleViolation);
    expect(() => checkPlanTargets(seed000)).not.toThrow();
  });

  it("keeps the decimals a plan's table asks for as text beside the number: 61.0, not 61", () => {
    const oneDecimal = { decimals: 1, fixed: true };
    const plan = {
      ...seed000,
      indicators: [{ ...seed000.indicators[1], yearlyTargets: [100, 0, 0, 0, 0], cumulativeTargets: undefined }],
    };
    const view = planAchievement(plan, [entered(2, 2022, 61)], {}, '2024-05-31', oneDecimal);
    expect(view.indicators[0]).toMatchObject({ achievement: 61, display: '61.0' });
    expect(view.overall).toMatchObject({ achievement: 61, display: '61.0' });
    expect(
      planAchievement(seed000, seedActuals, {}, '2024-05-31', { decimals: 2, fixed: true }).indicators.map(
        (i) => i.display,
      ),
    ).toEqual(['37.50', '42.20', '42.86']);
    // Asked for none: as seed 000's table reads.
    expect(planAchievement(plan, [entered(2, 2022, 61)], {}, '2024-05-31').indicators[0].display).toBe('61');
  });

  describe("above the center (the Ministry's small-cell rule)", () => {
    const S = { suppressed: true };
    const small = [...seedActuals.filter((a) => a.indicatorId !== id(2)), entered(2, 2022, 50), entered(2, 2023, 4)];

    it('hides a person-count indicator with a figure below the threshold, its achievement and the overall; others stay', () => {
      const published = publishedAchievement(planAchievement(seed000, small, {}, '2024-05-31'), 5);
      expect(published).toMatchObject({ disclosure: 'suppressed', suppressionThreshold: 5 });
      expect(published.indicators[1]).toMatchObject({
        unit: '명',
        termTarget: 500,
        actualYearly: [S, S, null, null, null],
        actualCumulative: [S, S, null, null, null],
        cumulativeActual: S,
        achievement: S,
        display: '비공개',
      });
      expect(published.indicators[0]).toMatchObject({ cumulativeActual: 3, display: '37.5' });
      expect(published.indicators[2]).toMatchObject({ cumulativeActual: 12, display: '42.86' });
      expect(published.overall).toEqual({ achievement: S, display: '비공개', weighted: false });
    });

    it('shows everything when every person count reaches the threshold (seed 000: 50, 100, 61)', () => {
      const exact = planAchievement(seed000, seedActuals, {}, '2024-05-31');
      const published = publishedAchievement(exact, 5);
      expect(published.indicators).toEqual(exact.indicators);
      expect(published.overall).toEqual(exact.overall);
    });

    it('counts a mapped person statistic as a person count whatever its unit', () => {
      const mapped = {
        ...seed000,
        indicators: seed000.indicators.map((i, k) => (k === 0 ? { ...i, unit: '건', metric: 'employed_clients' } : i)),
      };
      const published = publishedAchievement(
        planAchievement(mapped, seedActuals, { [id(1)]: [1, 2, null, null, null] }, '2024-05-31'),
        5,
      );
      expect(published.indicators[0].cumulativeActual).toEqual(S);
    });
  });
});
