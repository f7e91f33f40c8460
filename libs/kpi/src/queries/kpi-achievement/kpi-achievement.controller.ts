import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import { KpiAchievementResponse } from './kpi-achievement.response';
import { KpiAchievementDto } from './kpi-achievement.dto';
import { KpiAchievementQuery } from './kpi-achievement.query';
import { KpiAchievementAnswer } from './kpi-achievement.handler';
import { CurrentAccess, REPORT_READERS, type RequestAccess, Roles, ScopedRecords } from '@saeil/identity';

@ApiTags('kpi')
@Roles(...REPORT_READERS)
@ScopedRecords({ kind: 'kpiPlan', param: 'planId' })
@Controller('kpi-plans')
export class KpiAchievementController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':planId/achievement')
  @ApiOperation({
    summary:
      '이행률: per indicator cumulative actual ÷ term target × 100 and the overall (weighted) mean, unrounded and for display. Above the center (regional supervisor, Ministry analyst) small person counts are suppressed as in the statistics (disclosure: suppressed)',
  })
  @ApiAnswer(KpiAchievementResponse)
  achievement(
    @Param('planId') planId: string,
    @Query() options: KpiAchievementDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<KpiAchievementResponse> {
    // As the statistics reads: exact for the center's own staff, the Ministry's small-cell rule above it.
    const disclosure = access.scope.kind === 'center' ? 'exact' : 'suppressed';
    return this.queryBus.execute<KpiAchievementQuery, KpiAchievementAnswer>(
      new KpiAchievementQuery(planId, options, disclosure),
    );
  }
}
