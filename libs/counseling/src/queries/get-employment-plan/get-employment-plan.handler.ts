import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@saeil/core';
import { EventStore } from '@saeil/event-store';
import { counselingStreamId } from '@saeil/contracts';
import type { EmploymentPlanContent, EmploymentPlanRevisedV1, EmploymentPlanSetV1 } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { GetEmploymentPlanQuery } from './get-employment-plan.query';

export interface EmploymentPlanView extends EmploymentPlanContent {
  clientId: string;
  planId: string;
  centerId: string;
  counselorId: string;
  setOn: string;
  /** Day of the last change: the setting or the latest revision. */
  lastChangedOn: string;
  /** Oldest first: what changed, why, when. */
  revisions: Omit<EmploymentPlanRevisedV1, 'clientId' | 'planId'>[];
}

/** Her current plan with its history of revisions, folded from her counseling stream. */
@QueryHandler(GetEmploymentPlanQuery)
export class GetEmploymentPlanHandler implements IQueryHandler<GetEmploymentPlanQuery, EmploymentPlanView> {
  constructor(private readonly store: EventStore) {}

  async execute({ clientId }: GetEmploymentPlanQuery): Promise<EmploymentPlanView> {
    const { state } = await loadCase(this.store, clientId);
    if (!state.exists) throw new NotFound('구직자', clientId);
    let plan: EmploymentPlanView | undefined;
    for (const event of await this.store.readStream(counselingStreamId(clientId))) {
      if (event.type === 'EmploymentPlanSet') {
        const set = event.data as unknown as EmploymentPlanSetV1;
        plan = { ...set, lastChangedOn: set.setOn, revisions: [] };
      } else if (event.type === 'EmploymentPlanRevised' && plan) {
        const { clientId: _c, planId: _p, ...revision } = event.data as unknown as EmploymentPlanRevisedV1;
        plan = {
          ...plan,
          ...revision.changes,
          lastChangedOn: revision.revisedOn,
          revisions: [...plan.revisions, revision],
        };
      }
    }
    if (!plan) throw new NotFound('취업지원계획(구직자)', clientId);
    return plan;
  }
}
