import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The caseload no longer keeps her search keys: they were keyed hashes of her name and phone
 * taken from the events in clear, and a projection in the worker cannot open the sealed ones
 * (ClientRegistered v3). The search reads intake's write-side `client_search_keys` instead (filled
 * from this column by intake's migration just before), which her erasure deletes from.
 */
export class CaseloadSearchKeysOut1732290000200 implements MigrationInterface {
  name = 'CaseloadSearchKeysOut1732290000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS rm_caseload_search`);
    await q.query(`ALTER TABLE rm_caseload DROP COLUMN search_keys`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_caseload ADD COLUMN search_keys text[]`);
    await q.query(`CREATE INDEX rm_caseload_search ON rm_caseload USING gin (search_keys)`);
  }
}
