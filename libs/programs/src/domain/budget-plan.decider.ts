import { NotFound, requireNotInFuture, RuleViolation } from '@saeil/core';
import type { Decider } from '@saeil/core';
import { EXECUTION_SOURCES, FUNDING_SOURCES } from '@saeil/contracts';
import type { BudgetEvent, BudgetLine, BudgetProjectKind, ExecutionSource } from '@saeil/contracts';

/** Far above a center's project (seed 000: 62,000,000원 over five years): more is a typing error. */
export const MAX_BUDGET_LINE_AMOUNT = 100_000_000_000;
export const MAX_PLAN_YEARS = 10;
export const MAX_RATE_DECIMALS = 3;

/** The plan a supervisor defines or amends, whole. Amounts in KRW. */
export interface BudgetPlanContent {
  name: string;
  fromYear: number;
  toYear: number;
  decimals: number;
  lines: BudgetLine[];
}

export interface DefineBudgetPlan extends BudgetPlanContent {
  type: 'DefineBudgetPlan';
  planId: string;
  centerId: string;
  /** The retention program it budgets (the plan then has the program's id), else a project of its own. */
  programId?: string;
}

export interface AmendBudgetPlan extends BudgetPlanContent {
  type: 'AmendBudgetPlan';
  planId: string;
  amendedOn: string;
  reason: string;
  today: string;
}

export interface RecordBudgetExecution {
  type: 'RecordBudgetExecution';
  planId: string;
  entryId: string;
  executedOn: string;
  source: string;
  amount: number;
  purpose: string;
  corrects?: string;
  today: string;
}

export type BudgetPlanCommand = DefineBudgetPlan | AmendBudgetPlan | RecordBudgetExecution;

interface RecordedEntry {
  executedOn: string;
  year: number;
  source: ExecutionSource;
  /** The entry with every correction of it (only on the entry corrected first-hand). */
  net: number;
  /** The original entry a correction belongs to (itself for an original). */
  root: string;
}

export interface BudgetPlanState {
  defined: boolean;
  centerId?: string;
  revision: number;
  plan?: BudgetPlanContent;
  entries: Record<string, RecordedEntry>;
}

/** Every refusal names the field it is about (`details.field`), as the 400s do. */
function fail(code: string, message: string, field: string, details: Record<string, unknown> = {}): never {
  throw new RuleViolation(code, message, { field, ...details });
}

/** A plan's rules; returns it trimmed and ordered (year, then 국비 → 기타). */
function requirePlan(plan: BudgetPlanContent): BudgetPlanContent {
  const name = plan.name.trim();
  if (!name) fail('NAME_REQUIRED', '사업명을 입력하세요.', 'name');
  if (
    !(Number.isInteger(plan.fromYear) && Number.isInteger(plan.toYear)) ||
    plan.toYear < plan.fromYear ||
    plan.toYear - plan.fromYear >= MAX_PLAN_YEARS
  ) {
    fail(
      'BUDGET_TERM_INVALID',
      `사업 기간은 시작 연도부터 끝 연도까지 ${MAX_PLAN_YEARS}년 이내여야 합니다: ${plan.fromYear}–${plan.toYear}`,
      'toYear',
      { fromYear: plan.fromYear, toYear: plan.toYear },
    );
  }
  if (!(Number.isInteger(plan.decimals) && plan.decimals >= 0 && plan.decimals <= MAX_RATE_DECIMALS)) {
    fail('DECIMALS_INVALID', `집행률 표시 소수 자릿수는 0–${MAX_RATE_DECIMALS}의 정수여야 합니다.`, 'decimals', {
      decimals: plan.decimals,
    });
  }
  const seen = new Set<string>();
  plan.lines.forEach((line, i) => {
    const field = `lines.${i}`;
    if (!(FUNDING_SOURCES as readonly string[]).includes(line.source))
      fail('FUNDING_SOURCE_UNKNOWN', `알 수 없는 재원입니다: ${line.source}`, `${field}.source`, {
        source: line.source,
      });
    if (!(Number.isInteger(line.year) && line.year >= plan.fromYear && line.year <= plan.toYear)) {
      fail(
        'BUDGET_LINE_OUTSIDE_TERM',
        `${line.year}년은 사업 기간(${plan.fromYear}–${plan.toYear}) 밖입니다.`,
        `${field}.year`,
        { year: line.year },
      );
    }
    const key = `${line.year}:${line.source}`;
    if (seen.has(key))
      fail('BUDGET_LINE_DUPLICATED', `${line.year}년 ${line.source} 재원이 두 번 입력되었습니다.`, field, {
        year: line.year,
        source: line.source,
      });
    seen.add(key);
    if (!(Number.isInteger(line.amount) && line.amount >= 0 && line.amount <= MAX_BUDGET_LINE_AMOUNT)) {
      fail(
        'BUDGET_AMOUNT_INVALID',
        `${line.year}년 ${line.source} 금액은 0 이상의 정수(원)여야 합니다.`,
        `${field}.amount`,
        { amount: line.amount },
      );
    }
  });
  const order = (source: string) => FUNDING_SOURCES.indexOf(source as (typeof FUNDING_SOURCES)[number]);
  return {
    name,
    fromYear: plan.fromYear,
    toYear: plan.toYear,
    decimals: plan.decimals,
    lines: [...plan.lines]
      .sort((a, b) => a.year - b.year || order(a.source) - order(b.source))
      .map((l) => ({ year: l.year, source: l.source, amount: l.amount })),
  };
}

