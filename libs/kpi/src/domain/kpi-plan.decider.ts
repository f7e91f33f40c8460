import { NotFound, requireNotInFuture, RuleViolation } from '@saeil/core';
import type { Decider } from '@saeil/core';
import type { KpiEvent, KpiIndicatorPlan } from '@saeil/contracts';

/** A plan covers a mayor's or a center's term: a few years, never decades. */
export const MAX_TERM_YEARS = 10;

export interface DefineKpiPlan {
  type: 'DefineKpiPlan';
  planId: string;
  centerId: string;
  name: string;
  fromYear: number;
  toYear: number;
  indicators: KpiIndicatorPlan[];
  decimals?: number;
}

export interface EnterKpiActual {
  type: 'EnterKpiActual';
  planId: string;
  indicatorId: string;
  year: number;
  quarter?: number;
  value: number;
  enteredOn: string;
  note?: string;
  today: string;
}

export type KpiPlanCommand = DefineKpiPlan | EnterKpiActual;

export interface KpiPlanState {
  defined: boolean;
  centerId?: string;
  fromYear: number;
  toYear: number;
  /** Indicator id → the statistic it maps to (undefined: entered by hand). */
  indicators: Record<string, { name: string; metric?: string }>;
  /** `${indicatorId}:${year}` → how that year's actuals were entered: a yearly figure or quarters. */
  granularity: Record<string, 'year' | 'quarter'>;
}

const years = (fromYear: number, toYear: number) => toYear - fromYear + 1;

/** The yearly targets of an indicator, from its yearly column or derived from its cumulative one. */
function yearlyTargetsOf(indicator: KpiIndicatorPlan): number[] | undefined {
  if (indicator.yearlyTargets) return indicator.yearlyTargets;
  return indicator.cumulativeTargets?.map((v, i, all) => v - (i === 0 ? 0 : all[i - 1]));
}

function requireIndicatorShape(indicator: KpiIndicatorPlan, count: number): void {
  const name = indicator.name.trim();
  if (!name) throw new RuleViolation('KPI_INDICATOR_NAME_REQUIRED', '확인지표 이름을 입력하세요.');
  if (!indicator.unit.trim())
    throw new RuleViolation('KPI_UNIT_REQUIRED', `${name}: 단위를 입력하세요.`, { indicator: name });
  if (!indicator.yearlyTargets && !indicator.cumulativeTargets)
    throw new RuleViolation('KPI_TARGET_MISSING', `${name}: 연도별 목표 또는 목표 누계가 필요합니다.`, {
      indicator: name,
    });
  for (const [column, values] of [
    ['yearlyTargets', indicator.yearlyTargets],
    ['cumulativeTargets', indicator.cumulativeTargets],
    ['quarterlyTargets', indicator.quarterlyTargets],
  ] as const) {
    if (values && values.length !== count) {
      throw new RuleViolation(
        'KPI_PERIODS_MISMATCH',
        `${name}: ${column}은(는) 임기 연도마다 하나씩(${count}개) 있어야 합니다.`,
        { indicator: name, column, years: count, given: values.length },
      );
    }
  }
  const yearly = yearlyTargetsOf(indicator) as number[];
  indicator.quarterlyTargets?.forEach((quarters, i) => {
    if (quarters.length !== 4)
      throw new RuleViolation('KPI_PERIODS_MISMATCH', `${name}: 분기 목표는 한 해에 4개여야 합니다.`, {
        indicator: name,
        yearIndex: i,
        given: quarters.length,
      });
    const sum = quarters.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - yearly[i]) > 1e-9 * Math.max(1, Math.abs(sum))) {
      throw new RuleViolation(
        'KPI_QUARTERS_MISMATCH',
        `${name}: 분기 목표의 합(${sum})이 그 해 목표(${yearly[i]})와 다릅니다.`,
        { indicator: name, yearIndex: i, sumOfQuarters: sum, yearlyTarget: yearly[i] },
      );
    }
  });
}

