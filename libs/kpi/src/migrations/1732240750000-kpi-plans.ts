import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read model of the kpi-plans projection: each plan's indicators, and every actual entered (kept,
 * not overwritten: achievement as of an earlier date or position reads the figures of then).
 */
export class KpiPlans1732240750000 implements MigrationInterface {
  name = 'KpiPlans1732240750000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_kpi_plans (
        plan_id         uuid    PRIMARY KEY,
        center_id       text    NOT NULL,
        name            text    NOT NULL,
        from_year       integer NOT NULL,
        to_year         integer NOT NULL,
        indicators      jsonb   NOT NULL,
        global_position bigint  NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_kpi_plans_center ON rm_kpi_plans (center_id)`);
    await q.query(`
      CREATE TABLE rm_kpi_actuals (
        plan_id         uuid    NOT NULL,
        global_position bigint  NOT NULL,
        indicator_id    uuid    NOT NULL,
        year            integer NOT NULL,
        quarter         smallint NOT NULL,
        value           double precision NOT NULL,
        entered_on      date    NOT NULL,
        PRIMARY KEY (plan_id, global_position)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_kpi_actuals`);
    await q.query(`DROP TABLE rm_kpi_plans`);
  }
}
