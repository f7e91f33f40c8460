import type { EventMetadata, EventStore } from '@saeil/event-store';
import { agreementStreamId } from '@saeil/contracts';

/** Metadata acting for the center that signed the agreement (unchanged when the agreement is unknown: the decider answers 404). */
export async function atTheAgreementsCenter(store: EventStore, agreementId: string, metadata: EventMetadata): Promise<EventMetadata> {
  const [signed] = await store.readStream(agreementStreamId(agreementId));
  const centerId = (signed?.data as { centerId?: string } | undefined)?.centerId;
  return centerId ? { ...metadata, centerId } : metadata;
}
