import { NotFound, requireInOrder, requireNotInFuture, RuleViolation } from '@saeil/core';
import type { Decider } from '@saeil/core';
import type {
  FundingSource,
  ProgramBudgetLine,
  ProgramMilestone,
  ProgramMilestonePlan,
  ProgramsEvent,
} from '@saeil/contracts';
import { CaseState, requireOpenCase } from '@saeil/intake/domain';
import type { PlacementFacts } from './placed-client';

/** Far above any program a basic center runs: what is above it is a typing error (an extra zero). */
export const MAX_PLANNED_CLIENTS = 100_000;
export const MAX_UNIT_COST = 10_000_000;
export const MAX_BUDGET_AMOUNT = 100_000_000_000;

/** The plan and budget a supervisor defines or amends (the whole of it each time). */
export interface ProgramPlan {
  name: string;
  periodFrom: string;
  periodTo: string;
  milestones: ProgramMilestonePlan[];
  budget: ProgramBudgetLine[];
}

export interface DefineRetentionProgram extends ProgramPlan {
  type: 'DefineRetentionProgram';
  programId: string;
  centerId: string;
}

export interface AmendRetentionProgram extends ProgramPlan {
  type: 'AmendRetentionProgram';
  programId: string;
  amendedOn: string;
  reason: string;
  today: string;
}

export interface ProvideRetentionBenefit {
  type: 'ProvideRetentionBenefit';
  programId: string;
  clientId: string;
  placementId: string;
  n: ProgramMilestone;
  providedOn: string;
  fundingSource: FundingSource;
  note?: string;
  /** The supervisor's explicit override for a milestone whose plan is full. */
  overPlan?: { reason: string };
  /** Her case (from `loadCase`). */
  case: CaseState;
  /** The placement named, from her placements stream (undefined when it is not hers). */
  placement?: PlacementFacts;
  today: string;
}

export type RetentionProgramCommand = DefineRetentionProgram | AmendRetentionProgram | ProvideRetentionBenefit;

export interface MilestoneUse {
  /** Benefits given at the milestone, over-plan ones included. */
  given: number;
  overPlan: number;
}

export interface RetentionProgramState {
  defined: boolean;
  centerId?: string;
  revision: number;
  plan?: ProgramPlan;
  use: Record<ProgramMilestone, MilestoneUse>;
  /** `${clientId}:${n}` of every benefit given: one per client per milestone. */
  benefits: Record<string, true>;
  /** Earliest and latest benefit dates: an amended period must still hold them. */
  firstProvidedOn?: string;
  lastProvidedOn?: string;
}

const benefitKey = (clientId: string, n: number) => `${clientId}:${n}`;

function requirePlan(plan: ProgramPlan): ProgramPlan {
  const name = plan.name.trim();
  if (!name) throw new RuleViolation('NAME_REQUIRED', '프로그램명을 입력하세요.');
  requireInOrder('periodFrom', plan.periodFrom, 'periodTo', plan.periodTo);
  if (plan.milestones.length === 0)
    throw new RuleViolation('PROGRAM_MILESTONES_REQUIRED', '지원할 차수(1·2·3개월)를 하나 이상 입력하세요.');
  const seen = new Set<number>();
  for (const m of plan.milestones) {
    if (![1, 2, 3].includes(m.n))
      throw new RuleViolation('MILESTONE_INVALID', `차수는 1, 2, 3개월 중 하나여야 합니다: ${m.n}`, { n: m.n });
    if (seen.has(m.n))
      throw new RuleViolation('MILESTONE_DUPLICATED', `${m.n}개월 차 계획이 두 번 입력되었습니다.`, { n: m.n });
    seen.add(m.n);
    if (!(Number.isInteger(m.plannedClients) && m.plannedClients >= 0 && m.plannedClients <= MAX_PLANNED_CLIENTS)) {
      throw new RuleViolation(
        'PLANNED_CLIENTS_INVALID',
        `${m.n}개월 차 계획 인원은 0–${MAX_PLANNED_CLIENTS}명의 정수여야 합니다.`,
        { n: m.n, plannedClients: m.plannedClients },
      );
    }
    if (!(Number.isInteger(m.unitCost) && m.unitCost >= 0 && m.unitCost <= MAX_UNIT_COST)) {
      throw new RuleViolation(
        'UNIT_COST_INVALID',
        `${m.n}개월 차 단가는 0–${MAX_UNIT_COST.toLocaleString('ko-KR')}원의 정수여야 합니다.`,
        { n: m.n, unitCost: m.unitCost },
      );
    }
    if (!m.benefit.trim())
      throw new RuleViolation('BENEFIT_REQUIRED', `${m.n}개월 차 지원 내용을 입력하세요.`, { n: m.n });
  }
  const sources = new Set<string>();
  for (const line of plan.budget) {
    if (sources.has(line.source))
      throw new RuleViolation('FUNDING_SOURCE_DUPLICATED', `재원 ${line.source}이(가) 두 번 입력되었습니다.`, {
        source: line.source,
      });
    sources.add(line.source);
    if (!(Number.isInteger(line.amount) && line.amount >= 0 && line.amount <= MAX_BUDGET_AMOUNT)) {
      throw new RuleViolation('BUDGET_AMOUNT_INVALID', `재원 ${line.source}의 금액은 0 이상의 정수(원)여야 합니다.`, {
        source: line.source,
        amount: line.amount,
      });
    }
  }
  return {
    name,
    periodFrom: plan.periodFrom,
    periodTo: plan.periodTo,
    milestones: [...plan.milestones]
      .sort((a, b) => a.n - b.n)
      .map((m) => ({ n: m.n, plannedClients: m.plannedClients, benefit: m.benefit.trim(), unitCost: m.unitCost })),
    budget: plan.budget.map((line) => ({ source: line.source, amount: line.amount })),
  };
}

