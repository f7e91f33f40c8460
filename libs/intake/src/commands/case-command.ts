import { ApiProperty } from '@nestjs/swagger';
import type { QueryRunner } from 'typeorm';
import { AppendResult, EventMetadata, EventStore, foldStream, handleCommand, StoredEvent } from '@saeil/event-store';
import { clientStreamId, INTAKE_CONTEXT, IntakeEvent } from '@saeil/contracts';
import { actingFor, commandResult, CommandResult, idempotencyOf } from '@saeil/runtime';
import { ClientCommand, clientDecider, ClientState } from '../domain/client.decider';

/** What every intake command answers. */
export class ClientCommandResult extends CommandResult {
  @ApiProperty()
  clientId: string;
}

export const toResult = (clientId: string, result: AppendResult): ClientCommandResult => ({
  clientId,
  ...commandResult(result),
});

export interface CaseDecision {
  command: ClientCommand;
  /** Write-side work atomic with the append (identity keys); throwing rolls it back. */
  inTransaction?: (runner: QueryRunner) => Promise<void>;
}

/**
 * Load her case → build the command from it → decide → append. The state is read here because
 * the command needs it (her center for the metadata, her identity for new keys); handleCommand
 * decides on the same history and appends only if the stream has not moved since (409 otherwise). Case commands
 * act for the center that holds her case (their definitions have no centerOf).
 */
export async function handleCaseCommand(
  store: EventStore,
  request: {
    clientId: string;
    commandType: string;
    input: object;
    metadata: EventMetadata;
    /** Her stream, when the caller already read it. */ history?: StoredEvent[];
  },
  decide: (state: ClientState) => CaseDecision,
): Promise<ClientCommandResult> {
  const streamId = clientStreamId(request.clientId);
  const history = request.history ?? (await store.readStream(streamId));
  const state = foldStream<ClientState, IntakeEvent>(clientDecider, history);
  const { command, inTransaction } = decide(state);
  const result = await handleCommand(store, clientDecider, {
    streamId,
    context: INTAKE_CONTEXT,
    command,
    metadata: actingFor(request.metadata, state.centerId),
    idempotency: idempotencyOf(request.metadata, request.commandType, request.input),
    history,
    inTransaction,
  });
  return toResult(request.clientId, result);
}
