import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { EventMetadata, IdempotencyRequest } from '@saeil/event-store';
import { ValidationFailed } from '@saeil/core';

/** Headers every command may carry. */
export const CORRELATION_HEADER = 'x-correlation-id';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const ACTOR_HEADER = 'x-actor-id';

export function correlationIdOf(req: Request): string {
  const given = req.headers[CORRELATION_HEADER];
  return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : ((req as unknown as { id?: string }).id ?? randomUUID());
}

/**
 * The metadata of a command arriving over HTTP. Until accounts land (issue 5) the actor is
 * whatever the caller states in X-Actor-Id, recorded as such.
 */
export function commandMetadata(req: Request, centerId: string, occurredAt?: string): EventMetadata {
  const actor = req.headers[ACTOR_HEADER];
  const idempotencyKey = req.headers[IDEMPOTENCY_HEADER];
  if (idempotencyKey !== undefined && (typeof idempotencyKey !== 'string' || !/^[\w.:-]{8,200}$/.test(idempotencyKey))) {
    throw new ValidationFailed([{ field: 'Idempotency-Key', code: 'idempotencyKey', message: 'Idempotency-Key must be 8–200 characters of letters, digits, ".", ":", "_" or "-"' }]);
  }
  return {
    actorId: typeof actor === 'string' && actor.length > 0 && actor.length <= 128 ? actor : 'unauthenticated',
    centerId,
    correlationId: correlationIdOf(req),
    commandId: randomUUID(),
    idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : undefined,
    occurredAt: occurredAt ?? new Date().toISOString(),
  };
}

export function idempotencyOf(metadata: EventMetadata, commandType: string, request: unknown): IdempotencyRequest | undefined {
  return metadata.idempotencyKey ? { key: metadata.idempotencyKey, commandType, request } : undefined;
}
