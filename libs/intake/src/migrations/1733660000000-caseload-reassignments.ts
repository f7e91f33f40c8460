import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A bulk reassignment's plan (which case goes to which counselor) and report, kept under the
 * Idempotency-Key of the account that sent it: a retry answers the same report, and a retry after
 * a crash midway finishes the same plan. Each case's move is its own CounselorAssigned event; this
 * table holds no personal data (ids only).
 */
export class CaseloadReassignments1733660000000 implements MigrationInterface {
  name = 'CaseloadReassignments1733660000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE caseload_reassignments (
        owner            text        NOT NULL,
        idempotency_key  text        NOT NULL,
        request_hash     text        NOT NULL,
        plan             jsonb       NOT NULL,
        report           jsonb,
        created_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (owner, idempotency_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE caseload_reassignments`);
  }
}
