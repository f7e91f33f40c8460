import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessLogged } from '@saeil/access-log';
import { FollowUpQueueByCounselorDto } from './follow-up-queue-by-counselor.dto';
import { FollowUpQueueByCounselorQuery } from './follow-up-queue-by-counselor.query';
import { FollowUpQueueByCounselor } from './follow-up-queue-by-counselor.handler';
import { ApiAnswer, ApiErrors, NotFound } from '@saeil/core';
import { FollowUpQueueByCounselorResponse } from '../follow-up-queue.response';
import { CASE_READERS, CurrentAccess, type RequestAccess, Roles } from '@saeil/identity';

@ApiTags('retention')
@Roles(...CASE_READERS)
@Controller('follow-ups/queue/by-counselor')
export class FollowUpQueueByCounselorController {
  constructor(private readonly queryBus: QueryBus) {}

  // Counts per counselor, no person named: one row, the filter in the route.
  @Get()
  @AccessLogged('read.follow-up-queue')
  @ApiOperation({ summary: "A supervisor's follow-up queue by counselor: due this week, overdue and upcoming counts" })
  @ApiAnswer(FollowUpQueueByCounselorResponse)
  @ApiErrors(404)
  find(
    @Query() filter: FollowUpQueueByCounselorDto,
    @CurrentAccess() access: RequestAccess,
  ): Promise<FollowUpQueueByCounselorResponse> {
    if (!access.coversCenter(filter.centerId)) throw new NotFound('센터', filter.centerId);
    return this.queryBus.execute<FollowUpQueueByCounselorQuery, FollowUpQueueByCounselor>(
      new FollowUpQueueByCounselorQuery(filter),
    );
  }
}