function requireDefined(
  state: BudgetPlanState,
  planId: string,
): asserts state is BudgetPlanState & { centerId: string; plan: BudgetPlanContent } {
  if (!state.defined || !state.plan || !state.centerId) throw new NotFound('예산 계획', planId);
}

function define(c: DefineBudgetPlan, state: BudgetPlanState): BudgetEvent[] {
  if (state.defined) {
    // A program's plan has the program's id: a second one for the program lands here.
    throw new RuleViolation(
      'BUDGET_PLAN_ALREADY_DEFINED',
      c.programId
        ? '이 사후관리 프로그램에는 이미 예산 계획이 있습니다. 변경으로 고치세요.'
        : '이미 수립된 예산 계획입니다.',
      {
        field: c.programId ? 'programId' : 'planId',
        planId: c.planId,
      },
    );
  }
  const projectKind: BudgetProjectKind = c.programId ? 'retention_program' : 'project';
  return [
    {
      type: 'BudgetPlanDefined',
      data: {
        planId: c.planId,
        centerId: c.centerId,
        ...requirePlan(c),
        projectKind,
        ...(c.programId ? { programId: c.programId } : {}),
      },
    },
  ];
}

function amend(c: AmendBudgetPlan, state: BudgetPlanState): BudgetEvent[] {
  requireDefined(state, c.planId);
  requireNotInFuture('amendedOn', c.amendedOn, c.today);
  const reason = c.reason.trim();
  if (!reason) fail('REASON_REQUIRED', '변경 사유를 입력하세요.', 'reason');
  const plan = requirePlan(c);
  // What was executed stays where it was recorded: the amended term must still hold its years.
  const years = Object.values(state.entries).map((e) => e.year);
  if (years.length > 0) {
    const [first, last] = [Math.min(...years), Math.max(...years)];
    if (plan.fromYear > first || plan.toYear < last) {
      fail(
        'BUDGET_TERM_EXCLUDES_EXECUTIONS',
        `변경한 사업 기간(${plan.fromYear}–${plan.toYear})이 이미 집행한 연도(${first}–${last})를 포함하지 않습니다.`,
        plan.fromYear > first ? 'fromYear' : 'toYear',
        {
          firstExecutedYear: first,
          lastExecutedYear: last,
        },
      );
    }
  }
  return [
    {
      type: 'BudgetPlanAmended',
      data: {
        planId: c.planId,
        centerId: state.centerId,
        ...plan,
        revision: state.revision + 1,
        amendedOn: c.amendedOn,
        reason,
      },
    },
  ];
}

