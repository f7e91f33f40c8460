import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The retention-period job looks for cases closed before a cutoff day, oldest first. Without an
 * index that is a scan of the whole event store every run (1.8 M events at national scale); this
 * partial index holds only the CaseClosed events, by the day they closed on (ISO text, which sorts
 * as the date does). Built in the migration's transaction: it locks writes to `events` while it
 * reads the table once (seconds at national scale), so run the upgrade in a quiet hour.
 */
export class CaseClosedIndex1732280000000 implements MigrationInterface {
  name = 'CaseClosedIndex1732280000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX events_case_closed_on ON events ((data->>'closedOn'), stream_id) WHERE event_type = 'CaseClosed'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX events_case_closed_on`);
  }
}