function define(c: DefineKpiPlan, state: KpiPlanState): KpiEvent[] {
  if (state.defined)
    throw new RuleViolation('KPI_PLAN_ALREADY_DEFINED', '이미 수립된 확인지표 계획입니다.', { planId: c.planId });
  const name = c.name.trim();
  if (!name) throw new RuleViolation('NAME_REQUIRED', '계획명을 입력하세요.');
  if (!(
    Number.isInteger(c.fromYear) &&
    Number.isInteger(c.toYear) &&
    c.fromYear <= c.toYear &&
    years(c.fromYear, c.toYear) <= MAX_TERM_YEARS
  )) {
    throw new RuleViolation(
      'KPI_TERM_INVALID',
      `임기는 ${MAX_TERM_YEARS}년 이내의 연도 범위여야 합니다: ${c.fromYear}–${c.toYear}`,
      { fromYear: c.fromYear, toYear: c.toYear },
    );
  }
  if (c.indicators.length === 0) throw new RuleViolation('KPI_NO_INDICATORS', '확인지표를 하나 이상 입력하세요.');
  const names = new Set<string>();
  for (const indicator of c.indicators) {
    requireIndicatorShape(indicator, years(c.fromYear, c.toYear));
    const key = indicator.name.trim();
    if (names.has(key))
      throw new RuleViolation('KPI_INDICATOR_DUPLICATED', `확인지표 ${key}이(가) 두 번 입력되었습니다.`, {
        indicator: key,
      });
    names.add(key);
  }
  const indicators = c.indicators.map((i): KpiIndicatorPlan => ({
    indicatorId: i.indicatorId,
    name: i.name.trim(),
    unit: i.unit.trim(),
    ...(i.yearlyTargets ? { yearlyTargets: [...i.yearlyTargets] } : {}),
    ...(i.cumulativeTargets ? { cumulativeTargets: [...i.cumulativeTargets] } : {}),
    ...(i.quarterlyTargets ? { quarterlyTargets: i.quarterlyTargets.map((q) => [...q]) } : {}),
    ...(i.weight !== undefined ? { weight: i.weight } : {}),
    ...(i.metric ? { metric: i.metric } : {}),
  }));
  if (c.decimals !== undefined && !(Number.isInteger(c.decimals) && c.decimals >= 0 && c.decimals <= 6)) {
    throw new RuleViolation('KPI_DECIMALS_INVALID', `소수 자릿수는 0~6의 정수여야 합니다: ${c.decimals}`, {
      decimals: c.decimals,
    });
  }
  return [
    {
      type: 'KpiPlanDefined',
      data: {
        planId: c.planId,
        centerId: c.centerId,
        name,
        fromYear: c.fromYear,
        toYear: c.toYear,
        indicators,
        ...(c.decimals !== undefined ? { decimals: c.decimals } : {}),
      },
    },
  ];
}

function enter(c: EnterKpiActual, state: KpiPlanState): KpiEvent[] {
  if (!state.defined || !state.centerId) throw new NotFound('확인지표 계획', c.planId);
  const indicator = state.indicators[c.indicatorId];
  if (!indicator) throw new NotFound('확인지표', c.indicatorId);
  if (indicator.metric) {
    throw new RuleViolation(
      'KPI_ACTUAL_FROM_STATISTICS',
      `${indicator.name}의 실적은 통계(${indicator.metric})에서 가져옵니다. 직접 입력할 수 없습니다.`,
      { indicatorId: c.indicatorId, metric: indicator.metric },
    );
  }
  if (c.year < state.fromYear || c.year > state.toYear) {
    throw new RuleViolation(
      'KPI_YEAR_OUTSIDE_TERM',
      `${c.year}년은 임기(${state.fromYear}–${state.toYear}) 밖입니다.`,
      { year: c.year, fromYear: state.fromYear, toYear: state.toYear },
    );
  }
  if (!(Number.isFinite(c.value) && c.value >= 0))
    throw new RuleViolation('KPI_ACTUAL_INVALID', '실적은 0 이상의 수여야 합니다.', { value: c.value });
  requireNotInFuture('enteredOn', c.enteredOn, c.today);
  const periodStart = c.quarter
    ? `${c.year}-${String((c.quarter - 1) * 3 + 1).padStart(2, '0')}-01`
    : `${c.year}-01-01`;
  if (c.enteredOn < periodStart) {
    throw new RuleViolation(
      'KPI_ACTUAL_BEFORE_PERIOD',
      `기준일(${c.enteredOn})이 실적 기간의 시작(${periodStart})보다 앞섭니다.`,
      { enteredOn: c.enteredOn, periodStart },
    );
  }
  const granularity = c.quarter ? 'quarter' : 'year';
  const earlier = state.granularity[`${c.indicatorId}:${c.year}`];
  if (earlier && earlier !== granularity) {
    throw new RuleViolation(
      'KPI_ACTUAL_GRANULARITY_MIXED',
      `${indicator.name} ${c.year}년 실적은 ${earlier === 'year' ? '연간' : '분기별'}로 입력되었습니다. 같은 방식으로 입력하세요.`,
      { indicatorId: c.indicatorId, year: c.year, enteredAs: earlier },
    );
  }
  const note = c.note?.trim();
  return [
    {
      type: 'KpiActualEntered',
      data: {
        planId: c.planId,
        centerId: state.centerId,
        indicatorId: c.indicatorId,
        year: c.year,
        ...(c.quarter ? { quarter: c.quarter } : {}),
        value: c.value,
        enteredOn: c.enteredOn,
        ...(note ? { note } : {}),
      },
    },
  ];
}

/** A KPI plan (stream `kpi-plan-<planId>`): its indicators and the actuals entered by hand. */
export const kpiPlanDecider: Decider<KpiPlanCommand, KpiPlanState, KpiEvent> = {
  initialState: () => ({ defined: false, fromYear: 0, toYear: 0, indicators: {}, granularity: {} }),

  evolve(state, event) {
    switch (event.type) {
      case 'KpiPlanDefined': {
        const { centerId, fromYear, toYear, indicators } = event.data;
        return {
          ...state,
          defined: true,
          centerId,
          fromYear,
          toYear,
          indicators: Object.fromEntries(
            indicators.map((i) => [i.indicatorId, { name: i.name, ...(i.metric ? { metric: i.metric } : {}) }]),
          ),
        };
      }
      case 'KpiActualEntered': {
        const { indicatorId, year, quarter } = event.data;
        return {
          ...state,
          granularity: { ...state.granularity, [`${indicatorId}:${year}`]: quarter ? 'quarter' : 'year' },
        };
      }
      default:
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'DefineKpiPlan':
        return define(command, state);
      case 'EnterKpiActual':
        return enter(command, state);
    }
  },
};
