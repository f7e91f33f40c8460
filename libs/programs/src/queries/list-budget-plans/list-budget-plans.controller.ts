import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, ApiErrors, NotFound } from '@saeil/core';
import { CASE_READERS, CurrentAccess, type RequestAccess, Roles } from '@saeil/identity';
import { ListBudgetPlansDto } from './list-budget-plans.dto';
import { BudgetPlanListResponse } from '../budget.response';
import { ListBudgetPlansQuery } from './list-budget-plans.query';
import { BudgetPlanList } from './list-budget-plans.handler';

@ApiTags('programs')
@Roles(...CASE_READERS)
@Controller('budget-plans')
export class ListBudgetPlansController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: "A center's budget plans with their figures per year and for the term" })
  @ApiAnswer(BudgetPlanListResponse)
  @ApiErrors(404)
  list(@Query() query: ListBudgetPlansDto, @CurrentAccess() access: RequestAccess): Promise<BudgetPlanListResponse> {
    if (!access.coversCenter(query.centerId)) throw new NotFound('센터', query.centerId);
    return this.queryBus.execute<ListBudgetPlansQuery, BudgetPlanList>(
      new ListBudgetPlansQuery(query.centerId, query.minPosition),
    );
  }
}
