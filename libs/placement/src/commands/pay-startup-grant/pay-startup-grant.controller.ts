import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { StartupResult } from '../start-startup/start-startup.handler';
import { PayStartupGrantBody, PayStartupGrantDto } from './pay-startup-grant.dto';
import { payStartupGrant } from './pay-startup-grant.command';
import { CommandRoute } from '@saeil/identity';

@ApiTags('placement')
@CommandRoute(payStartupGrant)
@Controller('clients/:clientId/startups/:startupId/grants')
export class PayStartupGrantController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(StartupResult, { status: 201, duplicate: 200 })
  @ApiOperation({
    summary:
      '창업 마케팅비 지급: within the cap per team and the number of teams per center and year (config/startup-support.json)',
  })
  @ApiBody({ type: PayStartupGrantBody })
  async pay(
    @Param('clientId') clientId: string,
    @Param('startupId') startupId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<StartupResult> {
    const dto = dtoWithPathIds(PayStartupGrantDto, body, { clientId, startupId });
    const result = await executeFromHttp<PayStartupGrantDto, StartupResult>(
      this.commandBus,
      this.metrics,
      payStartupGrant,
      dto,
      req,
    );
    return result;
  }
}
