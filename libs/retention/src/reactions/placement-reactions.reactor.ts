import type { EmploymentEndedV1, EmploymentStartedV1, PlacementVoidedV1 } from '@saeil/contracts';
import { PLACEMENT_CONTEXT } from '@saeil/contracts';
import { NotFound } from '@saeil/core';
import type { EventMetadata, StoredEvent } from '@saeil/event-store';
import { loadCase } from '@saeil/intake';
import { Reactor, reactionKey, WorkerServices } from '@saeil/runtime';
import { FollowUpsCommand } from '../domain/follow-ups.decider';
import { decideFollowUps } from '../follow-ups/decide-follow-ups';

const NAME = 'retention-placement-reactions';

/** The system acts, on behalf of the center that recorded the placement event. */
function reactionMetadata(event: StoredEvent, centerId: string): EventMetadata {
  return {
    actorId: 'system:retention',
    centerId,
    correlationId: event.metadata.correlationId,
    causationId: event.eventId,
    occurredAt: event.metadata.occurredAt,
  };
}

async function commandFor(event: StoredEvent, services: WorkerServices): Promise<{ command: FollowUpsCommand; centerId: string }> {
  switch (event.type) {
    case 'EmploymentStarted': {
      const started = event.data as unknown as EmploymentStartedV1;
      // Her counselor and center at the time of the start, from her case: whose work queue the follow-ups land on.
      const { state } = await loadCase(services.store, started.clientId);
      if (!state.exists || !state.centerId || !state.counselorId) throw new NotFound('구직자', started.clientId);
      const window = { daysBefore: services.config.FOLLOW_UP_WINDOW_DAYS_BEFORE, daysAfter: services.config.FOLLOW_UP_WINDOW_DAYS_AFTER };
      return {
        command: { type: 'SchedulePlacementFollowUps', placement: { clientId: started.clientId, placementId: started.placementId, startOn: started.startOn }, centerId: state.centerId, counselorId: state.counselorId, window },
        centerId: state.centerId,
      };
    }
    case 'EmploymentEnded': {
      const ended = event.data as unknown as EmploymentEndedV1;
      return { command: { type: 'CloseForEmploymentEnd', placementId: ended.placementId, endedOn: ended.endedOn }, centerId: event.metadata.centerId };
    }
    case 'PlacementVoided': {
      const voided = event.data as unknown as PlacementVoidedV1;
      return { command: { type: 'CancelForVoidedPlacement', placementId: voided.placementId }, centerId: event.metadata.centerId };
    }
    default:
      throw new Error(`${NAME} does not handle ${event.type}`);
  }
}

/**
 * Placement → follow-ups: an employment start schedules the 1/2/3-month follow-ups, an end closes
 * the milestones after it, a void cancels them. Each reaction carries an idempotency key made of
 * the causing event's id, so an event delivered twice (a crash before the checkpoint, Kafka
 * redelivery) appends nothing the second time; the decider also decides nothing twice.
 */
export const placementReactions: Reactor = {
  name: NAME,
  contexts: [PLACEMENT_CONTEXT],
  eventTypes: ['EmploymentStarted', 'EmploymentEnded', 'PlacementVoided'],
  async react(event, services) {
    const { command, centerId } = await commandFor(event, services);
    const metadata = reactionMetadata(event, centerId);
    await decideFollowUps(services.store, command, metadata, {
      idempotency: { owner: metadata.actorId, key: reactionKey(NAME, event), commandType: command.type, request: { eventId: event.eventId } },
    });
  },
};
