import { createHash, randomUUID } from 'node:crypto';
import { DataSource, QueryRunner } from 'typeorm';
import { ConcurrencyConflict, IdempotencyKeyReused } from '@saeil/core';
import { AppendResult, Checkpoint, EventMetadata, ExpectedVersion, NewEvent, StoredEvent } from './types';
import { UpcasterRegistry } from './upcasters';
import { currentPrefetchedStreams } from './prefetched-streams';

/** Channel the store notifies on commit; followers LISTEN on it and also poll as a fallback. */
export const EVENTS_CHANNEL = 'saeil_events';

export interface IdempotencyRequest {
  /**
   * The account (or system actor) that sent the request: a key belongs to it. Another account's
   * identical key is another key — it never answers with this one's result, and its command runs.
   */
  owner: string;
  key: string;
  /** The operation the key was used for: the same owner's key on another operation is refused. */
  commandType: string;
  /** Anything that identifies the request body; a key reused with another body is refused. */
  request: unknown;
}

/** Another stream whose version the decision rested on (e.g. the client's case when recording a placement). */
export interface StreamGuard {
  streamId: string;
  /** Version read when deciding; 0 = the stream did not exist. */
  expectedVersion: number;
}

export interface AppendOptions {
  context: string;
  expectedVersion: ExpectedVersion;
  metadata: EventMetadata;
  idempotency?: IdempotencyRequest;
  /**
   * Streams read for the decision that must not have moved: checked inside the append
   * transaction under a shared lock, so e.g. a case closed meanwhile makes this a
   * ConcurrencyConflict instead of a placement on a closed case.
   */
  guards?: StreamGuard[];
  /**
   * Runs inside the append transaction after the locks and version checks, before the insert:
   * for write-side checks and reservations that must be atomic with the events (duplicate
   * detection). Throwing rolls everything back.
   */
  inTransaction?: (runner: QueryRunner) => Promise<void>;
}

interface EventRow {
  global_position: string;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  context: string;
  event_type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recorded_at: Date;
}

const COLUMNS = `global_position, transaction_id::text AS transaction_id, event_id, stream_id, stream_version,
  context, event_type, schema_version, data, metadata, recorded_at`;

export type AppendListener = (events: StoredEvent[]) => void;

/** What a forgotten request body's hash is replaced with (`forgetRequestsOn`). */
export const FORGOTTEN_REQUEST = 'forgotten';

export function requestHash(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(request ?? null))
    .digest('hex');
}

/**
 * Append-only event store on PostgreSQL (emmett / message-db style).
 * Optimistic concurrency per stream rests on the unique (stream_id, stream_version) constraint:
 * of two writers at the same expected version, the second fails on commit order and gets a
 * ConcurrencyConflict, never a lost update.
 */
export class EventStore {
  private readonly listeners: AppendListener[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly upcasters = new UpcasterRegistry(),
  ) {}

