import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The caseload search's index becomes a write-side table beside `client_identity_keys`: her
 * search keys (keyed hashes of her name alone and of her phone digits alone), written in the
 * registration's or profile change's transaction and deleted by her erasure. They used to travel
 * in clear in the events and sit in `rm_caseload.search_keys`; events now carry them sealed
 * (ClientRegistered v3), and the read model's column is dropped by case-views' next migration,
 * after its keys of women not erased are copied here.
 */
export class ClientSearchKeys1732290000100 implements MigrationInterface {
  name = 'ClientSearchKeys1732290000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE client_search_keys (
        search_key text NOT NULL,
        client_id  uuid NOT NULL,
        PRIMARY KEY (search_key, client_id)
      )`);
    await q.query(`CREATE INDEX client_search_keys_client ON client_search_keys (client_id)`);
    const [{ present }] = await q.query(
      `SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'rm_caseload' AND column_name = 'search_keys') AS present`,
    );
    if (present) {
      await q.query(`
        INSERT INTO client_search_keys (search_key, client_id)
        SELECT DISTINCT k, client_id FROM rm_caseload, unnest(search_keys) AS k WHERE search_keys IS NOT NULL AND erased_at IS NULL
        ON CONFLICT DO NOTHING`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE client_search_keys`);
  }
}
