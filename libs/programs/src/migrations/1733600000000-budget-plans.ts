import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read model of the budget-plans projection: each plan as it stands, every revision (the
 * amendment history), every execution entry, and the retention programs' benefits by year and
 * source (they count as executed in the program's plan).
 */
export class BudgetPlans1733600000000 implements MigrationInterface {
  name = 'BudgetPlans1733600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_budget_plans (
        plan_id       uuid     PRIMARY KEY,
        center_id     text     NOT NULL,
        name          text     NOT NULL,
        project_kind  text     NOT NULL,
        program_id    uuid,
        from_year     smallint NOT NULL,
        to_year       smallint NOT NULL,
        decimals      smallint NOT NULL,
        revision      integer  NOT NULL,
        lines         jsonb    NOT NULL,
        last_position bigint   NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_budget_plans_center ON rm_budget_plans (center_id, from_year)`);
    await q.query(`
      CREATE TABLE rm_budget_plan_revisions (
        plan_id         uuid        NOT NULL,
        revision        integer     NOT NULL,
        amended_on      date,
        reason          text,
        name            text        NOT NULL,
        from_year       smallint    NOT NULL,
        to_year         smallint    NOT NULL,
        decimals        smallint    NOT NULL,
        lines           jsonb       NOT NULL,
        actor_id        text        NOT NULL,
        recorded_at     timestamptz NOT NULL,
        global_position bigint      NOT NULL,
        PRIMARY KEY (plan_id, revision)
      )`);
    await q.query(`
      CREATE TABLE rm_budget_executions (
        entry_id        uuid        PRIMARY KEY,
        plan_id         uuid        NOT NULL,
        executed_on     date        NOT NULL,
        year            smallint    NOT NULL,
        source          text        NOT NULL,
        amount          bigint      NOT NULL,
        purpose         text        NOT NULL,
        corrects        uuid,
        entered_by      text        NOT NULL,
        recorded_at     timestamptz NOT NULL,
        global_position bigint      NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_budget_executions_plan ON rm_budget_executions (plan_id, global_position)`);
    await q.query(`
      CREATE TABLE rm_budget_program_benefits (
        program_id      uuid     NOT NULL,
        client_id       uuid     NOT NULL,
        n               smallint NOT NULL,
        year            smallint NOT NULL,
        source          text     NOT NULL,
        amount          bigint   NOT NULL,
        global_position bigint   NOT NULL,
        PRIMARY KEY (program_id, client_id, n)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_budget_program_benefits`);
    await q.query(`DROP TABLE rm_budget_executions`);
    await q.query(`DROP TABLE rm_budget_plan_revisions`);
    await q.query(`DROP TABLE rm_budget_plans`);
  }
}
