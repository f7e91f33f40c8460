import type { StoredEvent } from '@saeil/event-store';
import { KPI_CONTEXT, KpiActualEnteredV1, KpiPlanDefinedV1 } from '@saeil/contracts';
import type { Projection, ProjectionContext } from '@saeil/projections';

/** KPI plans and their entered actuals, each row with the position it was written at (as-of reads). */
export const kpiPlansProjection: Projection = {
  name: 'kpi-plans',
  tables: ['rm_kpi_plans', 'rm_kpi_actuals'],
  contexts: [KPI_CONTEXT],
  eventTypes: ['KpiPlanDefined', 'KpiActualEntered'],

  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    if (event.type === 'KpiPlanDefined') {
      const d = event.data as unknown as KpiPlanDefinedV1;
      await ctx.query(
        `INSERT INTO ${ctx.table('rm_kpi_plans')} (plan_id, center_id, name, from_year, to_year, indicators, decimals, global_position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (plan_id) DO NOTHING`,
        [
          d.planId,
          d.centerId,
          d.name,
          d.fromYear,
          d.toYear,
          JSON.stringify(d.indicators),
          d.decimals ?? null,
          event.globalPosition,
        ],
      );
      return;
    }
    const d = event.data as unknown as KpiActualEnteredV1;
    await ctx.query(
      `INSERT INTO ${ctx.table('rm_kpi_actuals')} (plan_id, global_position, indicator_id, year, quarter, value, entered_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (plan_id, global_position) DO NOTHING`,
      [d.planId, event.globalPosition, d.indicatorId, d.year, d.quarter ?? 0, d.value, d.enteredOn],
    );
  },
};
