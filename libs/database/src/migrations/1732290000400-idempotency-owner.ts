import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An idempotency key belongs to the account that used it (issue 13, finding 2): keyed by
 * (owner, key), so another account's identical key is another key — it never answers with the
 * first one's result, and its command runs. Existing rows take as owner the actor of the events
 * they wrote (every row was written in the transaction of its events); a row whose events cannot
 * be found (none should exist) gets an owner no account has, so no one's request ever matches it.
 */
export class IdempotencyOwner1732290000400 implements MigrationInterface {
  name = 'IdempotencyOwner1732290000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys ADD COLUMN owner text`);
    await q.query(`
      UPDATE idempotency_keys k SET owner = e.metadata->>'actorId'
        FROM events e
       WHERE e.event_id = (k.result->'eventIds'->>0)::uuid`);
    await q.query(`UPDATE idempotency_keys SET owner = 'unknown:before-owners' WHERE owner IS NULL`);
    await q.query(`ALTER TABLE idempotency_keys ALTER COLUMN owner SET NOT NULL`);
    await q.query(`ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey`);
    await q.query(`ALTER TABLE idempotency_keys ADD PRIMARY KEY (owner, idempotency_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Keys used by several accounts cannot share one global key again: the later ones are dropped.
    await q.query(
      `DELETE FROM idempotency_keys a USING idempotency_keys b WHERE a.idempotency_key = b.idempotency_key AND a.created_at > b.created_at`,
    );
    await q.query(`ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey`);
    await q.query(`ALTER TABLE idempotency_keys ADD PRIMARY KEY (idempotency_key)`);
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN owner`);
  }
}
