import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import { TimelinePageResponse } from '../case-views.response';
import { AccessLogged } from '@saeil/access-log';
import { CaseTimelineDto } from './case-timeline.dto';
import { CaseTimelineQuery } from './case-timeline.query';
import { TimelinePage } from './case-timeline.handler';
import { CASE_READERS, Roles, ScopedRecords } from '@saeil/identity';

@ApiTags('cases')
@Roles(...CASE_READERS)
@ScopedRecords({ kind: 'client', param: 'clientId' })
@Controller('cases')
export class CaseTimelineController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':clientId/timeline')
  @AccessLogged('read.timeline', { subject: 'clientId' })
  @ApiOperation({ summary: "A case's whole history across contexts, newest first: who, what, when" })
  @ApiAnswer(TimelinePageResponse)
  timeline(@Param('clientId') clientId: string, @Query() page: CaseTimelineDto): Promise<TimelinePageResponse> {
    return this.queryBus.execute<CaseTimelineQuery, TimelinePage>(new CaseTimelineQuery(clientId, page));
  }
}
