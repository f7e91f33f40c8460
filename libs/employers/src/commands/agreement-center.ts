import type { EventStore } from '@saeil/event-store';
import { agreementStreamId } from '@saeil/contracts';

/**
 * The center that signed the agreement, which commands on it act for (their definitions have no
 * centerOf). Undefined when the agreement is unknown: the decider then answers 404.
 */
export async function agreementCenterOf(store: EventStore, agreementId: string): Promise<string | undefined> {
  const [signed] = await store.readStream(agreementStreamId(agreementId));
  return (signed?.data as { centerId?: string } | undefined)?.centerId;
}