  onAppended(listener: AppendListener): void {
    this.listeners.push(listener);
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    // A programming error, not a domain one: a definition without centerOf leaves the center to
    // its handler (CENTER_FROM_RECORD), and an event must never be stored without one.
    if (!options.metadata.centerId)
      throw new Error('event metadata needs centerId: the handler must set the center of the record');
    // Nothing in this command reads back a history older than its own write.
    currentPrefetchedStreams()?.forget(streamId);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const stored = await this.appendIn(runner, streamId, events, options);
      const result: AppendResult = {
        streamId,
        streamVersion: stored[stored.length - 1].streamVersion,
        globalPosition: stored[stored.length - 1].globalPosition,
        eventIds: stored.map((e) => e.eventId),
        duplicate: false,
      };
      if (options.idempotency) await this.rememberResult(runner, options.idempotency, result);
      await runner.commitTransaction();
      for (const listener of this.listeners) listener(stored);
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      if (options.idempotency) {
        // The key was used before (this is a retry), or by a concurrent request that committed
        // first: answer with that result, whatever made this attempt fail (the key's row, the
        // stream's version, a check in the transaction). handleCommand already looked before
        // deciding; checking here rather than before every append keeps one read off the hot path.
        const earlier = await this.findIdempotentResult(options.idempotency);
        if (earlier) return earlier;
      }
      // A version taken by a concurrent writer, or a deadlock PostgreSQL broke between two appends
      // guarding each other's streams: both retryable, both a 409.
      if (isUniqueViolation(error, 'events_stream_version_unique') || pgCode(error) === '40P01') {
        throw new ConcurrencyConflict(
          streamId,
          options.expectedVersion === 'any' ? 0 : options.expectedVersion,
          await this.streamVersion(streamId),
        );
      }
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async appendIn(
    runner: QueryRunner,
    streamId: string,
    events: NewEvent[],
    options: AppendOptions,
  ): Promise<StoredEvent[]> {
    // Writers of a stream take its lock exclusively, readers-for-a-decision (guards) shared: one
    // round trip for all the locks. The versions are read by the NEXT statement, whose snapshot is
    // taken after the locks are held (in READ COMMITTED a statement that waits for a lock still
    // reads with the snapshot it started with, so lock and read must never share a statement).
    const guards = options.guards ?? [];
    if (guards.length === 0) {
      await runner.query('SELECT pg_advisory_xact_lock(hashtext($1))', [streamId]);
    } else {
      await runner.query(
        `SELECT pg_advisory_xact_lock(hashtext($1)), (SELECT count(pg_advisory_xact_lock_shared(hashtext(g))) FROM unnest($2::text[]) AS g)`,
        [streamId, guards.map((g) => g.streamId)],
      );
    }
    const checked = [{ streamId, expectedVersion: options.expectedVersion }, ...guards];
    const ids = events.map((e) => e.eventId ?? randomUUID());
    const columns = [
      ids,
      events.map(() => options.context),
      events.map((e) => e.type),
      events.map((e) => e.schemaVersion ?? this.upcasters.currentVersion(e.type)),
      events.map((e) => JSON.stringify(e.data)),
      events.map(() => JSON.stringify(options.metadata)),
    ];
    if (!options.inTransaction) {
      // Nothing runs between the check and the insert: one statement does both (its snapshot, too,
      // is taken after the locks). It inserts nothing when a version moved; the conflict is then
      // read back below, under the locks still held, so it names the stream that moved.
      // The followers' wake-up rides on the insert (NOTIFY is delivered at commit, or never).
      const rows: EventRow[] = await runner.query(
        `WITH current AS (
           SELECT c.stream_id, c.expected, coalesce((SELECT max(e.stream_version) FROM events e WHERE e.stream_id = c.stream_id), 0) AS version
             FROM unnest($7::text[], $8::int[]) AS c(stream_id, expected)),
         inserted AS (
           INSERT INTO events (event_id, stream_id, stream_version, context, event_type, schema_version, data, metadata)
           SELECT n.event_id, $9, (SELECT version FROM current WHERE stream_id = $9) + n.ord::int, n.context, n.event_type, n.schema_version, n.data, n.metadata
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::jsonb[], $6::jsonb[]) WITH ORDINALITY AS n(event_id, context, event_type, schema_version, data, metadata, ord)
            WHERE NOT EXISTS (SELECT 1 FROM current WHERE expected IS NOT NULL AND version <> expected)
           RETURNING ${COLUMNS})
         SELECT inserted.* FROM inserted CROSS JOIN (SELECT pg_notify($10, '')) AS woken ORDER BY inserted.stream_version`,
        [
          ...columns,
          checked.map((c) => c.streamId),
          checked.map((c) => (c.expectedVersion === 'any' ? null : c.expectedVersion)),
          streamId,
          EVENTS_CHANNEL,
        ],
      );
      if (rows.length === 0) {
        await this.requireVersions(runner, streamId, options.expectedVersion, guards);
        throw new Error(`append to ${streamId} inserted nothing, yet no version moved`);
      }
      return rows.map((row) => this.toStored(row, false));
    }
    const version = await this.requireVersions(runner, streamId, options.expectedVersion, guards);
    await options.inTransaction(runner);
    const rows: EventRow[] = await runner.query(
      `WITH inserted AS (
         INSERT INTO events (event_id, stream_id, stream_version, context, event_type, schema_version, data, metadata)
         SELECT n.event_id, $7, $8 + n.ord::int, n.context, n.event_type, n.schema_version, n.data, n.metadata
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::jsonb[], $6::jsonb[]) WITH ORDINALITY AS n(event_id, context, event_type, schema_version, data, metadata, ord)
         RETURNING ${COLUMNS})
       SELECT inserted.* FROM inserted CROSS JOIN (SELECT pg_notify($9, '')) AS woken ORDER BY inserted.stream_version`,
      [...columns, streamId, version, EVENTS_CHANNEL],
    );
    return rows.map((row) => this.toStored(row, false));
  }

  /**
   * Reads the versions of the written stream and the guarded ones (under the locks: a statement
   * after the one that took them) and refuses any that moved; answers the written stream's version.
   */
  private async requireVersions(
    runner: QueryRunner,
    streamId: string,
    expectedVersion: ExpectedVersion,
    guards: StreamGuard[],
  ): Promise<number> {
    const versions = new Map<string, number>(
      (
        (await runner.query(
          `SELECT stream_id, max(stream_version)::int AS version FROM events WHERE stream_id = ANY($1::text[]) GROUP BY stream_id`,
          [[streamId, ...guards.map((g) => g.streamId)]],
        )) as { stream_id: string; version: number }[]
      ).map((r) => [r.stream_id, r.version]),
    );
    for (const guard of guards) {
      const guarded = versions.get(guard.streamId) ?? 0;
      if (guarded !== guard.expectedVersion)
        throw new ConcurrencyConflict(guard.streamId, guard.expectedVersion, guarded);
    }
    const version = versions.get(streamId) ?? 0;
    if (expectedVersion !== 'any' && version !== expectedVersion)
      throw new ConcurrencyConflict(streamId, expectedVersion, version);
    return version;
  }

  async findIdempotentResult(idempotency: IdempotencyRequest): Promise<AppendResult | undefined> {
    const rows: { command_type: string; request_hash: string; result: AppendResult }[] = await this.dataSource.query(
      `SELECT command_type, request_hash, result FROM idempotency_keys WHERE owner = $1 AND idempotency_key = $2`,
      [idempotency.owner, idempotency.key],
    );
    if (rows.length === 0) return undefined;
    const [row] = rows;
    // A forgotten body (her erasure) can no longer be compared: the key and command type decide.
    if (
      row.command_type !== idempotency.commandType ||
      (row.request_hash !== FORGOTTEN_REQUEST && row.request_hash !== requestHash(idempotency.request))
    ) {
      throw new IdempotencyKeyReused(idempotency.key);
    }
    return { ...row.result, duplicate: true };
  }

  /**
   * Forgets the body hash of every request that wrote to these streams, inside the caller's
   * transaction (her erasure): a registration's hash is an unkeyed SHA-256 of her name, birth date
   * and phone, which a guess of all three could confirm. The rows stay, so a retry of such a
   * request still answers its first result (ids only); a reused key is then told apart only by
   * its command type. Returns how many rows it changed.
   */
  async forgetRequestsOn(runner: Pick<QueryRunner, 'query'>, streamIds: string[]): Promise<number> {
    const changed: unknown[] = await runner.query(
      `UPDATE idempotency_keys SET request_hash = $2 WHERE result->>'streamId' = ANY($1::text[]) AND request_hash <> $2 RETURNING 1`,
      [streamIds, FORGOTTEN_REQUEST],
    );
    return changed.length;
  }

  private async rememberResult(
    runner: QueryRunner,
    idempotency: IdempotencyRequest,
    result: AppendResult,
  ): Promise<void> {
    await runner.query(
      `INSERT INTO idempotency_keys (owner, idempotency_key, command_type, request_hash, result) VALUES ($1, $2, $3, $4, $5)`,
      [
        idempotency.owner,
        idempotency.key,
        idempotency.commandType,
        requestHash(idempotency.request),
        JSON.stringify(result),
      ],
    );
  }

  async streamVersion(streamId: string): Promise<number | null> {
    const [{ version }] = await this.dataSource.query(
      `SELECT max(stream_version)::int AS version FROM events WHERE stream_id = $1`,
      [streamId],
    );
    return version;
  }

  /**
   * The stream's events from `fromVersion`, in order. Inside a command whose guard already read
   * the whole stream (`PrefetchedStreams`), the first read from version 1 takes that history
   * instead of a round trip.
   */
  async readStream(streamId: string, fromVersion = 1): Promise<StoredEvent[]> {
    const prefetched = fromVersion === 1 ? currentPrefetchedStreams()?.take(streamId) : undefined;
    if (prefetched) return prefetched;
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
      [streamId, fromVersion],
    );
    return rows.map((row) => this.toStored(row, true));
  }

