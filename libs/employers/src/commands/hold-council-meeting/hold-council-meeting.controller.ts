import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { HoldCouncilMeetingDto } from './hold-council-meeting.dto';
import { holdCouncilMeeting } from './hold-council-meeting.command';
import { CouncilMeetingResult } from './hold-council-meeting.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('employers')
@CommandRoute(holdCouncilMeeting)
@Controller('council-meetings')
export class HoldCouncilMeetingController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(CouncilMeetingResult, { status: 201, duplicate: 200 })
  @ApiOperation({
    summary: "협의체 회의: a women's-employment council meeting held (counted by the statistics and KPIs)",
  })
  async hold(@Body() body: HoldCouncilMeetingDto, @Req() req: Request): Promise<CouncilMeetingResult> {
    const result = await executeFromHttp<HoldCouncilMeetingDto, CouncilMeetingResult>(
      this.commandBus,
      this.metrics,
      holdCouncilMeeting,
      body,
      req,
    );
    return result;
  }
}
