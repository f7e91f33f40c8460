import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import { RetentionProgramAnswerResponse } from '../program.response';
import { ReadYourWritesDto } from '../read-your-writes.dto';
import { GetRetentionProgramQuery } from './get-retention-program.query';
import { RetentionProgramAnswer } from './get-retention-program.handler';
import { CASE_READERS, Roles, ScopedRecords } from '@saeil/identity';

@ApiTags('programs')
@Roles(...CASE_READERS)
@ScopedRecords({ kind: 'retentionProgram', param: 'programId' })
@Controller('retention-programs')
export class GetRetentionProgramController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':programId')
  @ApiOperation({
    summary:
      'A retention program: utilization per milestone against plan, over-plan count, budget secured / executed / remaining by funding source',
  })
  @ApiAnswer(RetentionProgramAnswerResponse)
  get(
    @Param('programId') programId: string,
    @Query() read: ReadYourWritesDto,
  ): Promise<RetentionProgramAnswerResponse> {
    return this.queryBus.execute<GetRetentionProgramQuery, RetentionProgramAnswer>(
      new GetRetentionProgramQuery(programId, read.minPosition),
    );
  }
}
