import type { StoredEvent } from '@saeil/event-store';
import { EVENT_CONTRACTS } from '@saeil/contracts';
import type { Projection, ProjectionContext } from '@saeil/projections';
import { FactChange, factOf, STATISTICS_EVENT_TYPES } from '../domain/facts';

const TABLES = [
  'rm_stat_clients',
  'rm_stat_placements',
  'rm_stat_follow_ups',
  'rm_stat_activities',
  'rm_stat_centers',
  'rm_stat_position',
];

/** The event types the projection applies: those of the fact folding that some context publishes. */
const EVENT_TYPES = STATISTICS_EVENT_TYPES.filter((type) => EVENT_CONTRACTS.some((c) => c.type === type));

/**
 * Fact tables of the statistics (retention, employment, activity), one row per fact with the
 * position of the event that set it. Queries count them as of a position and roll them up
 * center → region → nation (StatisticsQueries).
 *
 * Kafka mode: topics are not ordered with each other, so nothing here depends on another
 * stream's event having been applied: a follow-up row joins its placement only when queried.
 * Events of one placement (start, end, void) share her placements stream and arrive in order.
 * `rm_stat_position` holds the newest position applied: figures asked for without an
 * asOfPosition are counted as of it, read once, so one answer is consistent in itself.
 */
export const statisticsProjection: Projection = {
  name: 'statistics',
  tables: TABLES,
  contexts: [
    ...new Set(
      EVENT_CONTRACTS.filter((c) => (EVENT_TYPES as readonly string[]).includes(c.type)).map((c) => c.context),
    ),
  ],
  eventTypes: [...EVENT_TYPES],

  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const change = factOf(event as StoredEvent<Record<string, any>>);
    if (!change) return;
    // First, so that the row doubles as this projection's mutex: Kafka partition batches applied
    // side by side take it before any other row and cannot deadlock on the rest.
    await ctx.query(
      `INSERT INTO ${ctx.table('rm_stat_position')} AS p (id, position) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET position = greatest(p.position, EXCLUDED.position)`,
      [event.globalPosition],
    );
    await write(change, ctx);
    const centerId = centerOf(change);
    if (centerId) {
      await ctx.query(
        `INSERT INTO ${ctx.table('rm_stat_centers')} (center_id, position) VALUES ($1, $2) ON CONFLICT (center_id) DO NOTHING`,
        [centerId, event.globalPosition],
      );
    }
  },
};

function centerOf(change: FactChange): string | undefined {
  return change.fact === 'client' || change.fact === 'placement' || change.fact === 'activity'
    ? change.row.centerId
    : undefined;
}

async function write(change: FactChange, ctx: ProjectionContext): Promise<void> {
  switch (change.fact) {
    case 'client': {
      const r = change.row;
      await ctx.query(
        `INSERT INTO ${ctx.table('rm_stat_clients')} (client_id, center_id, registered_on, position) VALUES ($1, $2, $3, $4) ON CONFLICT (client_id) DO NOTHING`,
        [r.clientId, r.centerId, r.registeredOn, r.position],
      );
      return;
    }
    case 'placement': {
      const r = change.row;
      await ctx.query(
        `INSERT INTO ${ctx.table('rm_stat_placements')}
           (placement_id, client_id, center_id, start_on, m1_on, m2_on, m3_on, employment_type, occupation_group, monthly_wage, wage_band, channel, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (placement_id) DO NOTHING`,
        [
          r.placementId,
          r.clientId,
          r.centerId,
          r.startOn,
          ...r.milestoneOn,
          r.employmentType,
          r.occupationGroup,
          r.monthlyWage,
          r.wageBand,
          r.channel,
          r.position,
        ],
      );
      return;
    }
    case 'placementEnded':
      // The placements stream is ordered: her start is already here. The first end recorded counts.
      await ctx.query(
        `UPDATE ${ctx.table('rm_stat_placements')} SET ended_on = $2, ended_position = $3 WHERE placement_id = $1 AND ended_position IS NULL`,
        [change.placementId, change.endedOn, change.position],
      );
      return;
    case 'placementVoided':
      await ctx.query(
        `UPDATE ${ctx.table('rm_stat_placements')} SET voided_position = $2 WHERE placement_id = $1 AND voided_position IS NULL`,
        [change.placementId, change.position],
      );
      return;
    case 'followUp': {
      const r = change.row;
      await ctx.query(
        `INSERT INTO ${ctx.table('rm_stat_follow_ups')} (placement_id, n, client_id, contacted_on, outcome, with_support, program_id, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (placement_id, n) DO NOTHING`,
        [r.placementId, r.n, r.clientId, r.contactedOn, r.outcome, r.withSupport, r.programId, r.position],
      );
      return;
    }
    case 'activity': {
      const r = change.row;
      await ctx.query(
        `INSERT INTO ${ctx.table('rm_stat_activities')} (event_id, kind, center_id, client_id, occurred_on, detail, amount, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING`,
        [r.eventId, r.kind, r.centerId, r.clientId, r.occurredOn, r.detail, r.amount, r.position],
      );
      return;
    }
  }
}
