import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Write-side index for duplicate detection: one row per identity key (keyed hash, never
 * plaintext), maintained inside the append transaction of the events that carry the keys.
 * Not a read model: it is not rebuilt by a projection.
 */
export class ClientIdentityKeys1732240200000 implements MigrationInterface {
  name = 'ClientIdentityKeys1732240200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE client_identity_keys (
        identity_key text PRIMARY KEY,
        client_id    uuid NOT NULL
      )`);
    await q.query(`CREATE INDEX client_identity_keys_client ON client_identity_keys (client_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE client_identity_keys`);
  }
}
