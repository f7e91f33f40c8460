import type { QueryRunner } from 'typeorm';
import type { StartupGrantPaidV1 } from '@saeil/contracts';
import { checkTeamGrant, GrantBudget } from '../../domain/startup-grant-budget';

/**
 * Inside the append transaction of a StartupGrantPaid: under the lock of the center's grant
 * year, reads what the center granted that year, applies the budget rule and books the grant.
 * Concurrent grants of one center and year queue on the lock, so the 11th team is refused even
 * when two counselors pay at the same moment; a refusal rolls the event back with it.
 */
export async function bookTeamGrant(
  runner: QueryRunner,
  grant: Pick<StartupGrantPaidV1, 'centerId' | 'grantYear' | 'teamKey' | 'amount'>,
  budget: GrantBudget,
): Promise<void> {
  const { centerId, grantYear, teamKey, amount } = grant;
  await runner.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`startup-grants-${centerId}-${grantYear}`]);
  const teams: { team_key: string; total_amount: string }[] = await runner.query(
    `SELECT team_key, total_amount FROM startup_grant_teams WHERE center_id = $1 AND grant_year = $2`,
    [centerId, grantYear],
  );
  const team = teams.find((t) => t.team_key === teamKey);
  checkTeamGrant(
    { fundedTeams: teams.length, teamFunded: team !== undefined, teamPaid: Number(team?.total_amount ?? 0) },
    amount,
    budget,
    { centerId, grantYear },
  );
  await runner.query(
    `INSERT INTO startup_grant_teams (center_id, grant_year, team_key, total_amount) VALUES ($1, $2, $3, $4)
     ON CONFLICT (center_id, grant_year, team_key) DO UPDATE SET total_amount = startup_grant_teams.total_amount + EXCLUDED.total_amount`,
    [centerId, grantYear, teamKey, amount],
  );
}
