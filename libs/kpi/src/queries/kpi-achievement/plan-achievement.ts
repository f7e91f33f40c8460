import type { KpiIndicatorPlan, KpiPlanDefinedV1 } from '@saeil/contracts';
import { display, kpiAchievement, KpiIndicator } from '@saeil/statistics';

/** One actual as entered (rm_kpi_actuals). quarter 0 = the year's figure. */
export interface EnteredActual {
  indicatorId: string;
  year: number;
  quarter: number;
  value: number;
  enteredOn: string;
  position: number;
}

export interface IndicatorAchievementView {
  indicatorId: string;
  name: string;
  unit: string;
  /** A statistic's key, or 'entered'. */
  source: string;
  weight?: number;
  targetYearly: number[];
  targetCumulative: number[];
  termTarget: number;
  /** Per term year; null = not reported (yet). */
  actualYearly: (number | null)[];
  actualCumulative: (number | null)[];
  cumulativeActual: number;
  /** Percent, unrounded. */
  achievement: number;
  /** Rounded for display only. */
  display: string;
}

export interface PlanAchievementView {
  planId: string;
  centerId: string;
  name: string;
  term: { fromYear: number; toYear: number };
  asOfDate: string;
  periods: string[];
  indicators: IndicatorAchievementView[];
  overall: { achievement: number; display: string; weighted: boolean };
}

export const termYears = (fromYear: number, toYear: number): number[] => Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);

/**
 * An entered indicator's yearly actuals as they stood at the end of `asOfDate`: per period (the
 * year, or one quarter) the figure entered last among those dated on or before it; a year's
 * figure is its own entry, or the sum of its quarters.
 */
export function enteredYearly(indicatorId: string, years: number[], actuals: EnteredActual[], asOfDate: string): (number | null)[] {
  const latest = new Map<string, EnteredActual>();
  for (const a of actuals) {
    if (a.indicatorId !== indicatorId || a.enteredOn > asOfDate) continue;
    const key = `${a.year}:${a.quarter}`;
    const seen = latest.get(key);
    if (!seen || a.position > seen.position) latest.set(key, a);
  }
  return years.map((year) => {
    const whole = latest.get(`${year}:0`);
    if (whole) return whole.value;
    const quarters = [1, 2, 3, 4].map((q) => latest.get(`${year}:${q}`)).filter((a): a is EnteredActual => a !== undefined);
    return quarters.length > 0 ? quarters.reduce((sum, a) => sum + a.value, 0) : null;
  });
}

const targetOf = (i: KpiIndicatorPlan): KpiIndicator['target'] => ({ ...(i.yearlyTargets ? { yearly: i.yearlyTargets } : {}), ...(i.cumulativeTargets ? { cumulative: i.cumulativeTargets } : {}) });

/** Checks a plan's targets and weights with the one KPI formula (libs/statistics kpi.ts): throws its RuleViolation. */
export function checkPlanTargets(plan: Pick<KpiPlanDefinedV1, 'fromYear' | 'toYear' | 'indicators'>): void {
  kpiAchievement({
    periods: termYears(plan.fromYear, plan.toYear).map(String),
    indicators: plan.indicators.map((i) => ({ name: i.name, unit: i.unit, target: targetOf(i), ...(i.weight !== undefined ? { weight: i.weight } : {}) })),
  });
}

/**
 * Achievement of a plan as the glossary defines it (cumulative actual ÷ term target × 100 per
 * indicator; overall the mean or weighted mean), computed by kpi.ts from unrounded values.
 * `mapped` holds the yearly actuals of the indicators that map to a statistic.
 */
export function planAchievement(plan: KpiPlanDefinedV1, actuals: EnteredActual[], mapped: Record<string, (number | null)[]>, asOfDate: string, decimals: number): PlanAchievementView {
  const years = termYears(plan.fromYear, plan.toYear);
  const yearlyActuals = plan.indicators.map((i) => (i.metric ? mapped[i.indicatorId] ?? years.map(() => null) : enteredYearly(i.indicatorId, years, actuals, asOfDate)));
  const result = kpiAchievement({
    periods: years.map(String),
    indicators: plan.indicators.map((i, k) => ({ name: i.name, unit: i.unit, target: targetOf(i), actual: { yearly: yearlyActuals[k] }, ...(i.weight !== undefined ? { weight: i.weight } : {}) })),
  });
  return {
    planId: plan.planId,
    centerId: plan.centerId,
    name: plan.name,
    term: { fromYear: plan.fromYear, toYear: plan.toYear },
    asOfDate,
    periods: years.map(String),
    indicators: result.indicators.map((r, k) => {
      const i = plan.indicators[k];
      return {
        indicatorId: i.indicatorId,
        name: r.name,
        unit: r.unit,
        source: i.metric ?? 'entered',
        ...(r.weight !== undefined ? { weight: r.weight } : {}),
        targetYearly: r.targetYearly,
        targetCumulative: r.targetCumulative,
        termTarget: r.termTarget,
        actualYearly: r.actualYearly,
        actualCumulative: r.actualCumulative,
        cumulativeActual: r.cumulativeActual,
        achievement: r.achievement,
        display: display(r.achievement, decimals),
      };
    }),
    overall: { achievement: result.overall, display: display(result.overall, decimals), weighted: result.weighted },
  };
}