function requireDefined(
  state: RetentionProgramState,
  programId: string,
): asserts state is RetentionProgramState & { centerId: string; plan: ProgramPlan } {
  if (!state.defined || !state.plan || !state.centerId) throw new NotFound('사후관리 프로그램', programId);
}

function define(c: DefineRetentionProgram, state: RetentionProgramState): ProgramsEvent[] {
  if (state.defined)
    throw new RuleViolation('PROGRAM_ALREADY_DEFINED', '이미 수립된 사후관리 프로그램입니다.', {
      programId: c.programId,
    });
  return [
    { type: 'RetentionProgramDefined', data: { programId: c.programId, centerId: c.centerId, ...requirePlan(c) } },
  ];
}

function amend(c: AmendRetentionProgram, state: RetentionProgramState): ProgramsEvent[] {
  requireDefined(state, c.programId);
  requireNotInFuture('amendedOn', c.amendedOn, c.today);
  const reason = c.reason.trim();
  if (!reason) throw new RuleViolation('REASON_REQUIRED', '변경 사유를 입력하세요.');
  const plan = requirePlan(c);
  // What was given stays true: the amended plan must still hold every benefit given within the plan.
  for (const n of [1, 2, 3] as const) {
    const { given, overPlan } = state.use[n];
    if (given === 0) continue;
    const milestone = plan.milestones.find((m) => m.n === n);
    if (!milestone)
      throw new RuleViolation(
        'PROGRAM_MILESTONE_IN_USE',
        `${n}개월 차 지원이 이미 ${given}건 있어 계획에서 뺄 수 없습니다.`,
        { n, given },
      );
    if (milestone.plannedClients < given - overPlan) {
      throw new RuleViolation(
        'PROGRAM_PLAN_BELOW_GIVEN',
        `${n}개월 차 계획 인원(${milestone.plannedClients}명)이 이미 계획 안에서 지원한 인원(${given - overPlan}명)보다 적습니다.`,
        {
          n,
          plannedClients: milestone.plannedClients,
          givenWithinPlan: given - overPlan,
        },
      );
    }
  }
  if (
    state.firstProvidedOn &&
    (plan.periodFrom > state.firstProvidedOn || plan.periodTo < (state.lastProvidedOn as string))
  ) {
    throw new RuleViolation(
      'PROGRAM_PERIOD_EXCLUDES_BENEFITS',
      `변경한 기간이 이미 지원한 날짜(${state.firstProvidedOn} ~ ${state.lastProvidedOn})를 포함하지 않습니다.`,
      {
        periodFrom: plan.periodFrom,
        periodTo: plan.periodTo,
        firstProvidedOn: state.firstProvidedOn,
        lastProvidedOn: state.lastProvidedOn,
      },
    );
  }
  return [
    {
      type: 'RetentionProgramAmended',
      data: {
        programId: c.programId,
        centerId: state.centerId,
        ...plan,
        revision: state.revision + 1,
        amendedOn: c.amendedOn,
        reason,
      },
    },
  ];
}

