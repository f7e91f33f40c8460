import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { StartEmploymentBody, StartEmploymentDto } from './start-employment.dto';
import { startEmployment } from './start-employment.command';
import { StartEmploymentResult } from './start-employment.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('placement')
@CommandRoute(startEmployment)
@Controller('clients/:clientId/placements')
export class StartEmploymentController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(StartEmploymentResult, { status: 201, duplicate: 200 })
  @ApiOperation({ summary: '취업 기록: she started a job (not while another placement is active)' })
  @ApiBody({ type: StartEmploymentBody })
  async start(
    @Param('clientId') clientId: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StartEmploymentResult> {
    const dto = dtoWithPathIds(StartEmploymentDto, body, { clientId });
    const result = await executeFromHttp<StartEmploymentDto, StartEmploymentResult>(
      this.commandBus,
      this.metrics,
      startEmployment,
      dto,
      req,
    );
    res.setHeader('Location', `/clients/${clientId}/placements`);
    return result;
  }
}
