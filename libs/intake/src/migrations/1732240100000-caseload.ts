import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read model of the caseload projection (rebuildable: no sequences, see Projection). */
export class Caseload1732240100000 implements MigrationInterface {
  name = 'Caseload1732240100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_caseload (
        client_id      uuid PRIMARY KEY,
        center_id      text NOT NULL,
        counselor_id   text NOT NULL,
        name           text NOT NULL,
        birth_date     date NOT NULL,
        phone          text NOT NULL,
        status         text NOT NULL,
        registered_at  timestamptz NOT NULL,
        last_event_at  timestamptz NOT NULL,
        last_position  bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_caseload_counselor ON rm_caseload (counselor_id, registered_at DESC)`);
    await q.query(`CREATE INDEX rm_caseload_center ON rm_caseload (center_id, registered_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_caseload`);
  }
}
