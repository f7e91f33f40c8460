import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The follow-up queue keeps who she is only as the intake events carry it: `personal`, her sealed
 * identity (the queue query opens it in the api and shows her name), instead of her name in clear;
 * `erased_at`, set by ClientDataErased (which drops the envelope). Rows projected before this
 * migration (version 1 events, development databases only) keep their name as the JSON the
 * projection writes for such events. There is no production data to migrate.
 */
export class FollowUpClientsSealedIdentity1732270000100 implements MigrationInterface {
  name = 'FollowUpClientsSealedIdentity1732270000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_follow_up_clients ADD COLUMN personal text, ADD COLUMN erased_at timestamptz`);
    await q.query(
      `UPDATE rm_follow_up_clients SET personal = json_build_object('name', name)::text WHERE name IS NOT NULL`,
    );
    await q.query(`ALTER TABLE rm_follow_up_clients DROP COLUMN name`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_follow_up_clients ADD COLUMN name text`);
    await q.query(`ALTER TABLE rm_follow_up_clients DROP COLUMN personal, DROP COLUMN erased_at`);
  }
}
