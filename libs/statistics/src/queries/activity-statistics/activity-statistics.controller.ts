import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, ApiErrors } from '@saeil/core';
import { ActivityStatisticsResponse } from '../statistics.response';
import { StatisticsSnapshotReadDto } from '../statistics-read.dto';
import { ActivityStatisticsQuery } from './activity-statistics.query';
import type { ActivityStatistics } from './activity-statistics.handler';
import { disclosureFor, requireBoundedPeriod } from '../disclosure';
import { CurrentAccess, FIGURE_READERS, type RequestAccess, requireLevel, Roles } from '@saeil/identity';

@ApiTags('statistics')
@Roles(...FIGURE_READERS)
@Controller('statistics')
export class ActivityStatisticsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('activity')
  @ApiOperation({
    summary:
      '활동: counseling sessions by channel, group-program attendances, outreach, agreements, council meetings, job fairs, post-management beneficiaries',
  })
  @ApiAnswer(ActivityStatisticsResponse)
  @ApiErrors(404)
  activity(
    @Query() filter: StatisticsSnapshotReadDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<ActivityStatisticsResponse> {
    requireBoundedPeriod(filter);
    requireLevel(access, filter.level, filter.id);
    return this.queryBus.execute<ActivityStatisticsQuery, ActivityStatistics>(
      new ActivityStatisticsQuery(filter, disclosureFor(access)),
    );
  }
}
