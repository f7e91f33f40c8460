import { ApiProperty } from '@nestjs/swagger';
import { ConcurrencyConflict } from '@saeil/core';
import {
  EventMetadata,
  EventStore,
  foldStream,
  handleCommand,
  IdempotencyRequest,
  StoredEvent,
} from '@saeil/event-store';
import {
  CLIENT_ERASURE_REASONS,
  ClientDataErasedV1,
  ClientErasureReason,
  clientStreamId,
  counselingStreamId,
  INTAKE_CONTEXT,
  IntakeEvent,
} from '@saeil/contracts';
import type { DataKeyEraser } from '@saeil/privacy';
import { actingFor, commandResult } from '@saeil/runtime';
import { clientDecider, ClientState } from '../domain/client.decider';
import { ClientCommandResult } from '../commands/case-command';

export interface ErasureRequest {
  clientId: string;
  reason: ClientErasureReason;
  note?: string;
  /** Who ordered it (an account id, or 'system:retention' for the retention job). */
  metadata: EventMetadata;
  /** The day of the erasure (Korean calendar). */
  today: string;
  /** PERSONAL_DATA_RETENTION_DAYS. */
  retentionDays: number;
  idempotency?: IdempotencyRequest;
}

/** What an erasure answers; a repeated one answers the first (its position, reason and day; duplicate: true). */
export class ErasureResult extends ClientCommandResult {
  @ApiProperty({ enum: CLIENT_ERASURE_REASONS })
  reason: ClientErasureReason;
  @ApiProperty()
  erasedOn: string;
}

/** Tries after a lost race (another command on her stream between reading and appending). */
const ATTEMPTS = 3;

/**
 * 개인정보 파기: appends ClientDataErased on her client stream in the same transaction as the
 * destruction of her data key (so her `personal` envelopes — events, topics, read models — are
 * unreadable from the commit on) and the deletion of her identity keys (so she can register again
 * as a new person). Her clear fields stay: no statistic changes.
 *
 * Idempotent: an erased client answers the first erasure (duplicate: true) and nothing is
 * written; two erasures at once end in one event (the second loses the race, reads again and
 * finds her erased).
 */
export async function eraseClientData(
  store: EventStore,
  eraser: DataKeyEraser,
  request: ErasureRequest,
): Promise<ErasureResult> {
  const { clientId, reason, note, today, retentionDays } = request;
  const streamId = clientStreamId(clientId);
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(streamId);
    const first = firstErasure(history);
    if (first) return first;
    const state = foldStream<ClientState, IntakeEvent>(clientDecider, history);
    try {
      const result = await handleCommand(store, clientDecider, {
        streamId,
        context: INTAKE_CONTEXT,
        command: { type: 'EraseClientData', clientId, reason, note, today, retentionDays },
        metadata: actingFor(request.metadata, state.centerId),
        idempotency: request.idempotency,
        history,
        inTransaction: async (runner) => {
          await eraser.eraseClient(clientId, reason, request.metadata.actorId, runner);
          // Her keyed hashes: the duplicate-detection and search index (the events carry them sealed).
          await runner.query(`DELETE FROM client_identity_keys WHERE client_id = $1`, [clientId]);
          await runner.query(`DELETE FROM client_search_keys WHERE client_id = $1`, [clientId]);
          // Her registration's and profile changes' request hashes (of her name, birth date and
          // phone), and her counseling sessions' (of the notes).
          await store.forgetRequestsOn(runner, [streamId, counselingStreamId(clientId)]);
        },
      });
      if (result.duplicate)
        return (
          firstErasure(await store.readStream(streamId)) ?? {
            clientId,
            ...commandResult(result),
            reason,
            erasedOn: today,
          }
        );
      await eraser.afterErasureCommitted(clientId);
      return { clientId, ...commandResult(result), reason, erasedOn: today };
    } catch (error) {
      if (error instanceof ConcurrencyConflict && attempt < ATTEMPTS) continue;
      throw error;
    }
  }
}

function firstErasure(history: StoredEvent[]): ErasureResult | undefined {
  const erased = history.find((e) => e.type === 'ClientDataErased');
  if (!erased) return undefined;
  const data = erased.data as unknown as ClientDataErasedV1;
  return {
    clientId: data.clientId,
    streamVersion: erased.streamVersion,
    position: erased.globalPosition,
    duplicate: true,
    reason: data.reason,
    erasedOn: data.erasedOn,
  };
}
