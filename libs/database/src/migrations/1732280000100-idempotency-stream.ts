import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A woman's erasure forgets the body hash of the requests that wrote to her streams (her
 * registration's hash is an unkeyed SHA-256 of her name, birth date and phone): this index finds
 * those rows by the stream their result names instead of scanning every idempotency key.
 */
export class IdempotencyStream1732280000100 implements MigrationInterface {
  name = 'IdempotencyStream1732280000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX idempotency_keys_stream ON idempotency_keys ((result->>'streamId'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idempotency_keys_stream`);
  }
}
