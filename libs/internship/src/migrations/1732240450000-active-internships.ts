import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Write-side lookup, not a read model: which internship of a client is active, claimed and
 * released in the same transaction as InternshipStarted / InternshipEnded (and a conversion of
 * an active internship). The primary key is what keeps "one active internship per client"
 * strict when two counselors start one for her at the same time.
 */
export class ActiveInternships1732240450000 implements MigrationInterface {
  name = 'ActiveInternships1732240450000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE internship_active_by_client (
        client_id      uuid PRIMARY KEY,
        internship_id  uuid NOT NULL UNIQUE,
        start_on       date NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE internship_active_by_client`);
  }
}
