import { EventStore, foldStream, StoredEvent } from '@saeil/event-store';
import { budgetPlanStreamId } from '@saeil/contracts';
import { BudgetPlanState, budgetPlanDecider } from '../domain/budget-plan.decider';

/** A budget plan's stream, read once: its commands act for the plan's center and decide on the same history (unknown: 404 from the decider). */
export async function readBudgetPlan(
  store: EventStore,
  planId: string,
): Promise<{ history: StoredEvent[]; state: BudgetPlanState }> {
  const history = await store.readStream(budgetPlanStreamId(planId));
  return { history, state: foldStream(budgetPlanDecider, history) };
}
