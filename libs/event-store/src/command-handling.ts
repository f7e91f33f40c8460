import type { QueryRunner } from 'typeorm';
import { EventStore, IdempotencyRequest, StreamGuard } from './event-store';
import { AppendResult, EventMetadata, NewEvent, StoredEvent } from './types';
import { ConcurrencyConflict, type Decider, type DomainEvent } from '@saeil/core';

/** Where they lived before the core: every importer of the event store still finds them here. */
export type { Decider, DomainEvent };

export interface CommandEnvelope<C> {
  streamId: string;
  context: string;
  command: C;
  metadata: EventMetadata;
  idempotency?: IdempotencyRequest;
  /** From the caller (e.g. If-Match): the version the caller last saw. */
  expectedVersion?: number;
  /**
   * The stream as the caller already read it (to find the record's center or client before
   * building the command): not read a second time; the append still refuses it if it moved since.
   */
  history?: StoredEvent[];
  /** Other streams the decision read (see AppendOptions.guards). */
  guards?: StreamGuard[];
  inTransaction?: (runner: QueryRunner) => Promise<void>;
}

/** Current state of a stream from its history. */
export function foldStream<S, E extends DomainEvent>(
  decider: Pick<Decider<unknown, S, E>, 'initialState' | 'evolve'>,
  history: { type: string; data: object; metadata?: { occurredAt?: string } }[],
): S {
  // The metadata rides along for the folds that date something by it (her registration day).
  return history.reduce(
    (s, e) => decider.evolve(s, { type: e.type, data: e.data, ...(e.metadata ? { metadata: e.metadata } : {}) } as E),
    decider.initialState(),
  );
}

/**
 * Load → decide → append, with the version read as the expected version: a concurrent writer
 * in between makes this a ConcurrencyConflict (409), never a lost update. A repeated
 * idempotency key answers with the first result before any decision is taken.
 */
export async function handleCommand<C, S, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<C, S, E>,
  envelope: CommandEnvelope<C>,
): Promise<AppendResult> {
  if (envelope.idempotency) {
    const earlier = await store.findIdempotentResult(envelope.idempotency);
    if (earlier) return earlier;
  }
  const history = envelope.history ?? (await store.readStream(envelope.streamId));
  const version = history.length === 0 ? 0 : history[history.length - 1].streamVersion;
  if (envelope.expectedVersion !== undefined && envelope.expectedVersion !== version) {
    throw new ConcurrencyConflict(envelope.streamId, envelope.expectedVersion, version);
  }
  const state = foldStream(decider, history);
  const events = decider.decide(envelope.command, state);
  return store.append(envelope.streamId, events as NewEvent[], {
    context: envelope.context,
    expectedVersion: version,
    metadata: envelope.metadata,
    idempotency: envelope.idempotency,
    guards: envelope.guards,
    inTransaction: envelope.inTransaction,
  });
}

/**
 * Runs `once` again, a few times with a short random pause, when it loses a race for its stream
 * (ConcurrencyConflict): each attempt reads and decides on the new history, so the rules still
 * hold and the caller gets the rules' answer instead of a bare 409 about a write she never saw.
 */
export async function decideAgainOnConflict<T>(once: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await once();
    } catch (error) {
      if (!(error instanceof ConcurrencyConflict) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
