import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refused reads are logged too (issue 13): each row says whether the data was shown. Rows written
 * before keep NULL (they were all shown reads) and keep hashing as they were written.
 */
export class AccessLogOutcome1733580000000 implements MigrationInterface {
  name = 'AccessLogOutcome1733580000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE access_log ADD COLUMN outcome text CHECK (outcome IN ('allowed', 'refused'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE access_log DROP COLUMN outcome`);
  }
}
