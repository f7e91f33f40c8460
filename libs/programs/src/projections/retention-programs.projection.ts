import type { StoredEvent } from '@saeil/event-store';
import {
  PROGRAMS_CONTEXT,
  RetentionBenefitProvidedV1,
  RetentionProgramAmendedV1,
  RetentionProgramDefinedV1,
} from '@saeil/contracts';
import type { Projection, ProjectionContext } from '@saeil/projections';

/** Each retention program's current plan and budget, and the benefits given (utilization, execution). */
export const retentionProgramsProjection: Projection = {
  name: 'retention-programs',
  tables: ['rm_retention_programs', 'rm_retention_program_benefits'],
  contexts: [PROGRAMS_CONTEXT],
  eventTypes: ['RetentionProgramDefined', 'RetentionProgramAmended', 'RetentionBenefitProvided'],

  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    if (event.type === 'RetentionBenefitProvided') {
      const d = event.data as unknown as RetentionBenefitProvidedV1;
      await ctx.query(
        `INSERT INTO ${ctx.table('rm_retention_program_benefits')}
           (program_id, client_id, n, placement_id, provided_on, funding_source, unit_cost, over_plan_reason, global_position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (program_id, client_id, n) DO NOTHING`,
        [
          d.programId,
          d.clientId,
          d.n,
          d.placementId,
          d.providedOn,
          d.fundingSource,
          d.unitCost,
          d.overPlan?.reason ?? null,
          event.globalPosition,
        ],
      );
      await ctx.query(
        `UPDATE ${ctx.table('rm_retention_programs')} SET last_position = greatest(last_position, $2) WHERE program_id = $1`,
        [d.programId, event.globalPosition],
      );
      return;
    }
    const d = event.data as unknown as RetentionProgramDefinedV1 | RetentionProgramAmendedV1;
    const revision = 'revision' in d ? d.revision : 1;
    await ctx.query(
      `INSERT INTO ${ctx.table('rm_retention_programs')} (program_id, center_id, name, period_from, period_to, revision, milestones, budget, last_position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (program_id) DO UPDATE SET center_id = $2, name = $3, period_from = $4, period_to = $5, revision = $6, milestones = $7, budget = $8,
         last_position = greatest(${ctx.table('rm_retention_programs')}.last_position, $9)
       WHERE ${ctx.table('rm_retention_programs')}.revision < $6`,
      [
        d.programId,
        d.centerId,
        d.name,
        d.periodFrom,
        d.periodTo,
        revision,
        JSON.stringify(d.milestones),
        JSON.stringify(d.budget),
        event.globalPosition,
      ],
    );
  },
};
