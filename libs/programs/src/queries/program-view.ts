import type { FundingSource, ProgramBudgetLine, ProgramMilestone, ProgramMilestonePlan } from '@saeil/contracts';
import { FUNDING_SOURCES } from '@saeil/contracts';

/** One milestone's use of the plan. Percentages are unrounded; null when nothing was planned. */
export interface MilestoneUtilization {
  n: ProgramMilestone;
  benefit: string;
  unitCost: number;
  planned: number;
  given: number;
  /** Given with an explicit override because the plan was full. */
  overPlan: number;
  /** given ÷ planned × 100 (may pass 100 with overrides). */
  utilization: number | null;
}

export interface BudgetExecution {
  source: FundingSource;
  /** KRW secured (확보액). */
  secured: number;
  /** KRW executed (집행액): the unit costs of the benefits paid from this source, as given. */
  executed: number;
  remaining: number;
  /** executed ÷ secured × 100; null when nothing was secured. */
  executionRate: number | null;
}

export interface RetentionProgramView {
  programId: string;
  centerId: string;
  name: string;
  periodFrom: string;
  periodTo: string;
  revision: number;
  milestones: MilestoneUtilization[];
  budget: BudgetExecution[];
  totals: {
    planned: number;
    given: number;
    overPlan: number;
    secured: number;
    executed: number;
    remaining: number;
    executionRate: number | null;
  };
}

export interface ProgramRow {
  program_id: string;
  center_id: string;
  name: string;
  period_from: string;
  period_to: string;
  revision: number;
  milestones: ProgramMilestonePlan[];
  budget: ProgramBudgetLine[];
}

/** Benefits of one program summed by milestone and funding source (from SQL). */
export interface BenefitSum {
  n: number;
  funding_source: string;
  given: number;
  over_plan: number;
  executed: number;
}

// × 100 before ÷, as the KPI figures do: 7 × 100 / 10 is exactly 70.
const percent = (part: number, whole: number): number | null => (whole > 0 ? (part * 100) / whole : null);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Utilization per milestone against the current plan and execution per funding source. */
export function programView(row: ProgramRow, sums: BenefitSum[]): RetentionProgramView {
  const milestones = row.milestones.map((m): MilestoneUtilization => {
    const at = sums.filter((s) => s.n === m.n);
    const given = sum(at.map((s) => s.given));
    return {
      n: m.n,
      benefit: m.benefit,
      unitCost: m.unitCost,
      planned: m.plannedClients,
      given,
      overPlan: sum(at.map((s) => s.over_plan)),
      utilization: percent(given, m.plannedClients),
    };
  });
  // Every source that has a budget line or was charged, in the fixed order 국비, 시·도비, 시·군·구비, 기타.
  const budget = FUNDING_SOURCES.filter(
    (source) => row.budget.some((l) => l.source === source) || sums.some((s) => s.funding_source === source),
  ).map((source): BudgetExecution => {
    const secured = row.budget.find((l) => l.source === source)?.amount ?? 0;
    const executed = sum(sums.filter((s) => s.funding_source === source).map((s) => s.executed));
    return { source, secured, executed, remaining: secured - executed, executionRate: percent(executed, secured) };
  });
  const secured = sum(budget.map((b) => b.secured));
  const executed = sum(budget.map((b) => b.executed));
  return {
    programId: row.program_id,
    centerId: row.center_id,
    name: row.name,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    revision: row.revision,
    milestones,
    budget,
    totals: {
      planned: sum(milestones.map((m) => m.planned)),
      given: sum(milestones.map((m) => m.given)),
      overPlan: sum(milestones.map((m) => m.overPlan)),
      secured,
      executed,
      remaining: secured - executed,
      executionRate: percent(executed, secured),
    },
  };
}
