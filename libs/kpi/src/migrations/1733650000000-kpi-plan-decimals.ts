import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A KPI plan's display precision (KpiPlanDefined.decimals): the decimals its table writes
 * achievement with, kept in the display texts. Null for plans that give none (and every plan
 * defined before): up to 2 digits, trailing zeros dropped. Rebuilding kpi-plans fills it from
 * the events.
 */
export class KpiPlanDecimals1733650000000 implements MigrationInterface {
  name = 'KpiPlanDecimals1733650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_kpi_plans ADD COLUMN decimals smallint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_kpi_plans DROP COLUMN decimals`);
  }
}
