import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, ApiErrors } from '@saeil/core';
import { EmploymentStatisticsResponse } from '../statistics.response';
import { StatisticsSnapshotReadDto } from '../statistics-read.dto';
import { EmploymentStatisticsQuery } from './employment-statistics.query';
import type { EmploymentStatistics } from './employment-statistics.handler';
import { disclosureFor, requireBoundedPeriod } from '../disclosure';
import { CurrentAccess, FIGURE_READERS, type RequestAccess, requireLevel, Roles } from '@saeil/identity';

@ApiTags('statistics')
@Roles(...FIGURE_READERS)
@Controller('statistics')
export class EmploymentStatisticsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('employment')
  @ApiOperation({
    summary:
      '취업: clients registered, employed clients, placements by employment type, occupation group, wage band and channel; training completers and employment rate; internship conversions; startups',
  })
  @ApiAnswer(EmploymentStatisticsResponse)
  @ApiErrors(404)
  employment(
    @Query() filter: StatisticsSnapshotReadDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<EmploymentStatisticsResponse> {
    requireBoundedPeriod(filter);
    requireLevel(access, filter.level, filter.id);
    return this.queryBus.execute<EmploymentStatisticsQuery, EmploymentStatistics>(
      new EmploymentStatisticsQuery(filter, disclosureFor(access)),
    );
  }
}
