/**
 * Public event contracts of the programs context (topic `saeil.programs.events.v1`): retention
 * programs (사후관리 프로그램, e.g. "같이하는 고백(go 100)"): their plan (clients per milestone, the
 * benefit and its unit cost), their budget by funding source, and the benefits given.
 *
 * One stream per program, `retention-program-<programId>`: every benefit goes through it, so the
 * plan's capacity per milestone is strict under concurrency (the stream's optimistic concurrency).
 * An amendment carries the whole new plan and budget with its revision number; each benefit
 * carries the unit cost it was given at, so budget execution never changes when a plan is amended.
 */
import { EventContract, s } from './contract';

export const PROGRAMS_CONTEXT = 'programs';

export const retentionProgramStreamId = (programId: string): string => `retention-program-${programId}`;

/**
 * 재원, as Korean budgets name them: 국비 (national), 시·도비 (provincial: the 특별시·광역시·도's
 * share — Seoul's 시비, 전라남도's 도비), 시·군·구비 (municipal: the 시·군·구's share — Seoul's 구비,
 * 나주시's 시비), 기타. The local name depends on the center's region (budget-labels.ts in programs).
 */
export const FUNDING_SOURCES = ['national', 'provincial', 'municipal', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  national: '국비',
  provincial: '시·도비',
  municipal: '시·군·구비',
  other: '기타',
};

/** Retention milestones (months after the start date) a program can support. */
export const PROGRAM_MILESTONES = [1, 2, 3] as const;
export type ProgramMilestone = (typeof PROGRAM_MILESTONES)[number];

export interface ProgramMilestonePlan {
  n: ProgramMilestone;
  /** Planned number of clients supported at this milestone (e.g. 100 / 70 / 50). */
  plannedClients: number;
  /** What she receives, e.g. '축하 기념품', '장기근속 격려금'. */
  benefit: string;
  /** KRW per client. */
  unitCost: number;
}

export interface ProgramBudgetLine {
  source: FundingSource;
  /** KRW secured (확보액). */
  amount: number;
}

/** The program's plan and budget as defined or amended (the whole of it). */
export interface RetentionProgramPlanV1 {
  programId: string;
  centerId: string;
  name: string;
  periodFrom: string;
  periodTo: string;
  milestones: ProgramMilestonePlan[];
  budget: ProgramBudgetLine[];
}

export type RetentionProgramDefinedV1 = RetentionProgramPlanV1;

export interface RetentionProgramAmendedV1 extends RetentionProgramPlanV1 {
  /** 2 for the first amendment (the definition is revision 1). */
  revision: number;
  amendedOn: string;
  reason: string;
}

export interface RetentionBenefitProvidedV1 {
  programId: string;
  centerId: string;
  clientId: string;
  placementId: string;
  n: ProgramMilestone;
  /** The plan's benefit and unit cost at the time it was given (budget execution). */
  benefit: string;
  unitCost: number;
  fundingSource: FundingSource;
  providedOn: string;
  note?: string;
  /** Present when the plan for this milestone was already full: the supervisor's explicit override. */
  overPlan?: { reason: string; plannedClients: number; givenBefore: number };
}

export type RetentionProgramDefined = { type: 'RetentionProgramDefined'; data: RetentionProgramDefinedV1 };
export type RetentionProgramAmended = { type: 'RetentionProgramAmended'; data: RetentionProgramAmendedV1 };
export type RetentionBenefitProvided = { type: 'RetentionBenefitProvided'; data: RetentionBenefitProvidedV1 };

/*
 * Budget plans (연도별 투자 계획, seed 000) and their execution (집행액). One stream per plan,
 * `budget-plan-<planId>`; the plan of a retention program has the program's id, so a program has
 * at most one and its benefits count as executed in it. Every amount is whole KRW (원): a plan
 * stated in 백만원 is entered × 1,000,000. An execution entry is never edited: a correction is
 * another entry naming the one it corrects (`corrects`), negative to take some back.
 */
export const budgetPlanStreamId = (planId: string): string => `budget-plan-${planId}`;

/** An execution entry's source: a funding source, or `unsplit` when the record gives the total only. */
export const EXECUTION_SOURCES = [...FUNDING_SOURCES, 'unsplit'] as const;
export type ExecutionSource = (typeof EXECUTION_SOURCES)[number];

