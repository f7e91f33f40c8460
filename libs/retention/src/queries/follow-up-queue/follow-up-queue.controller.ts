import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessLogged } from '@saeil/access-log';
import { ApiAnswer } from '@saeil/core';
import { FollowUpQueueResponse } from '../follow-up-queue.response';
import { FollowUpQueueDto } from './follow-up-queue.dto';
import { FollowUpQueueQuery } from './follow-up-queue.query';
import { FollowUpQueue } from './follow-up-queue.handler';
import { CASE_READERS, CurrentAccess, type RequestAccess, Roles } from '@saeil/identity';

@ApiTags('retention')
@Roles(...CASE_READERS)
@Controller('follow-ups/queue')
export class FollowUpQueueController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @AccessLogged('read.follow-up-queue', {
    subject: (q) =>
      [...(q as FollowUpQueue).dueThisWeek, ...(q as FollowUpQueue).overdue, ...(q as FollowUpQueue).upcoming].map(
        (i) => i.clientId,
      ),
  })
  @ApiOperation({
    summary:
      "A counselor's follow-up work queue: due this week, overdue, upcoming (client, employer, milestone, window)",
  })
  @ApiAnswer(FollowUpQueueResponse)
  find(@Query() filter: FollowUpQueueDto, @CurrentAccess() access: RequestAccess): Promise<FollowUpQueueResponse> {
    return this.queryBus.execute<FollowUpQueueQuery, FollowUpQueue>(new FollowUpQueueQuery(filter, access.centerIds()));
  }
}
