import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { RecordFollowUpBody, RecordFollowUpDto } from './record-follow-up.dto';
import { recordFollowUp } from './record-follow-up.command';
import { RecordFollowUpResult } from './record-follow-up.handler';

@ApiTags('retention')
@Controller('clients/:clientId/placements/:placementId/follow-ups')
export class RecordFollowUpController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: '사후관리 기록: the 1/2/3-month follow-up of a placement — contact, outcome, difficulties, support, program' })
  @ApiBody({ type: RecordFollowUpBody })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key returns the first result' })
  record(@Param('clientId') clientId: string, @Param('placementId') placementId: string, @Body() body: unknown, @Req() req: Request): Promise<RecordFollowUpResult> {
    const dto = dtoWithPathIds(RecordFollowUpDto, body, { clientId, placementId });
    return executeFromHttp<RecordFollowUpDto, RecordFollowUpResult>(this.commandBus, this.metrics, recordFollowUp, dto, req);
  }
}
