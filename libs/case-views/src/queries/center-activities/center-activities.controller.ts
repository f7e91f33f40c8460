import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, ApiErrors, NotFound } from '@saeil/core';
import { CASE_READERS, CurrentAccess, type RequestAccess, Roles } from '@saeil/identity';
import { CenterActivitiesDto } from './center-activities.dto';
import { CenterActivitiesQuery } from './center-activities.query';
import { CenterActivitiesPageResponse } from './center-activities.response';

@ApiTags('center activities')
@Roles(...CASE_READERS)
@Controller('center-activities')
export class CenterActivitiesController {
  constructor(private readonly queryBus: QueryBus) {}

  // Names no woman (counts only), so no access-log line: like the retention programs' list.
  @Get()
  @ApiOperation({
    summary:
      "A center's courses, group programs, outreach, employers, agreements, job fairs and council meetings, newest first; by kind, paged",
  })
  @ApiAnswer(CenterActivitiesPageResponse)
  @ApiErrors(404)
  list(
    @Query() filter: CenterActivitiesDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<CenterActivitiesPageResponse> {
    if (!access.coversCenter(filter.centerId)) throw new NotFound('센터', filter.centerId);
    return this.queryBus.execute<CenterActivitiesQuery, CenterActivitiesPageResponse>(
      new CenterActivitiesQuery(filter),
    );
  }
}
