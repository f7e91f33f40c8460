import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to an account row is announced on `saeil_account_changed` (payload: the account id;
 * '*' for a TRUNCATE), from a trigger, so no way of changing an account escapes it — the api's
 * methods, a migration, an administrator at psql. NOTIFY is delivered when the transaction
 * commits, and never if it rolls back. Every process caches the accounts its guard checks only
 * while it hears this channel (`AccountCache`): a disabled account, a new role or center, a
 * raised token version count in every process as soon as the announcement arrives.
 */
export class AccountChangeNotify1733710000000 implements MigrationInterface {
  name = 'AccountChangeNotify1733710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION saeil_account_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM pg_notify('saeil_account_changed', '*');
        ELSE
          PERFORM pg_notify('saeil_account_changed', OLD.account_id::text);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER accounts_changed AFTER UPDATE OR DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION saeil_account_changed()`,
    );
    await q.query(
      `CREATE TRIGGER accounts_truncated AFTER TRUNCATE ON accounts FOR EACH STATEMENT EXECUTE FUNCTION saeil_account_changed()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER accounts_truncated ON accounts`);
    await q.query(`DROP TRIGGER accounts_changed ON accounts`);
    await q.query(`DROP FUNCTION saeil_account_changed()`);
  }
}
