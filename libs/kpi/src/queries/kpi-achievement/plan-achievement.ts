import type { KpiIndicatorPlan, KpiPlanDefinedV1 } from '@saeil/contracts';
import { display, isSuppressed, kpiAchievement, KpiIndicator, SUPPRESSED } from '@saeil/statistics';
import type { Suppressed } from '@saeil/statistics';

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

/**
 * Display texts: with the decimals a plan's table asks for (`decimals` given), exactly that many
 * digits, so a one-decimal table reads "61.0", not "61"; without, up to 2 digits with trailing
 * zeros dropped, as seed 000's table is written (37.5, 42.2, 42.86, 40.85).
 */
export interface DisplayPrecision {
  decimals: number;
  fixed: boolean;
}
export const DEFAULT_PRECISION: DisplayPrecision = { decimals: 2, fixed: false };
/** The precision for `decimals` asked (by the reader, or the plan): kept as given; none: the default. */
export const precisionOf = (decimals: number | undefined): DisplayPrecision =>
  decimals === undefined ? DEFAULT_PRECISION : { decimals, fixed: true };
export const displayed = (value: number, precision: DisplayPrecision): string =>
  display(value, precision.decimals, { trailingZeros: precision.fixed ? 'keep' : 'drop' });

export const termYears = (fromYear: number, toYear: number): number[] =>
  Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);

/**
 * An entered indicator's yearly actuals as they stood at the end of `asOfDate`: per period (the
 * year, or one quarter) the figure entered last among those dated on or before it; a year's
 * figure is its own entry, or the sum of its quarters.
 */
export function enteredYearly(
  indicatorId: string,
  years: number[],
  actuals: EnteredActual[],
  asOfDate: string,
): (number | null)[] {
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
    const quarters = [1, 2, 3, 4]
      .map((q) => latest.get(`${year}:${q}`))
      .filter((a): a is EnteredActual => a !== undefined);
    return quarters.length > 0 ? quarters.reduce((sum, a) => sum + a.value, 0) : null;
  });
}

const targetOf = (i: KpiIndicatorPlan): KpiIndicator['target'] => ({
  ...(i.yearlyTargets ? { yearly: i.yearlyTargets } : {}),
  ...(i.cumulativeTargets ? { cumulative: i.cumulativeTargets } : {}),
});

/** Checks a plan's targets and weights with the one KPI formula (libs/statistics kpi.ts): throws its RuleViolation. */
export function checkPlanTargets(plan: Pick<KpiPlanDefinedV1, 'fromYear' | 'toYear' | 'indicators'>): void {
  kpiAchievement({
    periods: termYears(plan.fromYear, plan.toYear).map(String),
    indicators: plan.indicators.map((i) => ({
      name: i.name,
      unit: i.unit,
      target: targetOf(i),
      ...(i.weight !== undefined ? { weight: i.weight } : {}),
    })),
  });
}

/**
 * Achievement of a plan as the glossary defines it (cumulative actual ÷ term target × 100 per
 * indicator; overall the mean or weighted mean), computed by kpi.ts from unrounded values.
 * `mapped` holds the yearly actuals of the indicators that map to a statistic.
 */
export function planAchievement(
  plan: KpiPlanDefinedV1,
  actuals: EnteredActual[],
  mapped: Record<string, (number | null)[]>,
  asOfDate: string,
  precision: DisplayPrecision = DEFAULT_PRECISION,
): PlanAchievementView {
  const years = termYears(plan.fromYear, plan.toYear);
  const yearlyActuals = plan.indicators.map((i) =>
    i.metric
      ? (mapped[i.indicatorId] ?? years.map(() => null))
      : enteredYearly(i.indicatorId, years, actuals, asOfDate),
  );
  const result = kpiAchievement({
    periods: years.map(String),
    indicators: plan.indicators.map((i, k) => ({
      name: i.name,
      unit: i.unit,
      target: targetOf(i),
      actual: { yearly: yearlyActuals[k] },
      ...(i.weight !== undefined ? { weight: i.weight } : {}),
    })),
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
        display: displayed(r.achievement, precision),
      };
    }),
    overall: { achievement: result.overall, display: displayed(result.overall, precision), weighted: result.weighted },
  };
}

/** KPI actuals that count persons (a statistic of persons, or a plan's 명): small ones are suppressed above the center. */
const PERSON_METRICS = new Set([
  'clients_registered',
  'employed_clients',
  'placements',
  'retention_beneficiaries',
  'training_completers',
  'internship_conversions',
  'startups',
]);
export const isPersonCount = (indicator: { source: string; unit: string }): boolean =>
  PERSON_METRICS.has(indicator.source) || indicator.unit.trim() === '명';

/** How a suppressed figure reads where a display text stands. */
export const SUPPRESSED_DISPLAY = '비공개';

type Shown<T> = T | Suppressed;
export interface PublishedIndicatorAchievementView extends Omit<
  IndicatorAchievementView,
  'actualYearly' | 'actualCumulative' | 'cumulativeActual' | 'achievement'
> {
  actualYearly: Shown<number | null>[];
  actualCumulative: Shown<number | null>[];
  cumulativeActual: Shown<number>;
  achievement: Shown<number>;
}
export interface PublishedPlanAchievementView extends Omit<PlanAchievementView, 'indicators' | 'overall'> {
  indicators: PublishedIndicatorAchievementView[];
  overall: { achievement: Shown<number>; display: string; weighted: boolean };
  disclosure?: 'suppressed';
  suppressionThreshold?: number;
}

/**
 * Achievement as a reader above the center may see it (the statistics' and the Ministry report's
 * small-cell rule): a person-count indicator with any reported figure below the threshold (0
 * included) — a year's, a running total, the cumulative actual — shows none of its actuals nor
 * its achievement (achievement × target would give the count back, and each year is the
 * difference of two running totals); the plan's overall achievement is then suppressed too,
 * since the mean and the other achievements would give the hidden one back. Targets stay.
 */
export function publishedAchievement(view: PlanAchievementView, threshold: number): PublishedPlanAchievementView {
  const small = (v: number | null) => v !== null && v < threshold;
  const indicators = view.indicators.map((i): PublishedIndicatorAchievementView => {
    const hide =
      isPersonCount(i) && (small(i.cumulativeActual) || i.actualYearly.some(small) || i.actualCumulative.some(small));
    if (!hide) return i;
    return {
      ...i,
      actualYearly: i.actualYearly.map((v) => (v === null ? null : SUPPRESSED)),
      actualCumulative: i.actualCumulative.map((v) => (v === null ? null : SUPPRESSED)),
      cumulativeActual: SUPPRESSED,
      achievement: SUPPRESSED,
      display: SUPPRESSED_DISPLAY,
    };
  });
  const anyHidden = indicators.some((i) => isSuppressed(i.achievement));
  return {
    ...view,
    indicators,
    overall: anyHidden
      ? { achievement: SUPPRESSED, display: SUPPRESSED_DISPLAY, weighted: view.overall.weighted }
      : view.overall,
    disclosure: 'suppressed',
    suppressionThreshold: threshold,
  };
}
