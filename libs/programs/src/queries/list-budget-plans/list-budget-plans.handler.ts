import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { BudgetPlanFiguresView } from '../budget-view';
import { BudgetViews } from '../budget-views';
import { ListBudgetPlansQuery } from './list-budget-plans.query';

export interface BudgetPlanList {
  centerId: string;
  plans: BudgetPlanFiguresView[];
  consistency?: { minPosition: number; reached: boolean };
}

@QueryHandler(ListBudgetPlansQuery)
export class ListBudgetPlansHandler implements IQueryHandler<ListBudgetPlansQuery, BudgetPlanList> {
  constructor(private readonly views: BudgetViews) {}

  async execute({ centerId, minPosition }: ListBudgetPlansQuery): Promise<BudgetPlanList> {
    const consistency = await this.views.consistent(minPosition);
    return { centerId, plans: await this.views.find({ centerId }), ...(consistency ? { consistency } : {}) };
  }
}
