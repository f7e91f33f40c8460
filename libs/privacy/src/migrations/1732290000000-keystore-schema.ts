import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The data keys move to a schema of their own, `keystore`, so that they can be backed up apart
 * from everything else and kept for a shorter time (docs/PRIVACY.md "Backups"): a backup of the
 * rest holds only envelopes, which open nothing once the key-store backups of her time have
 * expired. The generated master key of a development start no longer lives in the database
 * (resolveMasterKeyring moves a former one to the data directory and drops its table); a fresh
 * database's empty table for it goes now.
 */
export class KeystoreSchema1732290000000 implements MigrationInterface {
  name = 'KeystoreSchema1732290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA keystore`);
    await q.query(`ALTER TABLE privacy_data_keys SET SCHEMA keystore`);
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM privacy_generated_master_key) THEN DROP TABLE privacy_generated_master_key; END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE keystore.privacy_data_keys SET SCHEMA public`);
    await q.query(`DROP SCHEMA keystore`);
    await q.query(
      `CREATE TABLE IF NOT EXISTS privacy_generated_master_key (name text PRIMARY KEY, secret text NOT NULL)`,
    );
  }
}
