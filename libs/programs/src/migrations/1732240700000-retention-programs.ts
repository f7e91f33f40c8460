import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read model of the retention-programs projection: each program's current plan, and every benefit given. */
export class RetentionPrograms1732240700000 implements MigrationInterface {
  name = 'RetentionPrograms1732240700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_retention_programs (
        program_id    uuid        PRIMARY KEY,
        center_id     text        NOT NULL,
        name          text        NOT NULL,
        period_from   date        NOT NULL,
        period_to     date        NOT NULL,
        revision      integer     NOT NULL,
        milestones    jsonb       NOT NULL,
        budget        jsonb       NOT NULL,
        last_position bigint      NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_retention_programs_center ON rm_retention_programs (center_id, period_from)`);
    await q.query(`
      CREATE TABLE rm_retention_program_benefits (
        program_id       uuid    NOT NULL,
        client_id        uuid    NOT NULL,
        n                smallint NOT NULL,
        placement_id     uuid    NOT NULL,
        provided_on      date    NOT NULL,
        funding_source   text    NOT NULL,
        unit_cost        bigint  NOT NULL,
        over_plan_reason text,
        global_position  bigint  NOT NULL,
        PRIMARY KEY (program_id, client_id, n)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_retention_program_benefits`);
    await q.query(`DROP TABLE rm_retention_programs`);
  }
}
