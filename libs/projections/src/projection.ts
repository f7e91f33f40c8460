import type { StoredEvent } from '@saeil/event-store';
import type { IncomingMessage } from '@saeil/messaging';

/** What a projection sees while applying one event: SQL inside the projection's transaction. */
export interface ProjectionContext {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** The quoted physical name of one of the projection's tables (the live one, or its rebuild shadow). */
  table(logicalName: string): string;
}

/**
 * A read model built from events. The same projection code runs fed from the event store
 * (embedded mode) or from Kafka; the runtime applies each event in one transaction with the
 * projection's checkpoint, so a redelivered event changes nothing.
 *
 * Read-model tables are created by migrations and must not use sequences (a rebuild copies
 * them with CREATE TABLE … (LIKE … INCLUDING ALL) and swaps them in).
 */
export interface Projection {
  readonly name: string;
  /** The tables this projection owns and rebuilds. */
  readonly tables: string[];
  /** Bounded contexts whose event topics it consumes in Kafka mode. */
  readonly contexts: string[];
  /** Event types it applies; others are passed over. */
  readonly eventTypes: string[];
  /**
   * Kafka mode only: follow this one topic instead of the contexts' event topics, each message
   * made into the event the runner applies (the Ministry dashboard reads the stats feed, not the
   * case topics). `topic` gets the installation's KAFKA_TOPIC_PREFIX.
   */
  readonly kafkaSource?: { topic(prefix: string): string; toEvent(message: IncomingMessage): StoredEvent };
  /** Applies one event. The runner also uses it, event by event, to find the bad event of a failing batch. */
  apply(event: StoredEvent, ctx: ProjectionContext): Promise<void>;
  /**
   * Optional: applies a batch of events with what the batch changes computed in memory and
   * written with one statement per table (unnest arrays, upserts), instead of statements per
   * event. The events are the ones `apply` would get, in the same order (types it handles,
   * redeliveries already passed over); the result must be the same as applying them one by one.
   * When it throws, the runner rolls the batch back and applies its events one by one with
   * `apply` (retries, dead letters). Without it the runner calls `apply` for each event.
   */
  applyBatch?(events: StoredEvent[], ctx: ProjectionContext): Promise<void>;
}

export const PROJECTIONS = Symbol('PROJECTIONS');

export type ProjectionTarget = 'live' | 'rebuild';

export function checkpointName(projection: string, target: ProjectionTarget): string {
  return target === 'live' ? `projection:${projection}` : `projection:${projection}#rebuild`;
}

export function positionsKey(projection: string, target: ProjectionTarget): string {
  return target === 'live' ? projection : `${projection}#rebuild`;
}

export function physicalTable(table: string, target: ProjectionTarget): string {
  return target === 'live' ? table : `${table}__rebuild`;
}

/** Advisory-lock key that serialises every writer of one projection (workers, rebuild switch-over). */
export function projectionLockKey(projection: string): string {
  return `projection:${projection}`;
}
