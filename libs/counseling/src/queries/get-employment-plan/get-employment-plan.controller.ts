import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessLogged } from '@saeil/access-log';
import { ApiAnswer } from '@saeil/core';
import { requireUuidParam } from '../../support/http-input';
import { EmploymentPlanViewResponse } from '../counseling.response';
import { GetEmploymentPlanQuery } from './get-employment-plan.query';
import { EmploymentPlanView } from './get-employment-plan.handler';
import { CASE_READERS, Roles, ScopedRecords } from '@saeil/identity';

@ApiTags('counseling')
@Roles(...CASE_READERS)
@ScopedRecords({ kind: 'client', param: 'clientId' })
@Controller('clients/:clientId/employment-plan')
export class GetEmploymentPlanController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @AccessLogged('read.client-record', { subject: 'clientId' })
  @ApiOperation({ summary: 'Her current employment plan with its revisions (404 when none is set yet)' })
  @ApiAnswer(EmploymentPlanViewResponse)
  get(@Param('clientId') clientId: string): Promise<EmploymentPlanViewResponse> {
    return this.queryBus.execute<GetEmploymentPlanQuery, EmploymentPlanView>(
      new GetEmploymentPlanQuery(requireUuidParam('clientId', clientId)),
    );
  }
}
