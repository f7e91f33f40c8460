import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiAnswer } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { CommandRoute } from '@saeil/identity';
import { DefineBudgetPlanDto } from './define-budget-plan.dto';
import { defineBudgetPlan } from './define-budget-plan.command';
import { DefineBudgetPlanResult } from './define-budget-plan.handler';

@ApiTags('programs')
@CommandRoute(defineBudgetPlan)
@Controller('budget-plans')
export class DefineBudgetPlanController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(DefineBudgetPlanResult, { status: 201, duplicate: 200 })
  @ApiOperation({
    summary:
      '예산 계획 수립: KRW secured per year and funding source, for a retention program (programId) or a project of the center',
  })
  async define(
    @Body() body: DefineBudgetPlanDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DefineBudgetPlanResult> {
    const result = await executeFromHttp<DefineBudgetPlanDto, DefineBudgetPlanResult>(
      this.commandBus,
      this.metrics,
      defineBudgetPlan,
      body,
      req,
    );
    res.setHeader('Location', `/budget-plans/${result.planId}`);
    return result;
  }
}
