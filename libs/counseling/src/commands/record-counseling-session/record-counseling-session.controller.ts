import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { RecordCounselingSessionBody, RecordCounselingSessionDto } from './record-counseling-session.dto';
import { recordCounselingSession } from './record-counseling-session.command';
import { RecordCounselingSessionResult } from './record-counseling-session.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('counseling')
@CommandRoute(recordCounselingSession)
@Controller('clients/:clientId/counseling-sessions')
export class RecordCounselingSessionController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(RecordCounselingSessionResult, { status: 201, duplicate: 200 })
  @ApiOperation({
    summary: '개별상담 기록: record an individual counseling session (needs an open case with the service consent)',
  })
  @ApiBody({ type: RecordCounselingSessionBody })
  async record(
    @Param('clientId') clientId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<RecordCounselingSessionResult> {
    const dto = dtoWithPathIds(RecordCounselingSessionDto, body, { clientId });
    const result = await executeFromHttp<RecordCounselingSessionDto, RecordCounselingSessionResult>(
      this.commandBus,
      this.metrics,
      recordCounselingSession,
      dto,
      req,
    );
    return result;
  }
}
