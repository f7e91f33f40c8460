import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, ApiErrors } from '@saeil/core';
import { RetentionStatisticsResponse } from '../statistics.response';
import { RetentionStatisticsDto } from './retention-statistics.dto';
import { RetentionStatisticsQuery } from './retention-statistics.query';
import type { RetentionStatistics } from './retention-statistics.handler';
import { disclosureFor, requireBoundedPeriod } from '../disclosure';
import { CurrentAccess, FIGURE_READERS, type RequestAccess, requireLevel, Roles } from '@saeil/identity';

@ApiTags('statistics')
@Roles(...FIGURE_READERS)
@Controller('statistics')
export class RetentionStatisticsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('retention')
  @ApiOperation({
    summary:
      '고용유지: eligible, same/other employer, not employed, unreachable, unverified and rates at months 1–3 for the placements started in the period',
  })
  @ApiAnswer(RetentionStatisticsResponse)
  @ApiErrors(404)
  retention(
    @Query() filter: RetentionStatisticsDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<RetentionStatisticsResponse> {
    requireBoundedPeriod(filter);
    requireLevel(access, filter.level, filter.id);
    return this.queryBus.execute<RetentionStatisticsQuery, RetentionStatistics>(
      new RetentionStatisticsQuery(filter, disclosureFor(access)),
    );
  }
}