function record(c: RecordBudgetExecution, state: BudgetPlanState): BudgetEvent[] {
  requireDefined(state, c.planId);
  if (state.entries[c.entryId])
    fail('EXECUTION_ENTRY_EXISTS', '이미 기록된 집행 내역입니다.', 'entryId', { entryId: c.entryId });
  if (!(EXECUTION_SOURCES as readonly string[]).includes(c.source))
    fail('FUNDING_SOURCE_UNKNOWN', `알 수 없는 재원입니다: ${c.source}`, 'source', { source: c.source });
  const source = c.source as ExecutionSource;
  requireNotInFuture('executedOn', c.executedOn, c.today);
  const purpose = c.purpose.trim();
  if (!purpose)
    fail(
      'PURPOSE_REQUIRED',
      c.corrects ? '정정 사유를 입력하세요.' : '집행 내역(무엇에 썼는지)을 입력하세요.',
      'purpose',
    );
  if (!Number.isInteger(c.amount) || Math.abs(c.amount) > MAX_BUDGET_LINE_AMOUNT)
    fail('EXECUTION_AMOUNT_INVALID', '집행액은 정수(원)여야 합니다.', 'amount', { amount: c.amount });
  const { plan } = state;

  if (!c.corrects) {
    if (c.amount <= 0)
      fail(
        'EXECUTION_AMOUNT_INVALID',
        '집행액은 0보다 커야 합니다. 되돌리려면 해당 집행 내역을 정정하세요.',
        'amount',
        { amount: c.amount },
      );
    const year = Number(c.executedOn.slice(0, 4));
    if (year < plan.fromYear || year > plan.toYear) {
      fail(
        'EXECUTION_OUTSIDE_TERM',
        `집행일(${c.executedOn})이 사업 기간(${plan.fromYear}–${plan.toYear}) 밖입니다.`,
        'executedOn',
        { executedOn: c.executedOn, fromYear: plan.fromYear, toYear: plan.toYear },
      );
    }
    return [
      {
        type: 'BudgetExecutionRecorded',
        data: {
          planId: c.planId,
          centerId: state.centerId,
          entryId: c.entryId,
          executedOn: c.executedOn,
          year,
          source,
          amount: c.amount,
          purpose,
        },
      },
    ];
  }

  const corrected = state.entries[c.corrects];
  if (!corrected)
    fail('CORRECTED_ENTRY_NOT_FOUND', '정정할 집행 내역이 이 예산 계획에 없습니다.', 'corrects', {
      corrects: c.corrects,
    });
  if (corrected.source !== source) {
    fail(
      'CORRECTION_SOURCE_MISMATCH',
      `정정은 원래 집행 내역의 재원(${corrected.source})으로만 할 수 있습니다. 재원을 바꾸려면 전액을 정정하고 새로 기록하세요.`,
      'source',
      { source, correctedSource: corrected.source },
    );
  }
  if (c.amount === 0)
    fail('EXECUTION_AMOUNT_INVALID', '정정 금액은 0이 아니어야 합니다.', 'amount', { amount: c.amount });
  if (c.executedOn < corrected.executedOn) {
    fail(
      'DATES_OUT_OF_ORDER',
      `정정일(${c.executedOn})이 정정할 집행일(${corrected.executedOn})보다 앞설 수 없습니다.`,
      'executedOn',
      { executedOn: c.executedOn, correctedExecutedOn: corrected.executedOn },
    );
  }
  const root = state.entries[corrected.root];
  if (root.net + c.amount < 0) {
    fail(
      'CORRECTION_BELOW_ZERO',
      `정정 후 금액이 0원보다 작아집니다 (현재 ${root.net.toLocaleString('ko-KR')}원, 정정 ${c.amount.toLocaleString('ko-KR')}원).`,
      'amount',
      { amount: c.amount, net: root.net },
    );
  }
  return [
    {
      type: 'BudgetExecutionRecorded',
      data: {
        planId: c.planId,
        centerId: state.centerId,
        entryId: c.entryId,
        executedOn: c.executedOn,
        year: corrected.year,
        source,
        amount: c.amount,
        purpose,
        corrects: c.corrects,
      },
    },
  ];
}

/** A budget plan (stream `budget-plan-<planId>`): the secured amounts per year and source, their amendments, and execution entries. */
export const budgetPlanDecider: Decider<BudgetPlanCommand, BudgetPlanState, BudgetEvent> = {
  initialState: () => ({ defined: false, revision: 0, entries: {} }),

  evolve(state, event) {
    switch (event.type) {
      case 'BudgetPlanDefined':
      case 'BudgetPlanAmended': {
        const { name, fromYear, toYear, decimals, lines, centerId } = event.data;
        const revision = event.type === 'BudgetPlanAmended' ? event.data.revision : 1;
        return { ...state, defined: true, centerId, revision, plan: { name, fromYear, toYear, decimals, lines } };
      }
      case 'BudgetExecutionRecorded': {
        const { entryId, executedOn, year, source, amount, corrects } = event.data;
        const root = corrects ? (state.entries[corrects]?.root ?? corrects) : entryId;
        const entries = { ...state.entries, [entryId]: { executedOn, year, source, net: corrects ? 0 : amount, root } };
        if (corrects && entries[root]) entries[root] = { ...entries[root], net: entries[root].net + amount };
        return { ...state, entries };
      }
      default: {
        const _exhaustive: never = event;
        return state;
      }
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'DefineBudgetPlan':
        return define(command, state);
      case 'AmendBudgetPlan':
        return amend(command, state);
      case 'RecordBudgetExecution':
        return record(command, state);
    }
  },
};
