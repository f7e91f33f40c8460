import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessLogged } from '@saeil/access-log';
import { ApiAnswer } from '@saeil/core';
import { requireUuidParam } from '../../support/http-input';
import { CounselingSessionPageResponse } from '../counseling.response';
import { ListCounselingSessionsDto } from './list-counseling-sessions.dto';
import { ListCounselingSessionsQuery } from './list-counseling-sessions.query';
import { CounselingSessionPage } from './list-counseling-sessions.handler';
import { CASE_READERS, Roles, ScopedRecords } from '@saeil/identity';

@ApiTags('counseling')
@Roles(...CASE_READERS)
@ScopedRecords({ kind: 'client', param: 'clientId' })
@Controller('clients/:clientId/counseling-sessions')
export class ListCounselingSessionsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @AccessLogged('read.client-record', { subject: 'clientId' })
  @ApiOperation({ summary: 'Her individual counseling sessions, newest first, paged' })
  @ApiAnswer(CounselingSessionPageResponse)
  list(
    @Param('clientId') clientId: string,
    @Query() paging: ListCounselingSessionsDto,
  ): Promise<CounselingSessionPageResponse> {
    return this.queryBus.execute<ListCounselingSessionsQuery, CounselingSessionPage>(
      new ListCounselingSessionsQuery(requireUuidParam('clientId', clientId), paging),
    );
  }
}
