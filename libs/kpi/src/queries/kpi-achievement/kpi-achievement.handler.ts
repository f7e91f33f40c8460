import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SaeilConfig } from '@saeil/config';
import { CLOCK, Clock, NotFound } from '@saeil/core';
import { ReadModelConsistency } from '@saeil/projections';
import { kpiPlansProjection } from '../../projections/kpi-plans.projection';
import { KpiAchievements } from './kpi-achievements';
import { KpiAchievementQuery } from './kpi-achievement.query';
import { PublishedPlanAchievementView, publishedAchievement } from './plan-achievement';

export interface KpiAchievementAnswer extends PublishedPlanAchievementView {
  /** The digits the display texts are rounded to. */
  decimals: number;
  consistency?: { minPosition: number; reached: boolean };
}

@QueryHandler(KpiAchievementQuery)
export class KpiAchievementHandler implements IQueryHandler<KpiAchievementQuery, KpiAchievementAnswer> {
  constructor(
    private readonly achievements: KpiAchievements,
    private readonly consistency: ReadModelConsistency,
    private readonly config: SaeilConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ planId, options, disclosure }: KpiAchievementQuery): Promise<KpiAchievementAnswer> {
    const consistency = options.minPosition
      ? {
          minPosition: options.minPosition,
          reached: await this.consistency.waitFor(
            kpiPlansProjection,
            options.minPosition,
            this.config.MAX_CONSISTENCY_WAIT_MS,
          ),
        }
      : undefined;
    // The decimals asked, else the plan's own, keep their zeros ("61.0"); none: up to 2, as seed 000 reads.
    const exact = await this.achievements.ofPlan(planId, options.asOfDate ?? this.clock.today(), options.decimals);
    if (!exact) throw new NotFound('확인지표 계획', planId);
    const view =
      disclosure === 'suppressed'
        ? { ...publishedAchievement(exact, this.config.SUPPRESSION_THRESHOLD), decimals: exact.decimals }
        : exact;
    return { ...view, ...(consistency ? { consistency } : {}) };
  }
}
