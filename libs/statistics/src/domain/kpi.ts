import { RuleViolation } from '@saeil/core';

/**
 * KPI plans (공약달성 확인지표, seed 000) and their achievement (이행률).
 *
 * GLOSSARY "KPI achievement": achievement of an indicator = cumulative actual ÷ the target for the
 * whole term × 100. Targets come either as yearly amounts (their sum is the term target) or with a
 * cumulative column (its last value is the term target), or both (then they must agree).
 * Overall achievement = the mean of the indicator achievements, or the weighted mean when the plan
 * gives weights (which must sum to 100 %). Everything is computed from unrounded values; only
 * `display` rounds, and only for showing a figure.
 *
 * Decisions (not spelled out by the glossary):
 * - A yearly target may be 0 (nothing planned that year); the term target must be > 0.
 * - An actual of `null`/`undefined` (the seed's "-") means "not yet reported" and is distinct from
 *   0 (reported, nothing achieved). Unreported years contribute nothing to the cumulative actual;
 *   an indicator with nothing reported yet has achievement 0 and `reportedPeriods: []`.
 * - Actual arrays may be shorter than the plan's periods (the remaining years are not reported yet).
 * - Achievement is not capped at 100 % unless `capAt` is given.
 */

/** A figure of a plan's table: a number, or null/undefined for "-" (not reported). */
export type Reported = number | null | undefined;

export interface KpiIndicator {
  /** e.g. '협업체 구성 및 운영' */
  name: string;
  /** e.g. '회', '명', '개소' */
  unit: string;
  /** One entry per plan period. At least one of the two columns. */
  target: { yearly?: readonly number[]; cumulative?: readonly number[] };
  /** One entry per reported period (may be shorter than the periods). Either column, or both. */
  actual?: { yearly?: readonly Reported[]; cumulative?: readonly Reported[] };
  /** Weight in percent; either every indicator of the plan has one, or none has. */
  weight?: number;
}

export interface KpiPlan {
  /** Column labels of the plan, e.g. ['2022', '2023', '2024', '2025', '2026. 6.']. */
  periods: readonly string[];
  indicators: readonly KpiIndicator[];
}

export interface KpiOptions {
  /** Cap each indicator's achievement at this percent before averaging (e.g. 100). Default: no cap. */
  capAt?: number;
}

export interface IndicatorAchievement {
  name: string;
  unit: string;
  targetYearly: number[];
  targetCumulative: number[];
  termTarget: number;
  /** null where not reported. */
  actualYearly: (number | null)[];
  /** Running total at each reported period, null where not reported. */
  actualCumulative: (number | null)[];
  cumulativeActual: number;
  reportedPeriods: string[];
  /** Percent, unrounded (after `capAt` when given). */
  achievement: number;
  /** Percent, when the plan is weighted. */
  weight?: number;
}

export interface KpiAchievement {
  indicators: IndicatorAchievement[];
  /** Percent, unrounded. */
  overall: number;
  weighted: boolean;
}

/** Relative tolerance for comparing amounts that may carry floating-point noise (weights like 33.3…). */
const EPSILON = 1e-9;
const same = (a: number, b: number): boolean => Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));

function invalid(code: string, message: string, details: Record<string, unknown>): never {
  throw new RuleViolation(code, message, details);
}

function requireAmount(value: unknown, code: string, what: string, details: Record<string, unknown>): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    invalid(code, `${what}은(는) 0 이상의 수여야 합니다.`, { ...details, value });
  return value;
}

