import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { CommandRoute } from '@saeil/identity';
import { AmendBudgetPlanBody, AmendBudgetPlanDto } from './amend-budget-plan.dto';
import { amendBudgetPlan } from './amend-budget-plan.command';
import { AmendBudgetPlanResult } from './amend-budget-plan.handler';

@ApiTags('programs')
@CommandRoute(amendBudgetPlan)
@Controller('budget-plans/:planId/amendments')
export class AmendBudgetPlanController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiAnswer(AmendBudgetPlanResult)
  @ApiOperation({
    summary:
      '예산 계획 변경: the whole new plan with amendedOn and reason (a new revision; the term must still hold the years executed)',
  })
  @ApiBody({ type: AmendBudgetPlanBody })
  amend(@Param('planId') planId: string, @Body() body: unknown, @Req() req: Request): Promise<AmendBudgetPlanResult> {
    const dto = dtoWithPathIds(AmendBudgetPlanDto, body, { planId });
    return executeFromHttp<AmendBudgetPlanDto, AmendBudgetPlanResult>(
      this.commandBus,
      this.metrics,
      amendBudgetPlan,
      dto,
      req,
    );
  }
}
