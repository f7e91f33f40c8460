import type { StoredEvent } from '@saeil/event-store';
import { EVENT_CONTRACTS } from '@saeil/contracts';
import type { Projection, ProjectionContext } from '@saeil/projections';
import { FactChange, factOf, STATISTICS_EVENT_TYPES } from '../domain/facts';
import { activityCountKeys, addCount, AGGREGATE_TABLES, ClientChange, CountDelta, countUpsertSql, maintainClients, StatementParams } from './statistics-aggregates';

const TABLES = ['rm_stat_clients', 'rm_stat_placements', 'rm_stat_follow_ups', 'rm_stat_activities', 'rm_stat_centers', 'rm_stat_position', ...AGGREGATE_TABLES];

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
 *
 * In the same transaction it keeps the pre-aggregated counts (statistics-aggregates.ts) that
 * answer a figure as of that newest position: a placement, an end, a void, a follow-up or a
 * training completion changes her (the client's) contributions, computed before and after the
 * fact is written; a registration or another activity adds its own when its row is new.
 */
export const statisticsProjection: Projection = {
  name: 'statistics',
  tables: TABLES,
  contexts: [...new Set(EVENT_CONTRACTS.filter((c) => (EVENT_TYPES as readonly string[]).includes(c.type)).map((c) => c.context))],
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
    const clients = await clientsOf(change, ctx);
    const q = (text: string, params?: unknown[]) => ctx.query<any>(text, params);
    const t = (name: string) => ctx.table(name);
    if (clients.length > 0) {
      await maintainClients(q, t, clients, touched(change), async () => {
        await write(change, ctx);
      });
    } else if (change.fact === 'client' || change.fact === 'activity') {
      await writeWithCounts(change, ctx);
    } else {
      await write(change, ctx);
    }
    const centerId = centerOf(change);
    if (centerId) {
      await ctx.query(`INSERT INTO ${ctx.table('rm_stat_centers')} (center_id, position) VALUES ($1, $2) ON CONFLICT (center_id) DO NOTHING`, [centerId, event.globalPosition]);
    }
  },
};

function centerOf(change: FactChange): string | undefined {
  return change.fact === 'client' || change.fact === 'placement' || change.fact === 'activity' ? change.row.centerId : undefined;
}

/** The clients whose placements, follow-ups and training completions the change touches (none for what stands alone). */
async function clientsOf(change: FactChange, ctx: ProjectionContext): Promise<string[]> {
  switch (change.fact) {
    case 'placement':
    case 'followUp':
      return [change.row.clientId];
    case 'activity':
      return change.row.kind === 'training_completion' && change.row.clientId ? [change.row.clientId] : [];
    case 'placementEnded':
    case 'placementVoided': {
      const rows = await ctx.query<{ client_id: string }>(`SELECT client_id FROM ${ctx.table('rm_stat_placements')} WHERE placement_id = $1`, [change.placementId]);
      return rows.map((r) => r.client_id);
    }
    default:
      return [];
  }
}

/** What of her aggregates the change can move (statistics-aggregates.ts, ClientChange). */
function touched(change: FactChange): ClientChange {
  switch (change.fact) {
    case 'placement':
    case 'placementVoided':
      return { milestones: true, placementRepeats: true, supportRepeats: true };
    case 'placementEnded':
      return { milestones: true, placementRepeats: false, supportRepeats: false };
    case 'followUp':
      return { milestones: true, placementRepeats: false, supportRepeats: true };
    default:
      // A training completion: her completions' counts only.
      return { milestones: false, placementRepeats: false, supportRepeats: false };
  }
}

/** What a registration or an activity other than a training completion adds to the counts. */
function ownCounts(change: FactChange): CountDelta {
  const delta: CountDelta = new Map();
  if (change.fact === 'client') addCount(delta, change.row.centerId, change.row.registeredOn, 'clientsRegistered', 1);
  if (change.fact === 'activity') {
    const r = change.row;
    for (const [key, value] of activityCountKeys(r.kind, r.detail, 1, r.amount)) addCount(delta, r.centerId, r.occurredOn, key, value);
  }
  return delta;
}

