import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SaeilConfig } from '@saeil/config';
import { NotFound, todayInKorea } from '@saeil/core';
import { ReadModelConsistency } from '@saeil/projections';
import { kpiPlansProjection } from '../../projections/kpi-plans.projection';
import { KpiAchievements } from './kpi-achievements';
import { KpiAchievementQuery } from './kpi-achievement.query';
import { PlanAchievementView } from './plan-achievement';

export interface KpiAchievementAnswer extends PlanAchievementView {
  consistency?: { minPosition: number; reached: boolean };
}

@QueryHandler(KpiAchievementQuery)
export class KpiAchievementHandler implements IQueryHandler<KpiAchievementQuery, KpiAchievementAnswer> {
  constructor(
    private readonly achievements: KpiAchievements,
    private readonly consistency: ReadModelConsistency,
    private readonly config: SaeilConfig,
  ) {}

  async execute({ planId, options }: KpiAchievementQuery): Promise<KpiAchievementAnswer> {
    const consistency = options.minPosition
      ? { minPosition: options.minPosition, reached: await this.consistency.waitFor(kpiPlansProjection, options.minPosition, this.config.MAX_CONSISTENCY_WAIT_MS) }
      : undefined;
    const view = await this.achievements.ofPlan(planId, options.asOfDate ?? todayInKorea(), options.decimals ?? 2);
    if (!view) throw new NotFound('확인지표 계획', planId);
    return { ...view, ...(consistency ? { consistency } : {}) };
  }
}