function targetsOf(indicator: KpiIndicator, periods: readonly string[]): { yearly: number[]; cumulative: number[] } {
  const { name } = indicator;
  const { yearly, cumulative } = indicator.target ?? {};
  if (!yearly && !cumulative) invalid('KPI_TARGET_MISSING', `${name}: 목표가 없습니다.`, { indicator: name });
  for (const column of [yearly, cumulative]) {
    if (column && column.length !== periods.length) {
      invalid('KPI_PERIODS_MISMATCH', `${name}: 목표는 기간마다 하나씩(${periods.length}개) 있어야 합니다.`, {
        indicator: name,
        periods: periods.length,
        given: column.length,
      });
    }
  }
  const at = (i: number) => ({ indicator: name, period: periods[i] });
  const yearlyAmounts = yearly?.map((v, i) =>
    requireAmount(v, 'KPI_TARGET_INVALID', `${name} ${periods[i]} 목표`, at(i)),
  );
  const cumulativeAmounts = cumulative?.map((v, i) =>
    requireAmount(v, 'KPI_TARGET_INVALID', `${name} ${periods[i]} 목표 누계`, at(i)),
  );

  let result: { yearly: number[]; cumulative: number[] };
  if (yearlyAmounts) {
    let running = 0;
    result = { yearly: yearlyAmounts, cumulative: yearlyAmounts.map((v) => (running += v)) };
    if (cumulativeAmounts) {
      cumulativeAmounts.forEach((given, i) => {
        if (!same(given, result.cumulative[i])) {
          invalid(
            'KPI_CUMULATIVE_MISMATCH',
            `${name} ${periods[i]}: 목표 누계 ${given}이(가) 연도별 목표의 합 ${result.cumulative[i]}과(와) 다릅니다.`,
            { ...at(i), column: 'target', cumulative: given, sumOfYearly: result.cumulative[i] },
          );
        }
      });
    }
  } else {
    const cum = cumulativeAmounts as number[];
    const derived = cum.map((v, i) => v - (i === 0 ? 0 : cum[i - 1]));
    derived.forEach((v, i) => {
      if (v < 0)
        invalid('KPI_TARGET_INVALID', `${name} ${periods[i]}: 목표 누계가 줄어들 수 없습니다.`, {
          ...at(i),
          cumulative: cum[i],
          previous: cum[i - 1],
        });
    });
    result = { yearly: derived, cumulative: [...cum] };
  }
  const term = result.cumulative[result.cumulative.length - 1] ?? 0;
  if (!(term > 0))
    invalid('KPI_TARGET_INVALID', `${name}: 임기 전체 목표는 0보다 커야 합니다.`, {
      indicator: name,
      termTarget: term,
    });
  return result;
}

const isReported = (v: Reported): v is number => v !== null && v !== undefined;

function actualsOf(
  indicator: KpiIndicator,
  periods: readonly string[],
): { yearly: (number | null)[]; cumulative: (number | null)[] } {
  const { name } = indicator;
  const yearly = indicator.actual?.yearly;
  const cumulative = indicator.actual?.cumulative;
  for (const column of [yearly, cumulative]) {
    if (column && column.length > periods.length) {
      invalid('KPI_PERIODS_MISMATCH', `${name}: 실적이 기간(${periods.length}개)보다 많습니다.`, {
        indicator: name,
        periods: periods.length,
        given: column.length,
      });
    }
  }
  const at = (i: number) => ({ indicator: name, period: periods[i] });
  const check = (column: readonly Reported[] | undefined, what: string): (number | null)[] | undefined =>
    column &&
    periods.map((_, i) =>
      isReported(column[i])
        ? requireAmount(column[i], 'KPI_ACTUAL_INVALID', `${name} ${periods[i]} ${what}`, at(i))
        : null,
    );
  const y = check(yearly, '실적');
  const c = check(cumulative, '실적 누계');

  if (y) {
    let running = 0;
    const runningTotals = y.map((v) => (v === null ? null : (running += v)));
    if (c) {
      periods.forEach((_, i) => {
        if ((y[i] === null) !== (c[i] === null)) {
          invalid('KPI_CUMULATIVE_MISMATCH', `${name} ${periods[i]}: 실적과 실적 누계 중 하나만 보고되었습니다.`, {
            ...at(i),
            column: 'actual',
            yearly: y[i],
            cumulative: c[i],
          });
        }
        if (c[i] !== null && !same(c[i] as number, runningTotals[i] as number)) {
          invalid(
            'KPI_CUMULATIVE_MISMATCH',
            `${name} ${periods[i]}: 실적 누계 ${c[i]}이(가) 연도별 실적의 합 ${runningTotals[i]}과(와) 다릅니다.`,
            { ...at(i), column: 'actual', cumulative: c[i], sumOfYearly: runningTotals[i] },
          );
        }
      });
    }
    return { yearly: y, cumulative: runningTotals };
  }
  if (c) {
    let previous = 0;
    const derived = c.map((v, i) => {
      if (v === null) return null;
      if (v < previous)
        invalid('KPI_ACTUAL_INVALID', `${name} ${periods[i]}: 실적 누계가 줄어들 수 없습니다.`, {
          ...at(i),
          cumulative: v,
          previous,
        });
      const amount = v - previous;
      previous = v;
      return amount;
    });
    return { yearly: derived, cumulative: c };
  }
  return { yearly: periods.map(() => null), cumulative: periods.map(() => null) };
}

function weightsOf(indicators: readonly KpiIndicator[]): number[] | undefined {
  const given = indicators.filter((i) => i.weight !== undefined && i.weight !== null);
  if (given.length === 0) return undefined;
  if (given.length !== indicators.length) {
    invalid('KPI_WEIGHTS_INCOMPLETE', '가중치는 모든 지표에 주거나 어느 지표에도 주지 않아야 합니다.', {
      withWeight: given.map((i) => i.name),
      withoutWeight: indicators.filter((i) => !given.includes(i)).map((i) => i.name),
    });
  }
  const weights = indicators.map((i) =>
    requireAmount(i.weight, 'KPI_WEIGHT_INVALID', `${i.name} 가중치`, { indicator: i.name }),
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!same(sum, 100))
    invalid('KPI_WEIGHTS_NOT_100', `가중치의 합이 100%가 아닙니다(${sum}%).`, {
      sum,
      weights: Object.fromEntries(indicators.map((i, k) => [i.name, weights[k]])),
    });
  return weights;
}

