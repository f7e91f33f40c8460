import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read model of the caseload projection: one row per client, with the facts the status is
 * derived from (jsonb) and the columns counselors filter and sort on. No sequences (rebuildable).
 * Identity columns are null until her ClientRegistered arrives: in Kafka mode another context's
 * event about her may be applied first (topics are not ordered with each other).
 */
export class Caseload1732240600100 implements MigrationInterface {
  name = 'Caseload1732240600100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_caseload (
        client_id        uuid PRIMARY KEY,
        center_id        text,
        counselor_id     text,
        name             text,
        birth_date       date,
        phone            text,
        region           text,
        status           text NOT NULL,
        facts            jsonb NOT NULL,
        registered_at    timestamptz,
        last_contact_on  date,
        next_action      text,
        next_action_due  date,
        last_event_at    timestamptz NOT NULL,
        last_position    bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_caseload_counselor ON rm_caseload (counselor_id, status, registered_at DESC)`);
    await q.query(`CREATE INDEX rm_caseload_center ON rm_caseload (center_id, status, registered_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_caseload`);
  }
}
