import type { StoredEvent } from '@saeil/event-store';
import {
  BudgetExecutionRecordedV1,
  BudgetPlanAmendedV1,
  BudgetPlanDefinedV1,
  PROGRAMS_CONTEXT,
  RetentionBenefitProvidedV1,
} from '@saeil/contracts';
import type { Projection, ProjectionContext } from '@saeil/projections';

/**
 * Budget plans as they stand, their revisions, execution entries, and the retention programs'
 * benefits by year and source (a program's plan has the program's id, so they join on it; a
 * benefit applied before its program's plan exists is kept and counts once the plan is defined).
 */
export const budgetPlansProjection: Projection = {
  name: 'budget-plans',
  tables: ['rm_budget_plans', 'rm_budget_plan_revisions', 'rm_budget_executions', 'rm_budget_program_benefits'],
  contexts: [PROGRAMS_CONTEXT],
  eventTypes: ['BudgetPlanDefined', 'BudgetPlanAmended', 'BudgetExecutionRecorded', 'RetentionBenefitProvided'],

  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    switch (event.type) {
      case 'RetentionBenefitProvided': {
        const d = event.data as unknown as RetentionBenefitProvidedV1;
        await ctx.query(
          `INSERT INTO ${ctx.table('rm_budget_program_benefits')} (program_id, client_id, n, year, source, amount, global_position)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (program_id, client_id, n) DO NOTHING`,
          [
            d.programId,
            d.clientId,
            d.n,
            Number(d.providedOn.slice(0, 4)),
            d.fundingSource,
            d.unitCost,
            event.globalPosition,
          ],
        );
        return;
      }
      case 'BudgetExecutionRecorded': {
        const d = event.data as unknown as BudgetExecutionRecordedV1;
        await ctx.query(
          `INSERT INTO ${ctx.table('rm_budget_executions')} (entry_id, plan_id, executed_on, year, source, amount, purpose, corrects, entered_by, recorded_at, global_position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (entry_id) DO NOTHING`,
          [
            d.entryId,
            d.planId,
            d.executedOn,
            d.year,
            d.source,
            d.amount,
            d.purpose,
            d.corrects ?? null,
            event.metadata.actorId,
            event.recordedAt,
            event.globalPosition,
          ],
        );
        await ctx.query(
          `UPDATE ${ctx.table('rm_budget_plans')} SET last_position = greatest(last_position, $2) WHERE plan_id = $1`,
          [d.planId, event.globalPosition],
        );
        return;
      }
      case 'BudgetPlanDefined':
      case 'BudgetPlanAmended': {
        const d = event.data as unknown as BudgetPlanDefinedV1 | BudgetPlanAmendedV1;
        const amended = event.type === 'BudgetPlanAmended' ? (d as BudgetPlanAmendedV1) : undefined;
        const revision = amended?.revision ?? 1;
        const defined = amended ? undefined : (d as BudgetPlanDefinedV1);
        const plans = ctx.table('rm_budget_plans');
        if (defined) {
          await ctx.query(
            `INSERT INTO ${plans} (plan_id, center_id, name, project_kind, program_id, from_year, to_year, decimals, revision, lines, last_position)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10) ON CONFLICT (plan_id) DO NOTHING`,
            [
              d.planId,
              d.centerId,
              d.name,
              defined.projectKind,
              defined.programId ?? null,
              d.fromYear,
              d.toYear,
              d.decimals,
              JSON.stringify(d.lines),
              event.globalPosition,
            ],
          );
        } else {
          await ctx.query(
            `UPDATE ${plans} SET name = $2, from_year = $3, to_year = $4, decimals = $5, lines = $6, revision = $7, last_position = greatest(last_position, $8)
              WHERE plan_id = $1 AND revision < $7`,
            [
              d.planId,
              d.name,
              d.fromYear,
              d.toYear,
              d.decimals,
              JSON.stringify(d.lines),
              revision,
              event.globalPosition,
            ],
          );
        }
        await ctx.query(
          `INSERT INTO ${ctx.table('rm_budget_plan_revisions')} (plan_id, revision, amended_on, reason, name, from_year, to_year, decimals, lines, actor_id, recorded_at, global_position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (plan_id, revision) DO NOTHING`,
          [
            d.planId,
            revision,
            amended?.amendedOn ?? null,
            amended?.reason ?? null,
            d.name,
            d.fromYear,
            d.toYear,
            d.decimals,
            JSON.stringify(d.lines),
            event.metadata.actorId,
            event.recordedAt,
            event.globalPosition,
          ],
        );
        return;
      }
    }
  },
};
