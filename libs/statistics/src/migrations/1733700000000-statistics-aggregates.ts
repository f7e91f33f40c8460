import { MigrationInterface, QueryRunner } from 'typeorm';
import { fillAggregatesFromFacts } from '../projections/statistics-aggregates';

/**
 * Pre-aggregated statistics (libs/statistics/src/projections/statistics-aggregates.ts), kept by
 * the statistics projection beside its facts, and each follow-up's milestone day (`due_on`, set
 * once her placement is known) so the queries find the follow-ups contacted after an as-of day.
 * A database that already holds facts gets its aggregates computed from them here. No sequences
 * (rebuildable).
 */
export class StatisticsAggregates1733700000000 implements MigrationInterface {
  name = 'StatisticsAggregates1733700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_stat_agg_counts (
        grain      char(1) NOT NULL,
        bucket     date NOT NULL,
        center_id  text NOT NULL,
        counts     jsonb NOT NULL,
        PRIMARY KEY (grain, bucket, center_id)
      )`);
    await q.query(`CREATE INDEX rm_stat_agg_counts_center ON rm_stat_agg_counts (center_id, grain, bucket)`);

    await q.query(`
      CREATE TABLE rm_stat_agg_retention (
        cohort          text NOT NULL,
        grain           char(1) NOT NULL,
        bucket          date NOT NULL,
        center_id       text NOT NULL,
        n               smallint NOT NULL,
        dim             text NOT NULL,
        value           text NOT NULL,
        eligible        integer NOT NULL,
        same_employer   integer NOT NULL,
        other_employer  integer NOT NULL,
        not_employed    integer NOT NULL,
        unreachable     integer NOT NULL,
        unverified      integer NOT NULL,
        -- A read takes one range of days or months per milestone; the counts ride in the key so
        -- settled months are read from the index alone.
        PRIMARY KEY (cohort, dim, grain, n, bucket, center_id, value) INCLUDE (eligible, same_employer, other_employer, not_employed, unreachable, unverified)
      )`);
    await q.query(`CREATE INDEX rm_stat_agg_retention_center ON rm_stat_agg_retention (center_id, cohort, dim, grain, n, bucket)`);

    await q.query(`
      CREATE TABLE rm_stat_placement_repeats (
        placement_id   uuid PRIMARY KEY,
        client_id      uuid NOT NULL,
        center_id      text NOT NULL,
        start_on       date NOT NULL,
        prev_start_on  date NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_stat_placement_repeats_client ON rm_stat_placement_repeats (client_id)`);
    // Read by a range of the previous day, from the index alone (a year's national read counts tens of thousands).
    await q.query(`CREATE INDEX rm_stat_placement_repeats_prev ON rm_stat_placement_repeats (prev_start_on) INCLUDE (start_on, center_id)`);

    await q.query(`
      CREATE TABLE rm_stat_support_repeats (
        placement_id       uuid NOT NULL,
        n                  smallint NOT NULL,
        client_id          uuid NOT NULL,
        center_id          text NOT NULL,
        contacted_on       date NOT NULL,
        prev_contacted_on  date NOT NULL,
        PRIMARY KEY (placement_id, n)
      )`);
    await q.query(`CREATE INDEX rm_stat_support_repeats_client ON rm_stat_support_repeats (client_id)`);
    await q.query(`CREATE INDEX rm_stat_support_repeats_prev ON rm_stat_support_repeats (prev_contacted_on) INCLUDE (contacted_on, center_id)`);

    await q.query(`ALTER TABLE rm_stat_follow_ups ADD COLUMN due_on date`);
    await q.query(`
      UPDATE rm_stat_follow_ups f SET due_on = CASE f.n WHEN 1 THEN p.m1_on WHEN 2 THEN p.m2_on WHEN 3 THEN p.m3_on END
        FROM rm_stat_placements p WHERE p.placement_id = f.placement_id`);
    // Follow-ups contacted after their milestone day: the only ones an as-of day can leave out.
    await q.query(`CREATE INDEX rm_stat_follow_ups_late ON rm_stat_follow_ups (due_on, contacted_on) WHERE contacted_on > due_on`);

    // The projection reads a client's completions and follow-ups on each of her placement's events.
    await q.query(`CREATE INDEX rm_stat_activities_training_client ON rm_stat_activities (client_id) WHERE kind = 'training_completion'`);
    await q.query(`CREATE INDEX rm_stat_follow_ups_client ON rm_stat_follow_ups (client_id)`);

    await fillAggregatesFromFacts((text, params) => q.query(text, params), (name) => name);
    await q.query(`ANALYZE rm_stat_agg_counts, rm_stat_agg_retention, rm_stat_placement_repeats, rm_stat_support_repeats, rm_stat_follow_ups`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rm_stat_follow_ups_late, rm_stat_follow_ups_client, rm_stat_activities_training_client`);
    await q.query(`ALTER TABLE rm_stat_follow_ups DROP COLUMN due_on`);
    await q.query(`DROP TABLE rm_stat_support_repeats, rm_stat_placement_repeats, rm_stat_agg_retention, rm_stat_agg_counts`);
  }
}
