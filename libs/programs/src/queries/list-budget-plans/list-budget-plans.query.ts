export class ListBudgetPlansQuery {
  constructor(
    readonly centerId: string,
    readonly minPosition?: number,
  ) {}
}
