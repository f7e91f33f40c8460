import type { BudgetLine, FundingSource } from '@saeil/contracts';
import { fundingSourceNames } from '../domain/budget-labels';
import { budgetPlanFigures, BudgetPlanRow, ExecutedSum } from './budget-view';

const M = 1_000_000; // the seed's unit, 백만원

/** Seed 000 (나주시, 연도별 투자 계획): 국비 7/7/6/6/6, 도비 1 a year, 시비 5 a year, 기타 0 (백만원). */
const perYear: Record<FundingSource, number[]> = {
  national: [7, 7, 6, 6, 6],
  provincial: [1, 1, 1, 1, 1],
  municipal: [5, 5, 5, 5, 5],
  other: [0, 0, 0, 0, 0],
};
const lines: BudgetLine[] = (Object.keys(perYear) as FundingSource[]).flatMap((source) =>
  perYear[source].map((amount, i) => ({ year: 2022 + i, source, amount: amount * M })),
);

const seed000: BudgetPlanRow = {
  plan_id: 'plan',
  center_id: 'center-naju',
  name: '여성새로일하기센터 기능강화',
  project_kind: 'project',
  program_id: null,
  from_year: 2022,
  to_year: 2026,
  decimals: 1,
  revision: 1,
  lines,
};
/** 집행액 26: 13 in 2022, 13 in 2023, given as totals (no source). */
const executed: ExecutedSum[] = [
  { year: 2022, source: 'unsplit', origin: 'entries', amount: 13 * M },
  { year: 2023, source: 'unsplit', origin: 'entries', amount: 13 * M },
];
const naju = fundingSourceNames('전라남도', '나주시');

describe('budget plan figures', () => {
  it('seed 000: 62 secured (13/13/12/12/12), 26 executed (13 + 13) → 41.9 % over the term; 100.0 % in 2022 and 2023, 0.0 % after', () => {
    const view = budgetPlanFigures(seed000, executed, naju);
    expect(view.term.total).toEqual({
      secured: 62 * M,
      executed: 26 * M,
      remaining: 36 * M,
      executionRate: 41.9,
      executionRateText: '41.9',
    });
    expect(
      view.years.map((y) => [
        y.year,
        y.total.secured / M,
        y.total.executed / M,
        y.total.remaining / M,
        y.total.executionRate,
        y.total.executionRateText,
      ]),
    ).toEqual([
      [2022, 13, 13, 0, 100, '100.0'],
      [2023, 13, 13, 0, 100, '100.0'],
      [2024, 12, 0, 12, 0, '0.0'],
      [2025, 12, 0, 12, 0, '0.0'],
      [2026, 12, 0, 12, 0, '0.0'],
    ]);
    // Per source the seed gives the secured column; the executed 26 is unsplit, so no source is charged.
    expect(
      view.term.sources.map((s) => [s.label, s.localName, s.secured / M, s.executed, s.executionRateText]),
    ).toEqual([
      ['국비', '국비', 32, 0, '0.0'],
      ['시·도비', '도비', 5, 0, '0.0'],
      ['시·군·구비', '시비', 25, 0, '0.0'],
      ['기타', '기타', 0, 0, '-'],
    ]);
    expect(view.term.unsplit).toEqual({ executed: 26 * M });
    expect(view.term.sources[3]).toMatchObject({ executionRate: null, remaining: 0 });
  });

  it("counts entries and program benefits for their source beside each other, with the plan's decimals", () => {
    const sums: ExecutedSum[] = [
      { year: 2024, source: 'national', origin: 'entries', amount: 1_000_000 },
      { year: 2024, source: 'national', origin: 'benefits', amount: 30_000 * 3 },
      { year: 2024, source: 'municipal', origin: 'benefits', amount: 50_000 },
    ];
    const view = budgetPlanFigures({ ...seed000, decimals: 2 }, sums, naju);
    const y2024 = view.years.find((y) => y.year === 2024)!;
    expect(y2024.sources[0]).toMatchObject({
      source: 'national',
      secured: 6 * M,
      executedByEntries: 1_000_000,
      executedByBenefits: 90_000,
      executed: 1_090_000,
      remaining: 4_910_000,
    });
    // 1,090,000 × 100 / 6,000,000 = 18.1666… → 18.17
    expect(y2024.sources[0]).toMatchObject({ executionRate: 18.17, executionRateText: '18.17' });
    expect(y2024.total).toMatchObject({ executed: 1_140_000, executionRate: 9.5, executionRateText: '9.50' });
  });

  it("shows a year in which a program benefit fell outside the plan's term, so the term is the sum of its years", () => {
    const view = budgetPlanFigures(
      seed000,
      [{ year: 2027, source: 'other', origin: 'benefits', amount: 30_000 }],
      naju,
    );
    expect(view.years.map((y) => y.year)).toEqual([2022, 2023, 2024, 2025, 2026, 2027]);
    expect(view.years[5].sources[3]).toMatchObject({
      secured: 0,
      executed: 30_000,
      remaining: -30_000,
      executionRate: null,
      executionRateText: '-',
    });
    expect(view.term.total.executed).toBe(30_000);
  });
});

describe("funding source names for the center's region", () => {
  const local = (region: string | undefined, municipality?: string) =>
    fundingSourceNames(region, municipality).map((n) => n.localName);
  it("labels 국비, 시·도비, 시·군·구비, 기타 everywhere, and names them as the region's budgets do", () => {
    expect(fundingSourceNames('서울특별시', '강남구').map((n) => n.label)).toEqual([
      '국비',
      '시·도비',
      '시·군·구비',
      '기타',
    ]);
    expect(local('서울특별시', '강남구')).toEqual(['국비', '시비', '구비', '기타']);
    expect(local('전라남도', '나주시')).toEqual(['국비', '도비', '시비', '기타']);
    expect(local('전라남도', '영암군')).toEqual(['국비', '도비', '군비', '기타']);
    expect(local('부산광역시')).toEqual(['국비', '시비', '구비', '기타']);
    expect(local('경기도')).toEqual(['국비', '도비', '시·군비', '기타']);
    expect(local('세종특별자치시')).toEqual(['국비', '시비', null, '기타']);
    expect(local('제주특별자치도')).toEqual(['국비', '도비', null, '기타']);
    expect(local('강원특별자치도', '춘천시')).toEqual(['국비', '도비', '시비', '기타']);
    expect(local(undefined)).toEqual(['국비', null, null, '기타']);
  });
});
