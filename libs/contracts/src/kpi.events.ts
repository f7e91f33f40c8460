/**
 * Public event contracts of the kpi context (topic `saeil.kpi.events.v1`): KPI plans (공약달성
 * 확인지표, seed 000): indicators with their unit, yearly (and quarterly) targets, optional
 * cumulative column, weight and statistic mapping; and the actuals entered for the indicators
 * that do not map to a statistic.
 *
 * One stream per plan, `kpi-plan-<planId>`. An actual entered again for the same indicator and
 * period replaces the earlier figure from then on (a correction); the earlier one stays in history.
 */
import { EventContract, s } from './contract';

export const KPI_CONTEXT = 'kpi';

export const kpiPlanStreamId = (planId: string): string => `kpi-plan-${planId}`;

export interface KpiIndicatorPlan {
  indicatorId: string;
  /** e.g. '협업체 구성 및 운영' */
  name: string;
  /** e.g. '회', '명', '개소' */
  unit: string;
  /** One per term year (목표); absent when the plan gives only the cumulative column. */
  yearlyTargets?: number[];
  /** One per term year (목표 누계); its last value is the term target. */
  cumulativeTargets?: number[];
  /** Optional per-year quarters (Q1–Q4); each year's quarters sum to its yearly target. */
  quarterlyTargets?: number[][];
  /** Percent; every indicator of the plan has one, or none has (then they sum to 100). */
  weight?: number;
  /** A statistic the actuals come from (`STATISTIC_METRIC_KEYS`); entered by hand when absent. */
  metric?: string;
}

export interface KpiPlanDefinedV1 {
  planId: string;
  centerId: string;
  name: string;
  /** The term's first and last calendar years (e.g. 2022–2026); one target column per year. */
  fromYear: number;
  toYear: number;
  indicators: KpiIndicatorPlan[];
  /** The decimals the plan's table writes achievement with (이행률 41.9: 1); its display texts keep them. Absent: up to 2, trailing zeros dropped. */
  decimals?: number;
}

export interface KpiActualEnteredV1 {
  planId: string;
  centerId: string;
  indicatorId: string;
  year: number;
  /** 1–4 for a quarter's figure; absent for the year's. */
  quarter?: number;
  value: number;
  /** The date the figure stands at (기준일): achievement as of an earlier date does not see it. */
  enteredOn: string;
  note?: string;
}

export type KpiPlanDefined = { type: 'KpiPlanDefined'; data: KpiPlanDefinedV1 };
export type KpiActualEntered = { type: 'KpiActualEntered'; data: KpiActualEnteredV1 };

export type KpiEvent = KpiPlanDefined | KpiActualEntered;

export const KPI_EVENT_TYPES = ['KpiPlanDefined', 'KpiActualEntered'] as const satisfies readonly KpiEvent['type'][];

const amounts = (description: string) => s.array(s.number(undefined, { minimum: 0 }), description);

export const KPI_CONTRACTS: EventContract[] = [
  {
    type: 'KpiPlanDefined',
    context: KPI_CONTEXT,
    version: 1,
    summary:
      '확인지표 수립 — a KPI plan: term years and indicators (unit, yearly/quarterly targets, cumulative column, weight, statistic mapping)',
    payload: s.object(
      {
        planId: s.uuid(),
        centerId: s.string(),
        name: s.string('계획명', { minLength: 1 }),
        fromYear: s.integer('first term year', { minimum: 2000, maximum: 2100 }),
        toYear: s.integer('last term year', { minimum: 2000, maximum: 2100 }),
        indicators: {
          ...s.array(
            s.object(
              {
                indicatorId: s.uuid(),
                name: s.string('확인지표', { minLength: 1 }),
                unit: s.string('단위', { minLength: 1 }),
                yearlyTargets: amounts('목표, one per term year'),
                cumulativeTargets: amounts('목표 누계, one per term year'),
                quarterlyTargets: s.array(amounts('Q1–Q4'), 'quarters of each term year'),
                weight: s.number('가중치 (%)', { minimum: 0, maximum: 100 }),
                metric: s.string('statistic the actuals come from'),
              },
              ['yearlyTargets', 'cumulativeTargets', 'quarterlyTargets', 'weight', 'metric'],
            ),
          ),
          minItems: 1,
        },
        decimals: s.integer("decimals the plan's table writes achievement with (display texts keep them)", {
          minimum: 0,
          maximum: 6,
        }),
      },
      ['decimals'],
    ),
  },
  {
    type: 'KpiActualEntered',
    context: KPI_CONTEXT,
    version: 1,
    summary:
      '확인지표 실적 입력 — the actual of an indicator for a year or quarter (replaces an earlier figure for the same period)',
    payload: s.object(
      {
        planId: s.uuid(),
        centerId: s.string(),
        indicatorId: s.uuid(),
        year: s.integer(undefined, { minimum: 2000, maximum: 2100 }),
        quarter: s.integer(undefined, { minimum: 1, maximum: 4 }),
        value: s.number('실적', { minimum: 0 }),
        enteredOn: s.date('기준일'),
        note: s.string(),
      },
      ['quarter', 'note'],
    ),
  },
];
