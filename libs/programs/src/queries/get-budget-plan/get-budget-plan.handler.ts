import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@saeil/core';
import { BudgetPlanDetailView, BudgetViews } from '../budget-views';
import { GetBudgetPlanQuery } from './get-budget-plan.query';

export interface BudgetPlanAnswer extends BudgetPlanDetailView {
  consistency?: { minPosition: number; reached: boolean };
}

@QueryHandler(GetBudgetPlanQuery)
export class GetBudgetPlanHandler implements IQueryHandler<GetBudgetPlanQuery, BudgetPlanAnswer> {
  constructor(private readonly views: BudgetViews) {}

  async execute({ planId, minPosition }: GetBudgetPlanQuery): Promise<BudgetPlanAnswer> {
    const consistency = await this.views.consistent(minPosition);
    const view = await this.views.detail(planId);
    if (!view) throw new NotFound('예산 계획', planId);
    return { ...view, ...(consistency ? { consistency } : {}) };
  }
}
