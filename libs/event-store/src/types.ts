/** Who did what, for which center, when: carried by every event (GLOSSARY: every event names its actor). */
export interface EventMetadata {
  actorId: string;
  centerId: string;
  correlationId: string;
  causationId?: string;
  commandId?: string;
  idempotencyKey?: string;
  /** When it happened in the world; counselors often record late, so this may be in the past. */
  occurredAt: string;
}

export interface NewEvent<T extends object = Record<string, unknown>> {
  type: string;
  data: T;
  /** Defaults to the current schema version known to the upcaster registry. */
  schemaVersion?: number;
  eventId?: string;
}

export interface StoredEvent<T extends object = Record<string, unknown>> {
  eventId: string;
  globalPosition: number;
  /** The writing transaction (xid8, as text). */
  transactionId: string;
  streamId: string;
  streamVersion: number;
  context: string;
  type: string;
  schemaVersion: number;
  data: T;
  metadata: EventMetadata;
  /** When the store recorded it. */
  recordedAt: string;
}

/** `0` = the stream must not exist yet; `n` = the stream must be at version n; `'any'` = no check. */
export type ExpectedVersion = number | 'any';

export interface AppendResult {
  streamId: string;
  /** Version of the stream after the append. */
  streamVersion: number;
  /** Global position of the last event written: what read-your-writes waits for. */
  globalPosition: number;
  eventIds: string[];
  /** True when an idempotency key matched an earlier command: nothing was appended now. */
  duplicate: boolean;
}

/** A follower's place in commit order. */
export interface Checkpoint {
  transactionId: string;
  globalPosition: number;
}

export const START: Checkpoint = { transactionId: '0', globalPosition: 0 };
