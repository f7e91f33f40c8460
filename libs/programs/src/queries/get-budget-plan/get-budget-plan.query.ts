export class GetBudgetPlanQuery {
  constructor(
    readonly planId: string,
    readonly minPosition?: number,
  ) {}
}
