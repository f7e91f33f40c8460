import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { CommandRoute } from '@saeil/identity';
import { reassignCaseload } from './reassign-caseload.command';
import { ReassignCaseloadBody, ReassignCaseloadDto } from './reassign-caseload.dto';
import { ReassignmentReport } from './reassignment-report';

@ApiTags('intake')
@CommandRoute(reassignCaseload)
@Controller('counselors/:counselorId/reassignment')
export class ReassignCaseloadController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiAnswer(ReassignmentReport)
  @ApiOperation({
    summary: '담당 사례 일괄 재배정: move a counselor’s open cases (all, or clientIds) to counselors of her center',
    description:
      'Supervisor only. Each case moves by its own AssignCounselor (CounselorAssigned), her follow-up queue with it. Cases are given to the target carrying the fewest open cases at that moment (ties: the first named). The report lists each case moved, and each not moved with its reason (NOT_FOUND, CASE_CLOSED, CLIENT_DATA_ERASED, NOT_HERS, CHANGED_MEANWHILE). With an Idempotency-Key a retry answers the same report.',
  })
  @ApiBody({ type: ReassignCaseloadBody })
  reassign(
    @Param('counselorId') counselorId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<ReassignmentReport> {
    const dto = dtoWithPathIds(ReassignCaseloadDto, body, { counselorId });
    return executeFromHttp<ReassignCaseloadDto, ReassignmentReport>(
      this.commandBus,
      this.metrics,
      reassignCaseload,
      dto,
      req,
    );
  }
}