/** A registration or an activity, and (when its row is new) what it adds to the counts: one statement. */
async function writeWithCounts(change: Extract<FactChange, { fact: 'client' | 'activity' }>, ctx: ProjectionContext): Promise<void> {
  const p = new StatementParams();
  let insert: string;
  if (change.fact === 'client') {
    const r = change.row;
    insert = `INSERT INTO ${ctx.table('rm_stat_clients')} (client_id, center_id, registered_on, position)
              VALUES (${p.add(r.clientId)}::uuid, ${p.add(r.centerId)}, ${p.add(r.registeredOn)}::date, ${p.add(r.position)}::bigint) ON CONFLICT (client_id) DO NOTHING RETURNING 1`;
  } else {
    const r = change.row;
    insert = `INSERT INTO ${ctx.table('rm_stat_activities')} (event_id, kind, center_id, client_id, occurred_on, detail, amount, position)
              VALUES (${p.add(r.eventId)}::uuid, ${p.add(r.kind)}, ${p.add(r.centerId)}, ${p.add(r.clientId)}::uuid, ${p.add(r.occurredOn)}::date, ${p.add(r.detail)}, ${p.add(r.amount)}::int, ${p.add(r.position)}::bigint)
              ON CONFLICT (event_id) DO NOTHING RETURNING 1`;
  }
  const counts = countUpsertSql(p, (name) => ctx.table(name), ownCounts(change), 'EXISTS (SELECT 1 FROM inserted)');
  await ctx.query(counts ? `WITH inserted AS (${insert}), counted AS (${counts} RETURNING 1) SELECT 1` : insert, p.values);
}

/** Writes the fact; true when a registration or an activity row is new (the others answer false). */
async function write(change: FactChange, ctx: ProjectionContext): Promise<boolean> {
  switch (change.fact) {
    case 'client': {
      const r = change.row;
      const rows = await ctx.query(
        `INSERT INTO ${ctx.table('rm_stat_clients')} (client_id, center_id, registered_on, position) VALUES ($1, $2, $3, $4) ON CONFLICT (client_id) DO NOTHING RETURNING 1 AS inserted`,
        [r.clientId, r.centerId, r.registeredOn, r.position],
      );
      return rows.length > 0;
    }
    case 'placement': {
      const r = change.row;
      await ctx.query(
        `INSERT INTO ${ctx.table('rm_stat_placements')}
           (placement_id, client_id, center_id, start_on, m1_on, m2_on, m3_on, employment_type, occupation_group, monthly_wage, wage_band, channel, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (placement_id) DO NOTHING`,
        [r.placementId, r.clientId, r.centerId, r.startOn, ...r.milestoneOn, r.employmentType, r.occupationGroup, r.monthlyWage, r.wageBand, r.channel, r.position],
      );
      // Follow-ups that came first (Kafka mode) learn their milestone day.
      await ctx.query(
        `UPDATE ${ctx.table('rm_stat_follow_ups')} SET due_on = CASE n WHEN 1 THEN $2::date WHEN 2 THEN $3::date WHEN 3 THEN $4::date END WHERE placement_id = $1 AND due_on IS NULL`,
        [r.placementId, ...r.milestoneOn],
      );
      return false;
    }
    case 'placementEnded':
      // The placements stream is ordered: her start is already here. The first end recorded counts.
      await ctx.query(`UPDATE ${ctx.table('rm_stat_placements')} SET ended_on = $2, ended_position = $3 WHERE placement_id = $1 AND ended_position IS NULL`, [
        change.placementId,
        change.endedOn,
        change.position,
      ]);
      return false;
    case 'placementVoided':
      await ctx.query(`UPDATE ${ctx.table('rm_stat_placements')} SET voided_position = $2 WHERE placement_id = $1 AND voided_position IS NULL`, [change.placementId, change.position]);
      return false;
    case 'followUp': {
      const r = change.row;
      await ctx.query(
        `INSERT INTO ${ctx.table('rm_stat_follow_ups')} (placement_id, n, client_id, contacted_on, outcome, with_support, program_id, position, due_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                 (SELECT CASE $2::smallint WHEN 1 THEN m1_on WHEN 2 THEN m2_on WHEN 3 THEN m3_on END FROM ${ctx.table('rm_stat_placements')} WHERE placement_id = $1))
         ON CONFLICT (placement_id, n) DO NOTHING`,
        [r.placementId, r.n, r.clientId, r.contactedOn, r.outcome, r.withSupport, r.programId, r.position],
      );
      return false;
    }
    case 'activity': {
      const r = change.row;
      const rows = await ctx.query(
        `INSERT INTO ${ctx.table('rm_stat_activities')} (event_id, kind, center_id, client_id, occurred_on, detail, amount, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING RETURNING 1 AS inserted`,
        [r.eventId, r.kind, r.centerId, r.clientId, r.occurredOn, r.detail, r.amount, r.position],
      );
      return rows.length > 0;
    }
  }
}
