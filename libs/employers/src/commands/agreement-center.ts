import { EventStore, foldStream, StoredEvent } from '@saeil/event-store';
import { agreementStreamId } from '@saeil/contracts';
import { agreementDecider } from '../domain/agreement.decider';

/**
 * An agreement's stream, read once: commands on it act for the center that signed it (their
 * definitions have no centerOf), and decide on the same history. centerId is undefined when the
 * agreement is unknown: the decider then answers 404.
 */
export async function readAgreement(
  store: EventStore,
  agreementId: string,
): Promise<{ history: StoredEvent[]; centerId?: string }> {
  const history = await store.readStream(agreementStreamId(agreementId));
  return { history, centerId: foldStream(agreementDecider, history).centerId };
}
