import type { QueryRunner } from 'typeorm';
import { isUuid, ValidationFailed, validateDto } from '@saeil/core';
import { AppendResult, EventMetadata, EventStore, foldStream, handleCommand, IdempotencyRequest } from '@saeil/event-store';
import { clientStreamId, INTAKE_CONTEXT, IntakeEvent } from '@saeil/contracts';
import { ClientCommand, clientDecider, ClientState } from '../domain/client.decider';

/** What every intake command answers. */
export interface ClientCommandResult {
  clientId: string;
  streamVersion: number;
  /** Global position written: pass it as `minPosition` to read your own write. */
  position: number;
  duplicate: boolean;
}

export const toResult = (clientId: string, result: AppendResult): ClientCommandResult => ({
  clientId,
  streamVersion: result.streamVersion,
  position: result.globalPosition,
  duplicate: result.duplicate,
});

/** Today in Korea (YYYY-MM-DD): "not in the future" is judged on the counselor's calendar. */
export const todayInKorea = (now = new Date()): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(now);

/** The moment a dated command happened, for metadata.occurredAt: the start of that day in Korea. */
export const startOfKoreanDay = (date: string): string => `${date}T00:00:00+09:00`;

/**
 * Case commands act for the center that holds her case, which only the stream knows: the
 * definition cannot say (centerOf), the handler sets it once the case is read.
 */
export const CENTER_OF_CASE = 'center-of-case';

export const idempotencyOf = (metadata: EventMetadata, commandType: string, request: unknown): IdempotencyRequest | undefined =>
  metadata.idempotencyKey ? { key: metadata.idempotencyKey, commandType, request } : undefined;

export interface CaseDecision {
  command: ClientCommand;
  /** Write-side work atomic with the append (identity keys); throwing rolls it back. */
  inTransaction?: (runner: QueryRunner) => Promise<void>;
}

/**
 * Load her case → build the command from it → decide → append. The state is read here because
 * the command needs it (her center for the metadata, her identity for new keys); handleCommand
 * reads again and appends only if the stream has not moved since (409 otherwise).
 */
export async function handleCaseCommand(
  store: EventStore,
  request: { clientId: string; commandType: string; input: object; metadata: EventMetadata },
  decide: (state: ClientState) => CaseDecision,
): Promise<ClientCommandResult> {
  const streamId = clientStreamId(request.clientId);
  const history = await store.readStream(streamId);
  const state = foldStream<ClientState, IntakeEvent>(clientDecider, history);
  const { command, inTransaction } = decide(state);
  const result = await handleCommand(store, clientDecider, {
    streamId,
    context: INTAKE_CONTEXT,
    command,
    metadata: { ...request.metadata, centerId: state.centerId ?? request.metadata.centerId },
    idempotency: idempotencyOf(request.metadata, request.commandType, request.input),
    expectedVersion: history.length === 0 ? 0 : history[history.length - 1].streamVersion,
    inTransaction,
  });
  return toResult(request.clientId, result);
}

/**
 * The HTTP side of a case command: the client id from the path (400 on field `clientId` when it
 * is not a UUID) joins the body into the same DTO the Kafka command topic validates.
 */
export function caseCommandDto<D extends object>(dto: new () => D, clientId: string, body: object): D {
  if (!isUuid(clientId)) throw new ValidationFailed([{ field: 'clientId', code: 'isUuid', message: 'clientId must be a UUID' }]);
  return validateDto(dto, { ...body, clientId });
}
