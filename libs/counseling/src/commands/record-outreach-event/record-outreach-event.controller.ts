import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import type { Request } from 'express';
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
  @ApiOperation({
    summary: '찾아가는 이동상담 기록: a mobile outreach event at a named place, with walk-in contacts counted',
  })
  async record(@Body() body: RecordOutreachEventDto, @Req() req: Request): Promise<RecordOutreachEventResult> {
    const result = await executeFromHttp<RecordOutreachEventDto, RecordOutreachEventResult>(
      this.commandBus,
      this.metrics,
      recordOutreachEvent,
      body,
      req,
    );
    return result;
  }
}
