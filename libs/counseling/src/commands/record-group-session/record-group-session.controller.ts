import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { RecordGroupSessionBody, RecordGroupSessionDto } from './record-group-session.dto';
import { recordGroupSession } from './record-group-session.command';
import { RecordGroupSessionResult } from './record-group-session.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('counseling')
@CommandRoute(recordGroupSession)
@Controller('group-programs/:programId/sessions')
export class RecordGroupSessionController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(RecordGroupSessionResult, { status: 201, duplicate: 200 })
  @ApiOperation({ summary: '집단상담 회차 기록: record a session of a group program with its attendance' })
  @ApiBody({ type: RecordGroupSessionBody })
  async record(
    @Param('programId') programId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<RecordGroupSessionResult> {
    const dto = dtoWithPathIds(RecordGroupSessionDto, body, { programId });
    const result = await executeFromHttp<RecordGroupSessionDto, RecordGroupSessionResult>(
      this.commandBus,
      this.metrics,
      recordGroupSession,
      dto,
      req,
    );
    return result;
  }
}
