import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read model of the follow-up-queue projection: one row per milestone of a placement (what the
 * sweep reads and the work queue shows), and who the client and the employer are (fed by intake
 * and placement events, which in Kafka mode may come before or after the follow-ups: separate
 * tables joined at read time). No sequences (rebuildable).
 */
export class FollowUpQueue1732240860000 implements MigrationInterface {
  name = 'FollowUpQueue1732240860000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_follow_ups (
        placement_id    uuid NOT NULL,
        n               int NOT NULL,
        client_id       uuid NOT NULL,
        center_id       text NOT NULL,
        counselor_id    text NOT NULL,
        start_on        date NOT NULL,
        due_on          date NOT NULL,
        opens_on        date NOT NULL,
        closes_on       date NOT NULL,
        status          text NOT NULL,
        due_marked      boolean NOT NULL DEFAULT false,
        overdue_marked  boolean NOT NULL DEFAULT false,
        contacted_on    date,
        outcome         text,
        last_position   bigint NOT NULL,
        PRIMARY KEY (placement_id, n)
      )`);
    await q.query(`CREATE INDEX rm_follow_ups_open ON rm_follow_ups (opens_on) WHERE status = 'open'`);
    await q.query(`CREATE INDEX rm_follow_ups_client ON rm_follow_ups (client_id)`);
    await q.query(`
      CREATE TABLE rm_follow_up_clients (
        client_id     uuid PRIMARY KEY,
        name          text,
        center_id     text,
        counselor_id  text
      )`);
    await q.query(`CREATE INDEX rm_follow_up_clients_counselor ON rm_follow_up_clients (counselor_id)`);
    await q.query(`CREATE INDEX rm_follow_up_clients_center ON rm_follow_up_clients (center_id)`);
    await q.query(`
      CREATE TABLE rm_follow_up_placements (
        placement_id   uuid PRIMARY KEY,
        employer_name  text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_follow_up_placements`);
    await q.query(`DROP TABLE rm_follow_up_clients`);
    await q.query(`DROP TABLE rm_follow_ups`);
  }
}
