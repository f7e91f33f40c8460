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

/** 재원: 국비, 도비·시비 (provincial), 시·군·구비 (municipal), 기타. */
export const FUNDING_SOURCES = ['national', 'provincial', 'municipal', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

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

export type ProgramsEvent = RetentionProgramDefined | RetentionProgramAmended | RetentionBenefitProvided;

export const PROGRAMS_EVENT_TYPES = ['RetentionProgramDefined', 'RetentionProgramAmended', 'RetentionBenefitProvided'] as const satisfies readonly ProgramsEvent['type'][];

const milestone = s.object({
  n: { type: 'integer', enum: [...PROGRAM_MILESTONES], description: 'months after the start date (1, 2, 3)' },
  plannedClients: s.integer('계획 인원', { minimum: 0 }),
  benefit: s.string('지원 내용', { minLength: 1 }),
  unitCost: s.integer('1인당 단가 (KRW)', { minimum: 0 }),
});

const budgetLine = s.object({
  source: s.enum(FUNDING_SOURCES, 'national (국비) | provincial (도비·시비) | municipal (시·군·구비) | other (기타)'),
  amount: s.integer('확보액 (KRW)', { minimum: 0 }),
});

const plan = {
  programId: s.uuid(),
  centerId: s.string(),
  name: s.string('프로그램명', { minLength: 1 }),
  periodFrom: s.date('사업 기간 시작'),
  periodTo: s.date('사업 기간 끝'),
  milestones: { ...s.array(milestone, 'clients planned per milestone, with the benefit and its unit cost'), minItems: 1 },
  budget: s.array(budgetLine, 'secured budget by funding source (each source at most once)'),
};

export const PROGRAMS_CONTRACTS: EventContract[] = [
  {
    type: 'RetentionProgramDefined',
    context: PROGRAMS_CONTEXT,
    version: 1,
    summary: '사후관리 프로그램 수립 — a retention program with its period, clients planned per milestone, benefits and budget by funding source',
    payload: s.object(plan),
  },
  {
    type: 'RetentionProgramAmended',
    context: PROGRAMS_CONTEXT,
    version: 1,
    summary: '사후관리 프로그램 변경 — the program plan or budget was amended (the whole new plan, with its revision)',
    payload: s.object({ ...plan, revision: s.integer('2 for the first amendment', { minimum: 2 }), amendedOn: s.date(), reason: s.string('변경 사유', { minLength: 1 }) }),
  },
  {
    type: 'RetentionBenefitProvided',
    context: PROGRAMS_CONTEXT,
    version: 1,
    summary: '사후관리 프로그램 지원 — a placed client received the program benefit at a milestone (beyond the plan only with an override)',
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
        overPlan: s.object({ reason: s.string('계획 초과 사유', { minLength: 1 }), plannedClients: s.integer(undefined, { minimum: 0 }), givenBefore: s.integer(undefined, { minimum: 0 }) }, [], 'explicit override: the milestone plan was full'),
      },
      ['note', 'overPlan'],
    ),
  },
];
