import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Write-side ledger of startup marketing grants per center, grant year and team: read and written
 * inside the append transaction of StartupGrantPaid, under the (center, year) lock, so the number
 * of funded teams and a team's cap stay strict across clients. Not a read model: never rebuilt
 * (it could be, from StartupGrantPaid, which carries centerId, grantYear and teamKey).
 */
export class StartupGrantTeams1732240500000 implements MigrationInterface {
  name = 'StartupGrantTeams1732240500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE startup_grant_teams (
        center_id     text    NOT NULL,
        grant_year    integer NOT NULL,
        team_key      text    NOT NULL,
        total_amount  bigint  NOT NULL CHECK (total_amount > 0),
        PRIMARY KEY (center_id, grant_year, team_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE startup_grant_teams`);
  }
}