/** What the plan belongs to: a retention program (planId = programId), or a project of the center without milestones. */
export const BUDGET_PROJECT_KINDS = ['retention_program', 'project'] as const;
export type BudgetProjectKind = (typeof BUDGET_PROJECT_KINDS)[number];

export interface BudgetLine {
  year: number;
  source: FundingSource;
  /** KRW secured (확보액) for this year from this source. */
  amount: number;
}

export interface BudgetPlanV1 {
  planId: string;
  centerId: string;
  /** 사업명, e.g. '여성새로일하기센터 기능강화'. */
  name: string;
  projectKind: BudgetProjectKind;
  /** Set when projectKind is retention_program (equals planId). */
  programId?: string;
  fromYear: number;
  toYear: number;
  /** Decimals of the execution rates shown (seed 000: 1, "41.9"). */
  decimals: number;
  lines: BudgetLine[];
}

export type BudgetPlanDefinedV1 = BudgetPlanV1;

export interface BudgetPlanAmendedV1 extends Omit<BudgetPlanV1, 'projectKind' | 'programId'> {
  /** 2 for the first amendment (the definition is revision 1). */
  revision: number;
  amendedOn: string;
  reason: string;
}

export interface BudgetExecutionRecordedV1 {
  planId: string;
  centerId: string;
  entryId: string;
  /** 집행일 (a correction: the day it was corrected). */
  executedOn: string;
  /** The budget year it counts in: executedOn's, or for a correction the corrected entry's. */
  year: number;
  source: ExecutionSource;
  /** KRW; positive, or for a correction any non-zero amount (the entry with its corrections never below 0). */
  amount: number;
  /** 집행 내역: what it paid for (a correction: why). */
  purpose: string;
  /** The entry this one corrects. */
  corrects?: string;
}

export type BudgetPlanDefined = { type: 'BudgetPlanDefined'; data: BudgetPlanDefinedV1 };
export type BudgetPlanAmended = { type: 'BudgetPlanAmended'; data: BudgetPlanAmendedV1 };
export type BudgetExecutionRecorded = { type: 'BudgetExecutionRecorded'; data: BudgetExecutionRecordedV1 };

export type BudgetEvent = BudgetPlanDefined | BudgetPlanAmended | BudgetExecutionRecorded;

export type ProgramsEvent = RetentionProgramDefined | RetentionProgramAmended | RetentionBenefitProvided | BudgetEvent;

export const PROGRAMS_EVENT_TYPES = [
  'RetentionProgramDefined',
  'RetentionProgramAmended',
  'RetentionBenefitProvided',
  'BudgetPlanDefined',
  'BudgetPlanAmended',
  'BudgetExecutionRecorded',
] as const satisfies readonly ProgramsEvent['type'][];

const FUNDING_SOURCE_DESCRIPTION =
  "national (국비) | provincial (시·도비: 도비, or a 특별시·광역시's 시비) | municipal (시·군·구비: 시비·군비·구비) | other (기타)";

const milestone = s.object({
  n: { type: 'integer', enum: [...PROGRAM_MILESTONES], description: 'months after the start date (1, 2, 3)' },
  plannedClients: s.integer('계획 인원', { minimum: 0 }),
  benefit: s.string('지원 내용', { minLength: 1 }),
  unitCost: s.integer('1인당 단가 (KRW)', { minimum: 0 }),
});

const budgetLine = s.object({
  source: s.enum(FUNDING_SOURCES, FUNDING_SOURCE_DESCRIPTION),
  amount: s.integer('확보액 (KRW)', { minimum: 0 }),
});

const plan = {
  programId: s.uuid(),
  centerId: s.string(),
  name: s.string('프로그램명', { minLength: 1 }),
  periodFrom: s.date('사업 기간 시작'),
  periodTo: s.date('사업 기간 끝'),
  milestones: {
    ...s.array(milestone, 'clients planned per milestone, with the benefit and its unit cost'),
    minItems: 1,
  },
  budget: s.array(budgetLine, 'secured budget by funding source (each source at most once)'),
};

