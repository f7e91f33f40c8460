import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListRetentionProgramsDto } from './list-retention-programs.dto';
import { ListRetentionProgramsQuery } from './list-retention-programs.query';
import { RetentionProgramList } from './list-retention-programs.handler';
import { ApiAnswer, ApiErrors, NotFound } from '@saeil/core';
import { RetentionProgramListResponse } from '../program.response';
import { CASE_READERS, CurrentAccess, type RequestAccess, Roles } from '@saeil/identity';

@ApiTags('programs')
@Roles(...CASE_READERS)
@Controller('retention-programs')
export class ListRetentionProgramsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: "A center's retention programs with utilization and budget execution, newest period first" })
  @ApiAnswer(RetentionProgramListResponse)
  @ApiErrors(404)
  list(
    @Query() query: ListRetentionProgramsDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<RetentionProgramListResponse> {
    if (!access.coversCenter(query.centerId)) throw new NotFound('센터', query.centerId);
    return this.queryBus.execute<ListRetentionProgramsQuery, RetentionProgramList>(
      new ListRetentionProgramsQuery(query.centerId, query.minPosition),
    );
  }
}
