import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import { CASE_READERS, Roles, ScopedRecords } from '@saeil/identity';
import { BudgetPlanAnswerResponse } from '../budget.response';
import { ReadYourWritesDto } from '../read-your-writes.dto';
import { GetBudgetPlanQuery } from './get-budget-plan.query';
import { BudgetPlanAnswer } from './get-budget-plan.handler';

/** Read as retention programs are: the center's staff and its region's supervisor. */
@ApiTags('programs')
@Roles(...CASE_READERS)
@ScopedRecords({ kind: 'budgetPlan', param: 'planId' })
@Controller('budget-plans')
export class GetBudgetPlanController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':planId')
  @ApiOperation({
    summary:
      '예산 집행 현황: per year and for the whole term, secured / executed / remaining / execution rate per funding source and in total; amendment history; execution entries',
  })
  @ApiAnswer(BudgetPlanAnswerResponse)
  get(@Param('planId') planId: string, @Query() read: ReadYourWritesDto): Promise<BudgetPlanAnswerResponse> {
    return this.queryBus.execute<GetBudgetPlanQuery, BudgetPlanAnswer>(
      new GetBudgetPlanQuery(planId, read.minPosition),
    );
  }
}
