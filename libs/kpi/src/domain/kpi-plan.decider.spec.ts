import { assertMatchesContract } from '@saeil/testing/contract-validate';
import { deciderSpec } from '../../../../tests/support/decider-spec';
import { DefineKpiPlan, EnterKpiActual, kpiPlanDecider } from './kpi-plan.decider';

const planId = '5e4d3c2b-1a09-4876-8543-210fedcba987';
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

/** Seed 000's 확인지표, 2022–2026; the first indicator maps to the council-meeting statistic. */
const plan: DefineKpiPlan = {
  type: 'DefineKpiPlan',
  planId,
  centerId: 'center-naju',
  name: ' 여성새로일하기센터 기능 강화 ',
  fromYear: 2022,
  toYear: 2026,
  indicators: [
    {
      indicatorId: id(1),
      name: '협업체 구성 및 운영',
      unit: '회',
      yearlyTargets: [1, 2, 2, 2, 1],
      metric: 'council_meetings',
    },
    {
      indicatorId: id(2),
      name: ' 사후관리사업 수혜자 수 ',
      unit: '명',
      cumulativeTargets: [50, 150, 300, 450, 500],
      quarterlyTargets: [
        [0, 0, 25, 25],
        [25, 25, 25, 25],
        [30, 40, 40, 40],
        [40, 40, 40, 30],
        [25, 25, 0, 0],
      ],
    },
  ],
};

const actual = (overrides: Partial<EnterKpiActual> = {}): EnterKpiActual => ({
  type: 'EnterKpiActual',
  planId,
  indicatorId: id(2),
  year: 2024,
  value: 61,
  enteredOn: '2024-05-31',
  today: '2024-06-03',
  ...overrides,
});

const { given, when } = deciderSpec(kpiPlanDecider, { checkEvent: assertMatchesContract });
const defined = () => when(plan).events();

describe('KPI plan decider', () => {
  it('given nothing, when a supervisor enters the plan, then KpiPlanDefined carries the trimmed names, the columns given and the mapping', () => {
    const [event] = defined();
    expect(event).toMatchObject({
      type: 'KpiPlanDefined',
      data: { planId, centerId: 'center-naju', name: '여성새로일하기센터 기능 강화', fromYear: 2022, toYear: 2026 },
    });
    expect(event.data).toMatchObject({
      indicators: [
        { indicatorId: id(1), name: '협업체 구성 및 운영', yearlyTargets: [1, 2, 2, 2, 1], metric: 'council_meetings' },
        { indicatorId: id(2), name: '사후관리사업 수혜자 수', cumulativeTargets: [50, 150, 300, 450, 500] },
      ],
    });
    given(...defined())
      .when(plan)
      .thenRefuses('KPI_PLAN_ALREADY_DEFINED');
  });

  it("given nothing, when the plan says its table's decimals, then KpiPlanDefined keeps them (a plan without says none)", () => {
    expect(when({ ...plan, decimals: 1 }).events()[0].data).toMatchObject({ decimals: 1 });
    expect(defined()[0].data).not.toHaveProperty('decimals');
    when({ ...plan, decimals: 7 }).thenRefuses('KPI_DECIMALS_INVALID');
    when({ ...plan, decimals: 1.5 }).thenRefuses('KPI_DECIMALS_INVALID');
  });

  it('refuses a term out of order or too long, columns not one per year, quarters that do not sum to the year, a name twice', () => {
    when({ ...plan, toYear: 2021 }).thenRefuses('KPI_TERM_INVALID');
    when({ ...plan, toYear: 2040 }).thenRefuses('KPI_TERM_INVALID');
    when({ ...plan, indicators: [{ ...plan.indicators[0], yearlyTargets: [1, 2, 2, 2] }] }).thenRefuses(
      'KPI_PERIODS_MISMATCH',
      expect.objectContaining({ column: 'yearlyTargets', years: 5, given: 4 }),
    );
    const quarters = plan.indicators[1].quarterlyTargets!.map((q, i) => (i === 2 ? [30, 40, 40, 41] : q));
    when({ ...plan, indicators: [{ ...plan.indicators[1], quarterlyTargets: quarters }] }).thenRefuses(
      'KPI_QUARTERS_MISMATCH',
      expect.objectContaining({ sumOfQuarters: 151, yearlyTarget: 150 }),
    );
    when({
      ...plan,
      indicators: [plan.indicators[0], { ...plan.indicators[0], indicatorId: id(3), name: ' 협업체 구성 및 운영' }],
    }).thenRefuses('KPI_INDICATOR_DUPLICATED');
    when({ ...plan, indicators: [{ indicatorId: id(1), name: 'x', unit: '회' }] }).thenRefuses('KPI_TARGET_MISSING');
  });

  it("given the plan, when an actual is entered for an entered indicator, then KpiActualEntered carries the plan's center", () => {
    given(...defined())
      .when(actual({ note: ' 2024. 1. ~ 5. ' }))
      .then([
        {
          type: 'KpiActualEntered',
          data: {
            planId,
            centerId: 'center-naju',
            indicatorId: id(2),
            year: 2024,
            value: 61,
            enteredOn: '2024-05-31',
            note: '2024. 1. ~ 5.',
          },
        },
      ]);
    expect(
      given(...defined())
        .when(actual({ quarter: 2, value: 30 }))
        .events()[0].data,
    ).toMatchObject({ quarter: 2, value: 30 });
  });

  it('refuses actuals for a mapped indicator, outside the term, dated before their period or in the future, and mixing a year with its quarters', () => {
    const history = defined();
    given(...history)
      .when(actual({ indicatorId: id(1) }))
      .thenRefuses('KPI_ACTUAL_FROM_STATISTICS', expect.objectContaining({ metric: 'council_meetings' }));
    given(...history)
      .when(actual({ year: 2027 }))
      .thenRefuses('KPI_YEAR_OUTSIDE_TERM');
    given(...history)
      .when(actual({ year: 2024, quarter: 3, enteredOn: '2024-05-31' }))
      .thenRefuses('KPI_ACTUAL_BEFORE_PERIOD', expect.objectContaining({ periodStart: '2024-07-01' }));
    given(...history)
      .when(actual({ enteredOn: '2024-06-04' }))
      .thenRefuses('DATE_IN_FUTURE');
    const yearly = [
      ...history,
      ...given(...history)
        .when(actual())
        .events(),
    ];
    given(...yearly)
      .when(actual({ quarter: 1 }))
      .thenRefuses('KPI_ACTUAL_GRANULARITY_MIXED', expect.objectContaining({ enteredAs: 'year' }));
    // A second yearly figure is a correction, accepted.
    expect(
      given(...yearly)
        .when(actual({ value: 62 }))
        .events(),
    ).toHaveLength(1);
  });

  it('answers 404 for an unknown plan or indicator', () => {
    when(actual()).thenRefuses('NOT_FOUND');
    given(...defined())
      .when(actual({ indicatorId: id(7) }))
      .thenRefuses('NOT_FOUND');
  });
});