const budgetPlan = {
  planId: s.uuid(),
  centerId: s.string(),
  name: s.string('사업명', { minLength: 1 }),
  fromYear: s.integer('first plan year', { minimum: 2000, maximum: 2100 }),
  toYear: s.integer('last plan year', { minimum: 2000, maximum: 2100 }),
  decimals: s.integer('decimals of the execution rates shown', { minimum: 0, maximum: 3 }),
  lines: s.array(
    s.object({
      year: s.integer(undefined, { minimum: 2000, maximum: 2100 }),
      source: s.enum(FUNDING_SOURCES, FUNDING_SOURCE_DESCRIPTION),
      amount: s.integer('확보액 (KRW)', { minimum: 0 }),
    }),
    'KRW secured per year and funding source (each pair at most once)',
  ),
};

export const PROGRAMS_CONTRACTS: EventContract[] = [
  {
    type: 'RetentionProgramDefined',
    context: PROGRAMS_CONTEXT,
    version: 1,
    summary:
      '사후관리 프로그램 수립 — a retention program with its period, clients planned per milestone, benefits and budget by funding source',
    payload: s.object(plan),
  },
  {
    type: 'RetentionProgramAmended',
    context: PROGRAMS_CONTEXT,
    version: 1,
    summary: '사후관리 프로그램 변경 — the program plan or budget was amended (the whole new plan, with its revision)',
    payload: s.object({
      ...plan,
      revision: s.integer('2 for the first amendment', { minimum: 2 }),
      amendedOn: s.date(),
      reason: s.string('변경 사유', { minLength: 1 }),
    }),
  },
  {
    type: 'RetentionBenefitProvided',
    context: PROGRAMS_CONTEXT,
    version: 1,
    summary:
      '사후관리 프로그램 지원 — a placed client received the program benefit at a milestone (beyond the plan only with an override)',
    payload: s.object(
      {
        programId: s.uuid(),
        centerId: s.string(),
        clientId: s.uuid(),
        placementId: s.uuid(),
        n: { type: 'integer', enum: [...PROGRAM_MILESTONES], description: 'milestone (months after the start date)' },
        benefit: s.string('지원 내용', { minLength: 1 }),
        unitCost: s.integer('단가 (KRW) at the time', { minimum: 0 }),
        fundingSource: s.enum(FUNDING_SOURCES),
        providedOn: s.date('지원일'),
        note: s.string(),
        overPlan: s.object(
          {
            reason: s.string('계획 초과 사유', { minLength: 1 }),
            plannedClients: s.integer(undefined, { minimum: 0 }),
            givenBefore: s.integer(undefined, { minimum: 0 }),
          },
          [],
          'explicit override: the milestone plan was full',
        ),
      },
      ['note', 'overPlan'],
    ),
  },
  {
    type: 'BudgetPlanDefined',
    context: PROGRAMS_CONTEXT,
    version: 1,
    summary:
      '예산 계획 수립 — a budget plan of a retention program or another project: KRW secured per year and funding source',
    payload: s.object(
      {
        ...budgetPlan,
        projectKind: s.enum(BUDGET_PROJECT_KINDS),
        programId: s.uuid('the retention program (= planId)'),
      },
      ['programId'],
    ),
  },
  {
    type: 'BudgetPlanAmended',
    context: PROGRAMS_CONTEXT,
    version: 1,
    summary:
      '예산 계획 변경 — the whole new budget plan, with its revision, date and reason (earlier revisions stay in history)',
    payload: s.object({
      ...budgetPlan,
      revision: s.integer('2 for the first amendment', { minimum: 2 }),
      amendedOn: s.date('변경일'),
      reason: s.string('변경 사유', { minLength: 1 }),
    }),
  },
  {
    type: 'BudgetExecutionRecorded',
    context: PROGRAMS_CONTEXT,
    version: 1,
    summary: '예산 집행 — an execution entry (집행액) against a budget plan, or a correction of one (never an edit)',
    payload: s.object(
      {
        planId: s.uuid(),
        centerId: s.string(),
        entryId: s.uuid(),
        executedOn: s.date('집행일'),
        year: s.integer('budget year it counts in', { minimum: 2000, maximum: 2100 }),
        source: s.enum(EXECUTION_SOURCES, 'a funding source, or unsplit (the record gives the total only)'),
        amount: s.integer('KRW (a correction may be negative)'),
        purpose: s.string('집행 내역', { minLength: 1 }),
        corrects: s.uuid('the entry this one corrects'),
      },
      ['corrects'],
    ),
  },
];
