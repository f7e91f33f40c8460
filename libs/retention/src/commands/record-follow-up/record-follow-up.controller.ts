import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { RecordFollowUpBody, RecordFollowUpDto } from './record-follow-up.dto';
import { recordFollowUp } from './record-follow-up.command';
import { RecordFollowUpResult } from './record-follow-up.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('retention')
@CommandRoute(recordFollowUp)
@Controller('clients/:clientId/placements/:placementId/follow-ups')
export class RecordFollowUpController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(RecordFollowUpResult, { status: 201, duplicate: 200 })
  @ApiOperation({
    summary:
      '사후관리 기록: the 1/2/3-month follow-up of a placement — contact, outcome, difficulties, support, program',
  })
  @ApiBody({ type: RecordFollowUpBody })
  async record(
    @Param('clientId') clientId: string,
    @Param('placementId') placementId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<RecordFollowUpResult> {
    const dto = dtoWithPathIds(RecordFollowUpDto, body, { clientId, placementId });
    const result = await executeFromHttp<RecordFollowUpDto, RecordFollowUpResult>(
      this.commandBus,
      this.metrics,
      recordFollowUp,
      dto,
      req,
    );
    // A repeated Idempotency-Key created nothing now: 200 with the first answer.
    return result;
  }
}
