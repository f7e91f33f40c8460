import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read model of the timeline projection: one row per client an event concerns. */
export class Timeline1732240600000 implements MigrationInterface {
  name = 'Timeline1732240600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_timeline (
        client_id       uuid        NOT NULL,
        event_id        uuid        NOT NULL,
        global_position bigint      NOT NULL,
        occurred_at     timestamptz NOT NULL,
        recorded_at     timestamptz NOT NULL,
        context         text        NOT NULL,
        event_type      text        NOT NULL,
        actor_id        text        NOT NULL,
        center_id       text        NOT NULL,
        summary         text        NOT NULL,
        PRIMARY KEY (client_id, event_id)
      )`);
    await q.query(
      `CREATE INDEX rm_timeline_client_time ON rm_timeline (client_id, occurred_at DESC, global_position DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_timeline`);
  }
}
