export class GetEmploymentPlanQuery {
  constructor(readonly clientId: string) {}
}
