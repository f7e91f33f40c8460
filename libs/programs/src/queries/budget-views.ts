import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SaeilConfig } from '@saeil/config';
import { ReadModelConsistency } from '@saeil/projections';
import { CentersDirectory } from '@saeil/statistics';
import type { BudgetLine, ExecutionSource } from '@saeil/contracts';
import { fundingSourceNames } from '../domain/budget-labels';
import { budgetPlansProjection } from '../projections/budget-plans.projection';
import { budgetPlanFigures, BudgetPlanFiguresView, BudgetPlanRow, ExecutedSum } from './budget-view';

export interface BudgetRevisionView {
  /** 1 = the plan as defined. */
  revision: number;
  amendedOn: string | null;
  reason: string | null;
  name: string;
  fromYear: number;
  toYear: number;
  decimals: number;
  lines: BudgetLine[];
  /** KRW secured in all, in this revision. */
  secured: number;
  /** The account that defined or amended it. */
  actorId: string;
  recordedAt: string;
}

export interface BudgetExecutionEntryView {
  entryId: string;
  executedOn: string;
  year: number;
  source: ExecutionSource;
  amount: number;
  purpose: string;
  corrects: string | null;
  /** The entries that correct this one. */
  correctedBy: string[];
  /** The account that entered it. */
  enteredBy: string;
  recordedAt: string;
}

export interface BudgetPlanDetailView extends BudgetPlanFiguresView {
  /** Every revision, oldest first: the amendment history. */
  revisions: BudgetRevisionView[];
  /** Every execution entry and correction, in the order recorded. */
  entries: BudgetExecutionEntryView[];
  /** The number of the program's benefits counted (0 for a project of its own). */
  benefitsCounted: number;
}

/** Budget plans from the read model (after waiting for minPosition, when given), their figures named for the center's region. */
@Injectable()
export class BudgetViews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consistency: ReadModelConsistency,
    private readonly config: SaeilConfig,
    // Optional so the programs module starts without statistics: the sources are then named generally.
    @Optional() private readonly centers?: CentersDirectory,
  ) {}

  async consistent(minPosition: number | undefined): Promise<{ minPosition: number; reached: boolean } | undefined> {
    if (!minPosition) return undefined;
    return {
      minPosition,
      reached: await this.consistency.waitFor(budgetPlansProjection, minPosition, this.config.MAX_CONSISTENCY_WAIT_MS),
    };
  }

  async find(where: { planId?: string; centerId?: string }): Promise<BudgetPlanFiguresView[]> {
    const rows: BudgetPlanRow[] = await this.dataSource.query(
      `SELECT plan_id, center_id, name, project_kind, program_id, from_year::int AS from_year, to_year::int AS to_year, decimals::int AS decimals, revision, lines
         FROM rm_budget_plans
        WHERE ($1::uuid IS NULL OR plan_id = $1) AND ($2::text IS NULL OR center_id = $2)
        ORDER BY from_year DESC, name, plan_id`,
      [where.planId ?? null, where.centerId ?? null],
    );
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.plan_id);
    // Entries with their corrections (a correction counts in its entry's year), and a program plan's benefits.
    const sums: (ExecutedSum & { plan_id: string })[] = await this.dataSource.query(
      `SELECT plan_id, year::int AS year, source, 'entries' AS origin, sum(amount)::bigint AS amount
         FROM rm_budget_executions WHERE plan_id = ANY($1::uuid[]) GROUP BY plan_id, year, source
       UNION ALL
       SELECT program_id AS plan_id, year::int AS year, source, 'benefits' AS origin, sum(amount)::bigint AS amount
         FROM rm_budget_program_benefits WHERE program_id = ANY($1::uuid[]) GROUP BY program_id, year, source`,
      [ids],
    );
    return rows.map((row) =>
      budgetPlanFigures(
        row,
        sums
          .filter((s) => s.plan_id === row.plan_id)
          .map(({ year, source, origin, amount }) => ({ year, source, origin, amount: Number(amount) })),
        this.namesFor(row.center_id),
      ),
    );
  }

  async detail(planId: string): Promise<BudgetPlanDetailView | undefined> {
    const [view] = await this.find({ planId });
    if (!view) return undefined;
    const revisions: (Omit<BudgetRevisionView, 'secured'> & { lines: BudgetLine[] })[] = await this.dataSource.query(
      `SELECT revision, to_char(amended_on, 'YYYY-MM-DD') AS "amendedOn", reason, name, from_year::int AS "fromYear", to_year::int AS "toYear", decimals::int AS decimals, lines,
              actor_id AS "actorId", recorded_at AS "recordedAt"
         FROM rm_budget_plan_revisions WHERE plan_id = $1 ORDER BY revision`,
      [planId],
    );
    const entries: (Omit<BudgetExecutionEntryView, 'correctedBy' | 'amount'> & { amount: string })[] =
      await this.dataSource.query(
        `SELECT entry_id AS "entryId", to_char(executed_on, 'YYYY-MM-DD') AS "executedOn", year::int AS year, source, amount::text AS amount, purpose, corrects,
              entered_by AS "enteredBy", recorded_at AS "recordedAt"
         FROM rm_budget_executions WHERE plan_id = $1 ORDER BY global_position`,
        [planId],
      );
    const [{ counted }] = await this.dataSource.query(
      `SELECT count(*)::int AS counted FROM rm_budget_program_benefits WHERE program_id = $1`,
      [planId],
    );
    return {
      ...view,
      revisions: revisions.map((r) => ({
        ...r,
        recordedAt: new Date(r.recordedAt).toISOString(),
        secured: r.lines.reduce((a, l) => a + l.amount, 0),
      })),
      entries: entries.map((e) => ({
        ...e,
        amount: Number(e.amount),
        recordedAt: new Date(e.recordedAt).toISOString(),
        correctedBy: entries.filter((c) => c.corrects === e.entryId).map((c) => c.entryId),
      })),
      benefitsCounted: counted,
    };
  }

  private namesFor(centerId: string) {
    const center = this.centers?.get(centerId);
    return fundingSourceNames(center?.region, center?.municipality);
  }
}
