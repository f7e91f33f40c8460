import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store, the relay/projection bookkeeping and the idempotency keys.
 *
 * `transaction_id` is the writing transaction (pg_current_xact_id()); followers read in
 * (transaction_id, global_position) order and only below the oldest transaction still in
 * flight, so an event whose transaction commits late is never skipped (docs/ARCHITECTURE.md).
 */
export class EventStore1732240000000 implements MigrationInterface {
  name = 'EventStore1732240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        global_position bigserial PRIMARY KEY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        event_id        uuid        NOT NULL UNIQUE,
        stream_id       text        NOT NULL,
        stream_version  integer     NOT NULL CHECK (stream_version >= 1),
        context         text        NOT NULL,
        event_type      text        NOT NULL,
        schema_version  integer     NOT NULL DEFAULT 1,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
      )`);
    await q.query(`CREATE INDEX events_commit_order ON events (transaction_id, global_position)`);

    // Where each follower (the relay, and each projection fed from the event store) has got to.
    await q.query(`
      CREATE TABLE checkpoints (
        name            text PRIMARY KEY,
        transaction_id  xid8   NOT NULL DEFAULT '0',
        global_position bigint NOT NULL DEFAULT 0,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);

    // Per projection and stream, the last event applied: makes redelivery (Kafka at-least-once,
    // a relay that re-sends after a crash) change nothing, and answers read-your-writes.
    await q.query(`
      CREATE TABLE projection_stream_positions (
        projection      text    NOT NULL,
        stream_id       text    NOT NULL,
        stream_version  integer NOT NULL,
        global_position bigint  NOT NULL,
        PRIMARY KEY (projection, stream_id)
      )`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        idempotency_key text PRIMARY KEY,
        command_type    text  NOT NULL,
        request_hash    text  NOT NULL,
        result          jsonb NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);

    // Events a projection gave up on after its retries; they are also sent to the dead-letter topic in Kafka mode.
    await q.query(`
      CREATE TABLE dead_letters (
        id              bigserial PRIMARY KEY,
        projection      text   NOT NULL,
        event_id        uuid   NOT NULL,
        global_position bigint NOT NULL,
        event_type      text   NOT NULL,
        error           text   NOT NULL,
        attempts        integer NOT NULL,
        source          text   NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (projection, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dead_letters, idempotency_keys, projection_stream_positions, checkpoints, events`);
  }
}
