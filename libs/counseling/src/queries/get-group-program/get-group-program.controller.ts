import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import { requireUuidParam } from '../../support/http-input';
import { GroupProgramViewResponse } from '../counseling.response';
import { GetGroupProgramQuery } from './get-group-program.query';
import { GroupProgramView } from './get-group-program.handler';
import { CASE_READERS, Roles, ScopedRecords } from '@saeil/identity';

@ApiTags('counseling')
@Roles(...CASE_READERS)
@ScopedRecords({ kind: 'groupProgram', param: 'programId' })
@Controller('group-programs/:programId')
export class GetGroupProgramController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'A group program with its sessions and attendance (연인원, walk-ins, distinct clients)' })
  @ApiAnswer(GroupProgramViewResponse)
  get(@Param('programId') programId: string): Promise<GroupProgramViewResponse> {
    return this.queryBus.execute<GetGroupProgramQuery, GroupProgramView>(
      new GetGroupProgramQuery(requireUuidParam('programId', programId)),
    );
  }
}
