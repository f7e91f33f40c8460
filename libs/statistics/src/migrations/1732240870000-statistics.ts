import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fact tables of the statistics projection. Every row keeps the global position of the event that
 * set it (`position`, and `ended_position` / `voided_position` for what changed a placement later),
 * so every figure can be counted as of a position. No sequences (rebuildable).
 *
 * Indexes follow the queries: each one filters a date range (and a center list) and groups by
 * center; retention joins a placement's follow-ups by (placement_id, n); training employment looks
 * up a completer's placements by client.
 */
export class Statistics1732240870000 implements MigrationInterface {
  name = 'Statistics1732240870000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_stat_clients (
        client_id      uuid PRIMARY KEY,
        center_id      text NOT NULL,
        registered_on  date NOT NULL,
        position       bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_stat_clients_day ON rm_stat_clients (registered_on, center_id)`);

    await q.query(`
      CREATE TABLE rm_stat_placements (
        placement_id      uuid PRIMARY KEY,
        client_id         uuid NOT NULL,
        center_id         text NOT NULL,
        start_on          date NOT NULL,
        m1_on             date NOT NULL,
        m2_on             date NOT NULL,
        m3_on             date NOT NULL,
        employment_type   text NOT NULL,
        occupation_group  text NOT NULL,
        monthly_wage      bigint NOT NULL,
        wage_band         text NOT NULL,
        channel           text NOT NULL,
        position          bigint NOT NULL,
        ended_on          date,
        ended_position    bigint,
        voided_position   bigint
      )`);
    await q.query(`CREATE INDEX rm_stat_placements_start ON rm_stat_placements (start_on, center_id)`);
    await q.query(`CREATE INDEX rm_stat_placements_client ON rm_stat_placements (client_id, start_on)`);

    await q.query(`
      CREATE TABLE rm_stat_follow_ups (
        placement_id   uuid NOT NULL,
        n              smallint NOT NULL,
        client_id      uuid NOT NULL,
        contacted_on   date NOT NULL,
        outcome        text NOT NULL,
        with_support   boolean NOT NULL,
        program_id     text,
        position       bigint NOT NULL,
        PRIMARY KEY (placement_id, n)
      )`);
    await q.query(`CREATE INDEX rm_stat_follow_ups_support ON rm_stat_follow_ups (contacted_on) WHERE with_support`);

    await q.query(`
      CREATE TABLE rm_stat_activities (
        event_id     uuid PRIMARY KEY,
        kind         text NOT NULL,
        center_id    text NOT NULL,
        client_id    uuid,
        occurred_on  date NOT NULL,
        detail       text,
        amount       integer NOT NULL,
        position     bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_stat_activities_day ON rm_stat_activities (occurred_on, kind, center_id)`);

    // Centers seen in any fact (the directory may not list them all) and the newest position applied.
    await q.query(`CREATE TABLE rm_stat_centers (center_id text PRIMARY KEY, position bigint NOT NULL)`);
    await q.query(`CREATE TABLE rm_stat_position (id smallint PRIMARY KEY, position bigint NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE rm_stat_position, rm_stat_centers, rm_stat_activities, rm_stat_follow_ups, rm_stat_placements, rm_stat_clients`,
    );
  }
}