/** Achievement of every indicator and of the plan, unrounded (percent). Throws RuleViolation on an invalid plan. */
export function kpiAchievement(plan: KpiPlan, options: KpiOptions = {}): KpiAchievement {
  const { periods, indicators } = plan;
  if (!periods || periods.length === 0) invalid('KPI_PERIODS_MISSING', '계획 기간이 없습니다.', {});
  if (!indicators || indicators.length === 0) invalid('KPI_NO_INDICATORS', '확인지표가 없습니다.', {});
  if (options.capAt !== undefined && !(Number.isFinite(options.capAt) && options.capAt > 0))
    invalid('KPI_CAP_INVALID', '상한은 0보다 커야 합니다.', { capAt: options.capAt });
  const weights = weightsOf(indicators);

  const results = indicators.map((indicator, k): IndicatorAchievement => {
    const target = targetsOf(indicator, periods);
    const actual = actualsOf(indicator, periods);
    const termTarget = target.cumulative[target.cumulative.length - 1];
    const cumulativeActual = actual.yearly.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    // × 100 before ÷: 211 × 100 / 500 is exactly 42.2, 211 / 500 × 100 is 42.199999999999996.
    const raw = (cumulativeActual * 100) / termTarget;
    return {
      name: indicator.name,
      unit: indicator.unit,
      targetYearly: target.yearly,
      targetCumulative: target.cumulative,
      termTarget,
      actualYearly: actual.yearly,
      actualCumulative: actual.cumulative,
      cumulativeActual,
      reportedPeriods: periods.filter((_, i) => actual.yearly[i] !== null),
      achievement: options.capAt === undefined ? raw : Math.min(raw, options.capAt),
      ...(weights ? { weight: weights[k] } : {}),
    };
  });

  const overall = weights
    ? results.reduce((sum, r, k) => sum + r.achievement * weights[k], 0) / weights.reduce((a, b) => a + b, 0)
    : results.reduce((sum, r) => sum + r.achievement, 0) / results.length;
  return { indicators: results, overall, weighted: weights !== undefined };
}

export interface DisplayOptions {
  /** 'drop' (default): 37.50 → "37.5", 40.00 → "40"; 'keep': always `decimals` digits. */
  trailingZeros?: 'drop' | 'keep';
  /** Shown for a missing value (null/undefined), like the plan's "-". Default '-'. */
  missing?: string;
}

/**
 * Rounds half away from zero to `decimals` digits. The value is first reduced to 15 significant
 * digits so that floating-point noise (0.145 × 100 = 14.499999999999998) does not decide a half:
 * 14.5 → 15, -2.5 → -3, 1.005 at 2 decimals → 1.01.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value))
    throw new RuleViolation('DISPLAY_INVALID_VALUE', `표시할 수 없는 값입니다: ${value}`, { value });
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15)
    throw new RuleViolation('DISPLAY_INVALID_DECIMALS', `소수 자릿수는 0~15의 정수여야 합니다: ${decimals}`, {
      decimals,
    });
  if (value === 0) return 0;
  // Beyond 15 significant digits there is nothing left to round.
  if (Math.abs(value) * 10 ** decimals >= 1e15) return Number(value.toPrecision(15));
  const sign = value < 0 ? -1 : 1;
  const [mantissa, exponent] = Math.abs(Number(value.toPrecision(15)))
    .toExponential()
    .split('e');
  const shifted = Number(`${mantissa}e${Number(exponent) + decimals}`);
  const rounded = Number(`${Math.round(shifted)}e-${decimals}`);
  return rounded === 0 ? 0 : sign * rounded;
}

/**
 * A figure for display: rounded half away from zero to at most `decimals` digits, trailing zeros
 * dropped by default. Seed 000 with decimals = 2: 37.5, 42.2, 42.86, 40.85; seed 004 with 1: 57.7.
 */
export function display(value: number | null | undefined, decimals = 2, options: DisplayOptions = {}): string {
  if (value === null || value === undefined) return options.missing ?? '-';
  const fixed = roundHalfAwayFromZero(value, decimals).toFixed(decimals);
  if ((options.trailingZeros ?? 'drop') === 'keep' || !fixed.includes('.')) return fixed;
  return fixed.replace(/0+$/, '').replace(/\.$/, '');
}