  /**
   * The next events after `after` in commit order. Only events whose transaction is older than
   * every transaction still in flight are returned, so a transaction that took a lower
   * global_position but commits later can never be passed over.
   */
  async readAll(after: Checkpoint, limit: number, runner?: QueryRunner): Promise<StoredEvent[]> {
    const target = runner ?? this.dataSource;
    const rows: EventRow[] = await target.query(
      `SELECT ${COLUMNS} FROM events
        WHERE (events.transaction_id, events.global_position) > ($1::xid8, $2::bigint)
          AND events.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        -- qualified: the select list renames transaction_id to text, and ORDER BY would sort that
        ORDER BY events.transaction_id, events.global_position
        LIMIT $3`,
      [after.transactionId, after.globalPosition, limit],
    );
    return rows.map((row) => this.toStored(row, true));
  }

  async readEvent(globalPosition: number): Promise<StoredEvent | undefined> {
    const rows: EventRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM events WHERE global_position = $1`, [
      globalPosition,
    ]);
    return rows[0] && this.toStored(rows[0], true);
  }

  /** Highest global position written so far (committed or not), for lag figures. */
  async headPosition(): Promise<number> {
    const [{ head }] = await this.dataSource.query(`SELECT coalesce(max(global_position), 0) AS head FROM events`);
    return Number(head);
  }

  private toStored(row: EventRow, upcast: boolean): StoredEvent {
    const lifted = upcast
      ? this.upcasters.upcast(row.event_type, row.schema_version, row.data)
      : { schemaVersion: row.schema_version, data: row.data };
    return {
      eventId: row.event_id,
      globalPosition: Number(row.global_position),
      transactionId: row.transaction_id,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      context: row.context,
      type: row.event_type,
      schemaVersion: lifted.schemaVersion,
      data: lifted.data,
      metadata: row.metadata,
      recordedAt: row.recorded_at.toISOString(),
    };
  }
}

type PgError = { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };

function pgCode(error: unknown): string | undefined {
  const e = error as PgError | null;
  return e?.code ?? e?.driverError?.code;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as PgError | null;
  return pgCode(error) === '23505' && (e?.constraint ?? e?.driverError?.constraint) === constraint;
}
