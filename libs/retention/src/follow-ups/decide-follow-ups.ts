import type {
  AppendResult,
  EventMetadata,
  EventStore,
  IdempotencyRequest,
  NewEvent,
  StoredEvent,
  StreamGuard,
} from '@saeil/event-store';
import { foldStream } from '@saeil/event-store';
import { followUpsStreamId, RETENTION_CONTEXT } from '@saeil/contracts';
import { followUpsDecider, FollowUpsCommand } from '../domain/follow-ups.decider';

/**
 * Load → decide → append on one placement's follow-ups stream. Unlike `handleCommand`, a decision
 * of nothing (already scheduled, already due, a redelivered reaction) appends nothing and answers
 * undefined: the reactions and the sweep lean on exactly that.
 */
export async function decideFollowUps(
  store: EventStore,
  command: FollowUpsCommand,
  metadata: EventMetadata,
  options: { idempotency?: IdempotencyRequest; guards?: StreamGuard[]; history?: StoredEvent[] } = {},
): Promise<AppendResult | undefined> {
  if (options.idempotency) {
    const earlier = await store.findIdempotentResult(options.idempotency);
    if (earlier) return earlier;
  }
  const streamId = followUpsStreamId(placementIdOf(command));
  const history = options.history ?? (await store.readStream(streamId));
  const version = history.length === 0 ? 0 : history[history.length - 1].streamVersion;
  const events = followUpsDecider.decide(command, foldStream(followUpsDecider, history));
  if (events.length === 0) return undefined;
  return store.append(streamId, events as unknown as NewEvent[], {
    context: RETENTION_CONTEXT,
    expectedVersion: version,
    metadata,
    idempotency: options.idempotency,
    guards: options.guards,
  });
}

function placementIdOf(command: FollowUpsCommand): string {
  return command.type === 'SchedulePlacementFollowUps' ? command.placement.placementId : command.placementId;
}
