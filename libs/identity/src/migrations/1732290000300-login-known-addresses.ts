import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where each user name has logged in (issue 13, finding 11): from a known address only the
 * pair's own delays apply, so failures elsewhere cannot keep her out. Kept 90 days after the last
 * success (identity housekeeping).
 */
export class LoginKnownAddresses1732290000300 implements MigrationInterface {
  name = 'LoginKnownAddresses1732290000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_known_addresses (
        username         text        NOT NULL,
        source_address   text        NOT NULL,
        last_success_at  timestamptz NOT NULL,
        PRIMARY KEY (username, source_address)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_known_addresses`);
  }
}
