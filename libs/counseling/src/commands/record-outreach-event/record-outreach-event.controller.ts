import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import type { Request, Response } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { RecordOutreachEventDto } from './record-outreach-event.dto';
import { recordOutreachEvent } from './record-outreach-event.command';
import { RecordOutreachEventResult } from './record-outreach-event.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('counseling')
@CommandRoute(recordOutreachEvent)
@Controller('outreach-events')
export class RecordOutreachEventController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(RecordOutreachEventResult, { status: 201, duplicate: 200 })
  @ApiOperation({ summary: '찾아가는 이동상담 기록: a mobile outreach event at a named place, with walk-in contacts counted' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key returns the first result' })
  async record(@Body() body: RecordOutreachEventDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<RecordOutreachEventResult> {
    const result = await executeFromHttp<RecordOutreachEventDto, RecordOutreachEventResult>(this.commandBus, this.metrics, recordOutreachEvent, body, req);
    if (result.duplicate) res.status(200);
    return result;
  }
}
