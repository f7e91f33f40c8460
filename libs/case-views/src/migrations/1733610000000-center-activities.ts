import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read model of the center-activities projection: one row per course, group program, outreach,
 * employer, agreement, job fair and council meeting, for the center's lists. No sequences (rebuildable).
 */
export class CenterActivities1733610000000 implements MigrationInterface {
  name = 'CenterActivities1733610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_center_activities (
        kind           text   NOT NULL,
        activity_id    uuid   NOT NULL,
        center_id      text   NOT NULL,
        title          text   NOT NULL,
        on_date        date,
        details        jsonb  NOT NULL,
        last_position  bigint NOT NULL,
        PRIMARY KEY (kind, activity_id)
      )`);
    await q.query(`CREATE INDEX rm_center_activities_list ON rm_center_activities (center_id, kind, on_date DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_center_activities`);
  }
}
