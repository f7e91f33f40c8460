import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import type { Request, Response } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { DefineKpiPlanDto } from './define-kpi-plan.dto';
import { defineKpiPlan } from './define-kpi-plan.command';
import { DefineKpiPlanResult } from './define-kpi-plan.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('kpi')
@CommandRoute(defineKpiPlan)
@Controller('kpi-plans')
export class DefineKpiPlanController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(DefineKpiPlanResult, { status: 201, duplicate: 200 })
  @ApiOperation({
    summary:
      '확인지표 계획: term years and indicators (unit, yearly/quarterly targets, cumulative column, weight, statistic mapping)',
  })
  async define(
    @Body() body: DefineKpiPlanDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DefineKpiPlanResult> {
    const result = await executeFromHttp<DefineKpiPlanDto, DefineKpiPlanResult>(
      this.commandBus,
      this.metrics,
      defineKpiPlan,
      body,
      req,
    );
    res.setHeader('Location', `/kpi-plans/${result.planId}/achievement`);
    return result;
  }
}
