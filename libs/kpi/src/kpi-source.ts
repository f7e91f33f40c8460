/**
 * KPI achievements as the Ministry report reads them (port). The KPI module implements it
 * (`{ provide: KpiSource, useExisting: <its query service> }`).
 */
import type { StatisticsAsOf, StatisticsScope } from '@saeil/statistics';

export interface KpiIndicatorAchievement {
  indicatorId: string;
  name: string;
  unit: string;
  /** Target for the whole term (sum of yearly targets, or the plan's cumulative figure). */
  termTarget: number;
  /** Cumulative actual so far (from the statistics for a mapped indicator, else as entered). */
  actual: number | null;
  /** actual ÷ termTarget × 100, unrounded; null when not computable. */
  achievement: number | null;
  weight?: number;
  /** Where the actual comes from: a statistic's key, or 'entered'. */
  source: string;
}

export interface KpiPlanAchievement {
  planId: string;
  name: string;
  centerId: string;
  term: { fromYear: number; toYear: number };
  indicators: KpiIndicatorAchievement[];
  /** Mean (or weighted mean) of the indicator achievements, unrounded. */
  overall: number | null;
}

export abstract class KpiSource {
  /** Every plan of the centers a scope holds, with achievement as of the given point. */
  abstract achievementsFor(scope: StatisticsScope, asOf?: StatisticsAsOf): Promise<KpiPlanAchievement[]>;
}
