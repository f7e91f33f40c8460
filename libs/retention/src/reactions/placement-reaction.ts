import type { EmploymentEndedV1, EmploymentStartedV1, PlacementVoidedV1 } from '@saeil/contracts';
import { NotFound } from '@saeil/core';
import type { AppendResult, EventMetadata, EventStore, StoredEvent } from '@saeil/event-store';
import { loadCase } from '@saeil/intake';
import { reactionKey } from '@saeil/runtime';
import { FollowUpsCommand } from '../domain/follow-ups.decider';
import type { ContactWindowPolicy } from '../domain/milestones';
import { decideFollowUps } from '../follow-ups/decide-follow-ups';

export const PLACEMENT_REACTIONS = 'retention-placement-reactions';

/** The placement events whose reaction changes a placement's follow-ups. */
export const PLACEMENT_EVENTS_REACTED_TO = ['EmploymentStarted', 'EmploymentEnded', 'PlacementVoided'] as const;

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

async function commandFor(
  event: StoredEvent,
  store: EventStore,
  window: ContactWindowPolicy,
): Promise<{ command: FollowUpsCommand; centerId: string }> {
  switch (event.type) {
    case 'EmploymentStarted': {
      const started = event.data as unknown as EmploymentStartedV1;
      // Her counselor and center at the time of the start, from her case: whose work queue the follow-ups land on.
      const { state } = await loadCase(store, started.clientId);
      if (!state.exists || !state.centerId || !state.counselorId) throw new NotFound('구직자', started.clientId);
      return {
        command: {
          type: 'SchedulePlacementFollowUps',
          placement: { clientId: started.clientId, placementId: started.placementId, startOn: started.startOn },
          centerId: state.centerId,
          counselorId: state.counselorId,
          window,
        },
        centerId: state.centerId,
      };
    }
    case 'EmploymentEnded': {
      const ended = event.data as unknown as EmploymentEndedV1;
      return {
        command: { type: 'CloseForEmploymentEnd', placementId: ended.placementId, endedOn: ended.endedOn },
        centerId: event.metadata.centerId,
      };
    }
    case 'PlacementVoided': {
      const voided = event.data as unknown as PlacementVoidedV1;
      return {
        command: { type: 'CancelForVoidedPlacement', placementId: voided.placementId },
        centerId: event.metadata.centerId,
      };
    }
    default:
      throw new Error(`${PLACEMENT_REACTIONS} does not handle ${event.type}`);
  }
}

/**
 * The follow-ups' reaction to one placement event (start → schedule, end → close, void → cancel),
 * under the idempotency key made of the event's id. The reactor runs it for every placement
 * event; a counselor's follow-up record runs it for her placement's events before deciding, so
 * the schedule exists the moment the placement does. Whoever runs it first writes it; the other
 * finds the key (or the decider decides nothing twice) and appends nothing.
 */
export async function reactToPlacementEvent(
  event: StoredEvent,
  store: EventStore,
  window: ContactWindowPolicy,
): Promise<AppendResult | undefined> {
  const { command, centerId } = await commandFor(event, store, window);
  const metadata = reactionMetadata(event, centerId);
  return decideFollowUps(store, command, metadata, {
    idempotency: {
      owner: metadata.actorId,
      key: reactionKey(PLACEMENT_REACTIONS, event),
      commandType: command.type,
      request: { eventId: event.eventId },
    },
  });
}
