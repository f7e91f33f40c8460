import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { EventMetadata, IdempotencyRequest } from '@saeil/event-store';
import { OutOfScope, ValidationFailed } from '@saeil/core';

/** Headers every command may carry. */
export const CORRELATION_HEADER = 'x-correlation-id';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * What the api's AuthGuard (@saeil/identity) leaves on every request it admits, as far as the
 * command path needs it: the account acting and the centers she reaches. Structural, so the
 * runtime does not depend on identity.
 */
export interface RequestCaller {
  actorId: string;
  coversCenter(centerId: string): boolean;
  coversLevel(level: string, id: string | undefined): boolean;
  /** She is the one who answers for this level's figures (submits its report). */
  answersFor(level: string, id: string | undefined): boolean;
  /** What a command's field refers to exists and her center may use it, else RuleViolation REFERENCE_NOT_FOUND (`dto`: the command, for `within`). */
  requireReference(
    reference: { kind: string; field: string; within?: { centerField: string } | { clientField: string } },
    value: unknown,
    dto?: object,
  ): Promise<void>;
}

/** The caller on a request the guard admitted; a request it did not see is refused, never run as nobody. */
export function callerOf(req: Request): RequestCaller {
  const caller = (req as Request & { access?: RequestCaller }).access;
  if (!caller) throw new OutOfScope('Authorization', '인증되지 않은 요청입니다.');
  return caller;
}

export function correlationIdOf(req: Request): string {
  const given = req.headers[CORRELATION_HEADER];
  return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given)
    ? given
    : ((req as unknown as { id?: string }).id ?? randomUUID());
}

/** The metadata of a command arriving over HTTP: the actor is the account the guard authenticated. */
export function commandMetadata(req: Request, centerId: string, occurredAt?: string): EventMetadata {
  const actorId = callerOf(req).actorId;
  const idempotencyKey = req.headers[IDEMPOTENCY_HEADER];
  if (
    idempotencyKey !== undefined &&
    (typeof idempotencyKey !== 'string' || !/^[\w.:-]{8,200}$/.test(idempotencyKey))
  ) {
    throw new ValidationFailed([
      {
        field: 'Idempotency-Key',
        code: 'idempotencyKey',
        message: 'Idempotency-Key must be 8–200 characters of letters, digits, ".", ":", "_" or "-"',
      },
    ]);
  }
  return {
    actorId,
    centerId,
    correlationId: correlationIdOf(req),
    commandId: randomUUID(),
    idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : undefined,
    occurredAt: occurredAt ?? new Date().toISOString(),
  };
}

/**
 * The idempotency key of a command, owned by the account that sent it (`metadata.actorId`, the
 * authenticated account on both doors): another account's identical key is a different key.
 */
export function idempotencyOf(
  metadata: EventMetadata,
  commandType: string,
  request: unknown,
): IdempotencyRequest | undefined {
  return metadata.idempotencyKey
    ? { owner: metadata.actorId, key: metadata.idempotencyKey, commandType, request }
    : undefined;
}
