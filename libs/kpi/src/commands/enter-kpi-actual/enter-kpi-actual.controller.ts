import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { EnterKpiActualBody, EnterKpiActualDto } from './enter-kpi-actual.dto';
import { enterKpiActual } from './enter-kpi-actual.command';
import { EnterKpiActualResult } from './enter-kpi-actual.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('kpi')
@CommandRoute(enterKpiActual)
@Controller('kpi-plans/:planId/actuals')
export class EnterKpiActualController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(EnterKpiActualResult, { status: 201, duplicate: 200 })
  @ApiOperation({
    summary:
      "실적 입력: a year's or a quarter's actual of an indicator not mapped to a statistic (a later entry for the same period replaces it)",
  })
  @ApiBody({ type: EnterKpiActualBody })
  async enter(
    @Param('planId') planId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<EnterKpiActualResult> {
    const dto = dtoWithPathIds(EnterKpiActualDto, body, { planId });
    const result = await executeFromHttp<EnterKpiActualDto, EnterKpiActualResult>(
      this.commandBus,
      this.metrics,
      enterKpiActual,
      dto,
      req,
    );
    return result;
  }
}
