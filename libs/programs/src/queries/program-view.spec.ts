import { programView, ProgramRow } from './program-view';

/** Seed 000's go 100 at its full plan (100 / 70 / 50), with a budget of the 2024 column (백만원 → KRW). */
const go100: ProgramRow = {
  program_id: 'p',
  center_id: 'center-naju',
  name: '같이하는 고백(go 100)',
  period_from: '2024-01-01',
  period_to: '2024-12-31',
  revision: 1,
  milestones: [
    { n: 1, plannedClients: 100, benefit: '취업 축하 기념품', unitCost: 30_000 },
    { n: 2, plannedClients: 70, benefit: '상담 및 기념품', unitCost: 30_000 },
    { n: 3, plannedClients: 50, benefit: '장기근속 격려금', unitCost: 50_000 },
  ],
  budget: [
    { source: 'national', amount: 6_000_000 },
    { source: 'provincial', amount: 1_000_000 },
    { source: 'municipal', amount: 5_000_000 },
  ],
};

describe('retention program view', () => {
  it('seed 000 after January–May (61 beneficiaries): utilization per milestone against 100 / 70 / 50 and execution per funding source', () => {
    // 61 at month 1 (40 national, 21 municipal), 35 at month 2 (national), 52 at month 3 (municipal, 2 over the plan).
    const view = programView(go100, [
      { n: 1, funding_source: 'national', given: 40, over_plan: 0, executed: 40 * 30_000 },
      { n: 1, funding_source: 'municipal', given: 21, over_plan: 0, executed: 21 * 30_000 },
      { n: 2, funding_source: 'national', given: 35, over_plan: 0, executed: 35 * 30_000 },
      { n: 3, funding_source: 'municipal', given: 52, over_plan: 2, executed: 52 * 50_000 },
    ]);
    expect(view.milestones.map((m) => [m.n, m.planned, m.given, m.overPlan, m.utilization])).toEqual([
      [1, 100, 61, 0, 61],
      [2, 70, 35, 0, 50],
      [3, 50, 52, 2, 104],
    ]);
    // national 2,250,000 of 6,000,000 = 37.5 %; municipal 630,000 + 2,600,000 = 3,230,000 of 5,000,000 = 64.6 %.
    expect(view.budget).toEqual([
      { source: 'national', secured: 6_000_000, executed: 2_250_000, remaining: 3_750_000, executionRate: 37.5 },
      { source: 'provincial', secured: 1_000_000, executed: 0, remaining: 1_000_000, executionRate: 0 },
      { source: 'municipal', secured: 5_000_000, executed: 3_230_000, remaining: 1_770_000, executionRate: 64.6 },
    ]);
    expect(view.totals).toEqual({
      planned: 220,
      given: 148,
      overPlan: 2,
      secured: 12_000_000,
      executed: 5_480_000,
      remaining: 6_520_000,
      executionRate: (5_480_000 * 100) / 12_000_000,
    });
  });

  it('shows a source charged without a budget line (remaining below zero, no rate) and a milestone planned at 0 without a rate', () => {
    const row = {
      ...go100,
      milestones: [{ n: 1 as const, plannedClients: 0, benefit: '기념품', unitCost: 10_000 }],
      budget: [],
    };
    const view = programView(row, [{ n: 1, funding_source: 'other', given: 1, over_plan: 1, executed: 10_000 }]);
    expect(view.milestones[0]).toMatchObject({ planned: 0, given: 1, overPlan: 1, utilization: null });
    expect(view.budget).toEqual([
      { source: 'other', secured: 0, executed: 10_000, remaining: -10_000, executionRate: null },
    ]);
  });
});
