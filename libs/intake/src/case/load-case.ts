import { EventStore, foldStream, StreamGuard } from '@saeil/event-store';
import { clientStreamId, IntakeEvent } from '@saeil/contracts';
import { CaseState, evolveCase, initialCaseState } from '../domain/case-state';

export interface LoadedCase {
  state: CaseState;
  /** Pass to the append so a case closed (or consent withdrawn) meanwhile makes it a 409. */
  guard: StreamGuard;
}

/** Reads a client's case from her stream, for a command of another context to decide on. */
export async function loadCase(store: EventStore, clientId: string): Promise<LoadedCase> {
  const streamId = clientStreamId(clientId);
  const history = await store.readStream(streamId);
  const state = foldStream<CaseState, IntakeEvent>({ initialState: initialCaseState, evolve: evolveCase }, history);
  return {
    state,
    guard: { streamId, expectedVersion: history.length === 0 ? 0 : history[history.length - 1].streamVersion },
  };
}
