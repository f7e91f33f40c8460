import type { EventStore, StreamGuard } from '@saeil/event-store';
import { loadCase } from '@saeil/intake';
import type { Participant } from '../domain/participants';

/**
 * The cases of the registered clients a group or outreach record names, and a guard on each
 * client stream: a case closed or a consent withdrawn meanwhile makes the append a 409.
 */
export async function loadParticipants(
  store: EventStore,
  clientIds: string[],
): Promise<{ attendees: Participant[]; guards: StreamGuard[] }> {
  const loaded = await Promise.all(
    clientIds.map(async (clientId) => ({ clientId, ...(await loadCase(store, clientId)) })),
  );
  const guards = new Map(loaded.map((l) => [l.guard.streamId, l.guard]));
  return { attendees: loaded.map((l) => ({ clientId: l.clientId, case: l.state })), guards: [...guards.values()] };
}
