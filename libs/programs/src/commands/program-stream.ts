import { EventStore, foldStream, StoredEvent } from '@saeil/event-store';
import { retentionProgramStreamId } from '@saeil/contracts';
import { RetentionProgramState, retentionProgramDecider } from '../domain/retention-program.decider';

/**
 * A program's stream, read once: commands on it act for the program's center (their definitions
 * have no centerOf) and decide on the same history. An unknown program leaves centerId undefined
 * and the decider answers 404.
 */
export async function readProgram(
  store: EventStore,
  programId: string,
): Promise<{ history: StoredEvent[]; state: RetentionProgramState }> {
  const history = await store.readStream(retentionProgramStreamId(programId));
  return { history, state: foldStream(retentionProgramDecider, history) };
}
