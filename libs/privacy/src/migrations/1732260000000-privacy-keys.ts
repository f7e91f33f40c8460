import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-client data keys (crypto-shredding). A plain table, not events: erasing her must destroy
 * her key for good, which an append-only store cannot. One row per client for ever: while she is
 * not erased it holds her data key wrapped by a master key (named by its id, so a rotation can
 * re-wrap row by row); erasure overwrites the key with NULL and keeps the row as the erasure
 * record (when, why, by whom — no personal data), which also stops a new key being issued for her.
 */
export class PrivacyKeys1732260000000 implements MigrationInterface {
  name = 'PrivacyKeys1732260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE privacy_data_keys (
        client_id       text        PRIMARY KEY,
        key_id          uuid        NOT NULL UNIQUE,
        master_key_id   text,
        wrapped_key     bytea,
        created_at      timestamptz NOT NULL DEFAULT now(),
        rewrapped_at    timestamptz,
        erased_at       timestamptz,
        erasure_reason  text        CHECK (erasure_reason IN ('client_request', 'retention_period_ended')),
        erased_by       text,
        CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL)),
        CHECK ((master_key_id IS NULL) = (wrapped_key IS NULL)),
        CHECK ((erased_at IS NULL) = (erasure_reason IS NULL) AND (erased_at IS NULL) = (erased_by IS NULL))
      )`);
    // Only used to find the rows a rotation still has to re-wrap.
    await q.query(
      `CREATE INDEX privacy_data_keys_master ON privacy_data_keys (master_key_id) WHERE wrapped_key IS NOT NULL`,
    );
    // Development only (no PRIVACY_MASTER_KEY outside production): see resolveMasterKeyring.
    await q.query(`CREATE TABLE privacy_generated_master_key (name text PRIMARY KEY, secret text NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE privacy_generated_master_key`);
    await q.query(`DROP TABLE privacy_data_keys`);
  }
}
