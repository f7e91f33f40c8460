import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Ministry dashboard's own store: schema `ministry_dashboard`, apart from every case table.
 * One row per submitted version of a Ministry report, as the feed carried it (the de-identified,
 * suppressed figures): nothing here names a person, and nothing reads the case tables to fill it.
 */
export class MinistryDashboard1733700000000 implements MigrationInterface {
  name = 'MinistryDashboard1733700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS ministry_dashboard`);
    await q.query(`
      CREATE TABLE ministry_dashboard.report_versions (
        report_id       text        NOT NULL,
        level           text        NOT NULL CHECK (level IN ('center', 'region', 'nation')),
        scope_id        text,
        period          text        NOT NULL,
        period_kind     text        NOT NULL CHECK (period_kind IN ('month', 'quarter')),
        version         integer     NOT NULL,
        as_of_position  bigint      NOT NULL,
        content_hash    text        NOT NULL,
        submitted_on    date        NOT NULL,
        figures         jsonb       NOT NULL,
        -- the headline figures read by every dashboard query, taken from figures when the row arrives
        indicators      jsonb       NOT NULL,
        feed_position   bigint      NOT NULL,
        received_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (report_id, version)
      )`);
    await q.query(`CREATE INDEX report_versions_period ON ministry_dashboard.report_versions (period, level)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA ministry_dashboard CASCADE`);
  }
}
