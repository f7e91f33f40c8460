import { PLACEMENT_CONTEXT } from '@saeil/contracts';
import { Reactor } from '@saeil/runtime';
import { PLACEMENT_EVENTS_REACTED_TO, PLACEMENT_REACTIONS, reactToPlacementEvent } from './placement-reaction';

/**
 * Placement → follow-ups: an employment start schedules the 1/2/3-month follow-ups, an end closes
 * the milestones after it, a void cancels them. Each reaction carries an idempotency key made of
 * the causing event's id, so an event delivered twice (a crash before the checkpoint, Kafka
 * redelivery) appends nothing the second time; the decider also decides nothing twice. A
 * follow-up recorded before the reactor got there has run the same reactions already
 * (RecordFollowUpHandler): the reactor then finds their keys.
 */
export const placementReactions: Reactor = {
  name: PLACEMENT_REACTIONS,
  contexts: [PLACEMENT_CONTEXT],
  eventTypes: [...PLACEMENT_EVENTS_REACTED_TO],
  async react(event, services) {
    await reactToPlacementEvent(event, services.store, {
      daysBefore: services.config.FOLLOW_UP_WINDOW_DAYS_BEFORE,
      daysAfter: services.config.FOLLOW_UP_WINDOW_DAYS_AFTER,
    });
  },
};
