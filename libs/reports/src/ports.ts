/**
 * The two ports the Ministry report reads its figures through (and nothing else: no read-model
 * table of another context is queried here). Both are abstract classes, used as Nest tokens.
 */
export { StatisticsSource } from '@saeil/statistics';
/** The centers directory (config/centers.json): the exports name a center by its name. */
export { CentersDirectory } from '@saeil/statistics';
export type {
  BreakdownRow,
  RetentionDimension,
  RetentionFigures,
  StatisticsAsOf,
  StatisticsScope,
  StatisticsSnapshot,
} from '@saeil/statistics';
/** Which KPI indicators count persons (suppressed alike in the report and the achievement read above the center). */
export { isPersonCount, KpiSource } from '@saeil/kpi';
export type { KpiIndicatorAchievement, KpiPlanAchievement } from '@saeil/kpi';
