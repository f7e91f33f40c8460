import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The caseload keeps her identity only as it comes in the events: `personal`, the sealed envelope
 * (opened by GET /caseload in the api, unreadable once she is erased), instead of name, birth date
 * and phone in clear; `birth_year` in clear; `search_keys`, keyed hashes of her name and of her
 * phone for exact-match search; `erased_at`, set by ClientDataErased (which also drops the
 * envelope and the search keys.
 *
 * Rows projected before this migration (version 1 events, development databases only) keep their
 * clear identity as the JSON the projection writes for such events, so they still read the same;
 * they have no search keys. There is no production data to migrate.
 */
export class CaseloadSealedIdentity1732270000000 implements MigrationInterface {
  name = 'CaseloadSealedIdentity1732270000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE rm_caseload
        ADD COLUMN personal    text,
        ADD COLUMN birth_year  int,
        ADD COLUMN search_keys text[],
        ADD COLUMN erased_at   timestamptz`);
    await q.query(`
      UPDATE rm_caseload
         SET personal = json_build_object('name', name, 'birthDate', to_char(birth_date, 'YYYY-MM-DD'), 'phone', phone)::text,
             birth_year = extract(year FROM birth_date)::int
       WHERE name IS NOT NULL`);
    await q.query(`ALTER TABLE rm_caseload DROP COLUMN name, DROP COLUMN birth_date, DROP COLUMN phone`);
    await q.query(`CREATE INDEX rm_caseload_search ON rm_caseload USING gin (search_keys)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rm_caseload_search`);
    await q.query(`ALTER TABLE rm_caseload ADD COLUMN name text, ADD COLUMN birth_date date, ADD COLUMN phone text`);
    await q.query(
      `ALTER TABLE rm_caseload DROP COLUMN personal, DROP COLUMN birth_year, DROP COLUMN search_keys, DROP COLUMN erased_at`,
    );
  }
}