function provide(c: ProvideRetentionBenefit, state: RetentionProgramState): ProgramsEvent[] {
  requireDefined(state, c.programId);
  requireOpenCase(c.case, c.clientId, ['service']);
  if (c.case.centerId !== state.centerId) {
    throw new RuleViolation(
      'PROGRAM_OTHER_CENTER',
      `다른 센터(${c.case.centerId})의 구직자는 이 센터(${state.centerId})의 프로그램으로 지원할 수 없습니다.`,
      { clientCenterId: c.case.centerId, programCenterId: state.centerId },
    );
  }
  if (!c.placement) throw new NotFound('취업 기록', c.placementId);
  if (c.placement.status === 'voided')
    throw new RuleViolation('PLACEMENT_VOIDED', '취소된 취업 기록입니다.', { placementId: c.placementId });
  requireNotInFuture('providedOn', c.providedOn, c.today);
  requireInOrder('startOn', c.placement.startOn, 'providedOn', c.providedOn);
  const { plan } = state;
  if (c.providedOn < plan.periodFrom || c.providedOn > plan.periodTo) {
    throw new RuleViolation(
      'BENEFIT_OUTSIDE_PROGRAM_PERIOD',
      `지원일(${c.providedOn})이 사업 기간(${plan.periodFrom} ~ ${plan.periodTo}) 밖입니다.`,
      { providedOn: c.providedOn, periodFrom: plan.periodFrom, periodTo: plan.periodTo },
    );
  }
  const milestone = plan.milestones.find((m) => m.n === c.n);
  if (!milestone)
    throw new RuleViolation('MILESTONE_NOT_IN_PROGRAM', `이 프로그램에는 ${c.n}개월 차 지원이 없습니다.`, {
      n: c.n,
      milestones: plan.milestones.map((m) => m.n),
    });
  if (state.benefits[benefitKey(c.clientId, c.n)])
    throw new RuleViolation('BENEFIT_ALREADY_PROVIDED', `이 구직자는 이미 ${c.n}개월 차 지원을 받았습니다.`, {
      clientId: c.clientId,
      n: c.n,
    });

  const givenBefore = state.use[c.n].given;
  const full = givenBefore >= milestone.plannedClients;
  const reason = c.overPlan?.reason.trim();
  if (full && !reason) {
    throw new RuleViolation(
      'PROGRAM_PLAN_EXCEEDED',
      `${c.n}개월 차 계획 인원(${milestone.plannedClients}명)이 모두 지원되었습니다. 계획을 넘겨 지원하려면 사유를 적어 초과 승인하세요.`,
      {
        n: c.n,
        plannedClients: milestone.plannedClients,
        given: givenBefore,
      },
    );
  }
  const note = c.note?.trim();
  return [
    {
      type: 'RetentionBenefitProvided',
      data: {
        programId: c.programId,
        centerId: state.centerId,
        clientId: c.clientId,
        placementId: c.placementId,
        n: c.n,
        benefit: milestone.benefit,
        unitCost: milestone.unitCost,
        fundingSource: c.fundingSource,
        providedOn: c.providedOn,
        ...(note ? { note } : {}),
        // An override is recorded only where it was needed: within the plan it would be noise.
        ...(full
          ? { overPlan: { reason: reason as string, plannedClients: milestone.plannedClients, givenBefore } }
          : {}),
      },
    },
  ];
}

const noUse = (): Record<ProgramMilestone, MilestoneUse> => ({
  1: { given: 0, overPlan: 0 },
  2: { given: 0, overPlan: 0 },
  3: { given: 0, overPlan: 0 },
});

/** A retention program (stream `retention-program-<programId>`): its plan, budget and the benefits given. */
export const retentionProgramDecider: Decider<RetentionProgramCommand, RetentionProgramState, ProgramsEvent> = {
  initialState: () => ({ defined: false, revision: 0, use: noUse(), benefits: {} }),

  evolve(state, event) {
    switch (event.type) {
      case 'RetentionProgramDefined':
      case 'RetentionProgramAmended': {
        const { name, periodFrom, periodTo, milestones, budget, centerId } = event.data;
        const revision = event.type === 'RetentionProgramAmended' ? event.data.revision : 1;
        return {
          ...state,
          defined: true,
          centerId,
          revision,
          plan: { name, periodFrom, periodTo, milestones, budget },
        };
      }
      case 'RetentionBenefitProvided': {
        const { clientId, n, providedOn, overPlan } = event.data;
        const use = {
          ...state.use,
          [n]: { given: state.use[n].given + 1, overPlan: state.use[n].overPlan + (overPlan ? 1 : 0) },
        };
        return {
          ...state,
          use,
          benefits: { ...state.benefits, [benefitKey(clientId, n)]: true },
          firstProvidedOn:
            !state.firstProvidedOn || providedOn < state.firstProvidedOn ? providedOn : state.firstProvidedOn,
          lastProvidedOn:
            !state.lastProvidedOn || providedOn > state.lastProvidedOn ? providedOn : state.lastProvidedOn,
        };
      }
      default:
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'DefineRetentionProgram':
        return define(command, state);
      case 'AmendRetentionProgram':
        return amend(command, state);
      case 'ProvideRetentionBenefit':
        return provide(command, state);
    }
  },
};
