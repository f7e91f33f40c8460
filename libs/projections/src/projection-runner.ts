import type { QueryRunner } from 'typeorm';
import type { StoredEvent } from '@saeil/event-store';
import { ident } from '@saeil/database';
import { Metrics } from '@saeil/observability';
import {
  physicalTable,
  positionsKey,
  Projection,
  ProjectionContext,
  ProjectionTarget,
  projectionLockKey,
} from './projection';

export interface DeadLetter {
  projection: string;
  event: StoredEvent;
  error: string;
  attempts: number;
}

/**
 * Thrown by an apply when the failure is not the event's fault (a reactor's own connection to
 * the database broke, say): the whole batch is rolled back and tried again later, instead of the
 * event going to the dead letters. A reactor must never skip an event it could still act on.
 */
export class RetryLater extends Error {
  constructor(override readonly cause: unknown) {
    super(`retry later: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'RetryLater';
  }
}

interface StreamPosition {
  streamVersion: number;
  globalPosition: number;
}

/**
 * Applies events to one projection inside a transaction the caller owns, together with the
 * per-stream positions that make redelivery harmless. An event whose apply keeps failing is
 * rolled back to its savepoint, recorded as a dead letter and passed over, so one poison event
 * does not stop everything behind it.
 */
export class ProjectionRunner {
  private readonly key: string;
  private readonly handled: Set<string>;

  constructor(
    readonly projection: Projection,
    readonly target: ProjectionTarget,
    private readonly maxAttempts: number,
    private readonly metrics?: Metrics,
  ) {
    this.key = positionsKey(projection.name, target);
    this.handled = new Set(projection.eventTypes);
  }

  handles(type: string): boolean {
    return this.handled.has(type);
  }

  async lock(runner: QueryRunner): Promise<void> {
    await runner.query('SELECT pg_advisory_xact_lock(hashtext($1))', [projectionLockKey(this.projection.name)]);
  }

  /**
   * @param dedupe skip events at or below the stream's recorded version (needed for Kafka, where a
   *   consumer group redelivers what it had not committed when it crashed; the relay itself sends
   *   each event once; the event-store feed is exact through its checkpoint).
   * @param source where the events came from, for the dead-letter record.
   */
  async applyBatch(runner: QueryRunner, events: StoredEvent[], dedupe: boolean, source: string): Promise<DeadLetter[]> {
    const relevant = events.filter((e) => this.handles(e.type));
    if (relevant.length === 0) return [];
    const known = dedupe
      ? await this.loadPositions(runner, [...new Set(relevant.map((e) => e.streamId))])
      : new Map<string, StreamPosition>();
    const touched = new Map<string, StreamPosition>();
    const deadLetters: DeadLetter[] = [];
    const ctx = this.context(runner);
    // Redeliveries (at or below the stream's recorded version) are passed over before anything is applied.
    const fresh: StoredEvent[] = [];
    for (const event of relevant) {
      const seen = touched.get(event.streamId) ?? known.get(event.streamId);
      if (seen && seen.streamVersion >= event.streamVersion) continue;
      fresh.push(event);
      touched.set(event.streamId, { streamVersion: event.streamVersion, globalPosition: event.globalPosition });
    }
    let applied = 0;
    if (fresh.length > 0 && this.projection.applyBatch && (await this.applyAsBatch(runner, fresh, ctx))) {
      applied = fresh.length;
    } else {
      for (const event of fresh) {
        const failure = await this.applyWithRetries(runner, event, ctx);
        if (failure) {
          const letter = {
            projection: this.projection.name,
            event,
            error: failure.message,
            attempts: this.maxAttempts,
          };
          await this.recordDeadLetter(runner, letter, source);
          deadLetters.push(letter);
        } else {
          applied += 1;
        }
      }
    }
    await this.savePositions(runner, touched);
    if (applied) this.metrics?.projectionApplied.inc({ projection: this.projection.name }, applied);
    if (deadLetters.length) this.metrics?.deadLetters.inc({ projection: this.projection.name }, deadLetters.length);
    return deadLetters;
  }

  /**
   * The whole batch through the projection's `applyBatch`, inside a savepoint: true when it was
   * applied; false when it failed and was rolled back, so that the caller applies the events one
   * by one and finds the event at fault (a failure that is not the events' fault fails them too,
   * and each is retried there as usual).
   */
  private async applyAsBatch(runner: QueryRunner, events: StoredEvent[], ctx: ProjectionContext): Promise<boolean> {
    await runner.query('SAVEPOINT apply_batch');
    try {
      await this.projection.applyBatch!(events, ctx);
      await runner.query('RELEASE SAVEPOINT apply_batch');
      return true;
    } catch (error) {
      await runner.query('ROLLBACK TO SAVEPOINT apply_batch');
      if (error instanceof RetryLater) throw error;
      return false;
    }
  }

  private async applyWithRetries(
    runner: QueryRunner,
    event: StoredEvent,
    ctx: ProjectionContext,
  ): Promise<Error | undefined> {
    let lastError: Error | undefined;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      await runner.query('SAVEPOINT apply_event');
      try {
        await this.projection.apply(event, ctx);
        await runner.query('RELEASE SAVEPOINT apply_event');
        return undefined;
      } catch (error) {
        await runner.query('ROLLBACK TO SAVEPOINT apply_event');
        if (error instanceof RetryLater) throw error;
        lastError = error instanceof Error ? error : new Error(String(error));
      }
    }
    return lastError;
  }

  private context(runner: QueryRunner): ProjectionContext {
    const tables = new Set(this.projection.tables);
    return {
      query: (text, params) => runner.query(text, params),
      table: (logical) => {
        if (!tables.has(logical)) throw new Error(`projection ${this.projection.name} does not own table ${logical}`);
        return ident(physicalTable(logical, this.target));
      },
    };
  }

  private async loadPositions(runner: QueryRunner, streamIds: string[]): Promise<Map<string, StreamPosition>> {
    const rows: { stream_id: string; stream_version: number; global_position: string }[] = await runner.query(
      `SELECT stream_id, stream_version, global_position FROM projection_stream_positions
        WHERE projection = $1 AND stream_id = ANY($2::text[])`,
      [this.key, streamIds],
    );
    return new Map(
      rows.map((r) => [r.stream_id, { streamVersion: r.stream_version, globalPosition: Number(r.global_position) }]),
    );
  }

  private async savePositions(runner: QueryRunner, touched: Map<string, StreamPosition>): Promise<void> {
    if (touched.size === 0) return;
    const ids = [...touched.keys()];
    await runner.query(
      `INSERT INTO projection_stream_positions (projection, stream_id, stream_version, global_position)
       SELECT $1, * FROM unnest($2::text[], $3::int[], $4::bigint[])
       ON CONFLICT (projection, stream_id) DO UPDATE
         SET stream_version = EXCLUDED.stream_version, global_position = EXCLUDED.global_position
         WHERE projection_stream_positions.stream_version < EXCLUDED.stream_version`,
      [
        this.key,
        ids,
        ids.map((id) => touched.get(id)!.streamVersion),
        ids.map((id) => touched.get(id)!.globalPosition),
      ],
    );
  }

  private async recordDeadLetter(runner: QueryRunner, letter: DeadLetter, source: string): Promise<void> {
    await runner.query(
      `INSERT INTO dead_letters (projection, event_id, global_position, event_type, error, attempts, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (projection, event_id) DO NOTHING`,
      [
        positionsKey(this.projection.name, this.target),
        letter.event.eventId,
        letter.event.globalPosition,
        letter.event.type,
        letter.error.slice(0, 4000),
        letter.attempts,
        source,
      ],
    );
  }
}
