import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import { StatisticsCentersResponse } from '../statistics.response';
import { StatisticsCentersDto } from './statistics-centers.dto';
import { StatisticsCentersQuery } from './statistics-centers.query';
import type { StatisticsCenter } from './statistics-centers.handler';
import { FIGURE_READERS, Roles } from '@saeil/identity';

@ApiTags('statistics')
@Roles(...FIGURE_READERS)
@Controller('statistics')
export class StatisticsCentersController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('centers')
  @ApiOperation({
    summary: 'The centers a scope rolls up (the directory, and any center seen in a record under 미지정)',
  })
  @ApiAnswer(StatisticsCentersResponse)
  centers(@Query() filter: StatisticsCentersDto): Promise<StatisticsCentersResponse> {
    return this.queryBus.execute<StatisticsCentersQuery, { centers: StatisticsCenter[] }>(
      new StatisticsCentersQuery(filter),
    );
  }
}
