import type { DataSource, QueryRunner } from 'typeorm';
import { internshipAlreadyActive } from '../domain/internship.decider';

/** Her internship still active, if any, for the decider's first check. */
export async function activeInternshipOf(dataSource: DataSource, clientId: string): Promise<string | undefined> {
  const rows: { internship_id: string }[] = await dataSource.query(
    `SELECT internship_id FROM internship_active_by_client WHERE client_id = $1`,
    [clientId],
  );
  return rows[0]?.internship_id;
}

/**
 * Inside the append transaction: claim her one active slot. A concurrent start for her waits on
 * the other's row and then finds it taken, so it is refused instead of making two active.
 */
export async function claimActiveSlot(
  runner: QueryRunner,
  clientId: string,
  internshipId: string,
  startOn: string,
): Promise<void> {
  const claimed: unknown[] = await runner.query(
    `INSERT INTO internship_active_by_client (client_id, internship_id, start_on) VALUES ($1, $2, $3)
     ON CONFLICT (client_id) DO NOTHING RETURNING internship_id`,
    [clientId, internshipId, startOn],
  );
  if (claimed.length === 0) {
    const [holder] = await runner.query(`SELECT internship_id FROM internship_active_by_client WHERE client_id = $1`, [
      clientId,
    ]);
    throw internshipAlreadyActive(holder?.internship_id ?? 'unknown');
  }
}

/** Inside the append transaction: the internship is over, her slot is free. */
export async function releaseActiveSlot(runner: QueryRunner, internshipId: string): Promise<void> {
  await runner.query(`DELETE FROM internship_active_by_client WHERE internship_id = $1`, [internshipId]);
}
