import { Pool } from 'pg';
import type { Runtime } from '@saeil/runtime';
import { checkpointName } from '@saeil/projections';
import { writeCheckpoint } from '@saeil/event-store';
import { ratio } from '../support/stats';

export interface RebuildFigures {
  batchSize: number;
  rawRead: { events: number; seconds: number; eventsPerSecond: number };
  projections: { name: string; events: number; seconds: number; eventsPerSecond: number; ratio: number }[];
}

/**
 * Raw baseline: one pass over the events table in commit order, in pages of the projection
 * batch size, with the columns a projection reads — what any rebuild must at least do.
 */
export async function rawSequentialRead(
  pool: Pool,
  batchSize: number,
): Promise<{ events: number; seconds: number; eventsPerSecond: number }> {
  const t0 = performance.now();
  let after = { tx: '0', pos: '0' };
  let events = 0;
  for (;;) {
    const { rows } = await pool.query(
      `SELECT global_position, transaction_id::text AS transaction_id, event_id, stream_id, stream_version, context, event_type, schema_version, data, metadata, recorded_at
         FROM events WHERE (events.transaction_id, events.global_position) > ($1::xid8, $2::bigint)
           AND events.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        -- qualified: unqualified, ORDER BY would sort by the text alias and could not use the index
        ORDER BY events.transaction_id, events.global_position LIMIT $3`,
      [after.tx, after.pos, batchSize],
    );
    events += rows.length;
    if (rows.length < batchSize) break;
    const last = rows[rows.length - 1];
    after = { tx: last.transaction_id, pos: last.global_position };
  }
  const seconds = (performance.now() - t0) / 1000;
  return { events, seconds: round(seconds), eventsPerSecond: Math.round(events / seconds) };
}

/** Every read model rebuilt from position zero with ProjectionRebuilder (fills, then switches over). */
export async function measureRebuilds(
  runtime: Runtime,
  pool: Pool,
  log: (line: string) => void,
): Promise<RebuildFigures> {
  const batchSize = runtime.config.PROJECTION_BATCH_SIZE;
  const rawRead = await rawSequentialRead(pool, batchSize);
  log(`raw sequential read: ${rawRead.events} events, ${rawRead.eventsPerSecond}/s`);
  const projections: RebuildFigures['projections'] = [];
  for (const projection of runtime.projections.filter((p) => p.tables.length > 0)) {
    const report = await runtime.rebuilder.rebuild(projection);
    const seconds = report.ms / 1000;
    const eventsPerSecond = Math.round(report.events / seconds);
    projections.push({
      name: projection.name,
      events: report.events,
      seconds: round(seconds),
      eventsPerSecond,
      ratio: ratio(eventsPerSecond, rawRead.eventsPerSecond),
    });
    log(`rebuilt ${projection.name}: ${eventsPerSecond} events/s`);
  }
  return { batchSize, rawRead, projections };
}

/**
 * Reactors are never rebuilt; the seed already wrote their reactions (FollowUpsScheduled after
 * each EmploymentStarted, with the reaction's idempotency key), so they start at the head instead
 * of re-reading the national data set while the bench measures.
 */
export async function moveReactorsToHead(runtime: Runtime): Promise<string[]> {
  const [head] = await runtime.dataSource.query(
    `SELECT transaction_id::text AS "transactionId", global_position AS "globalPosition" FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
  );
  const reactors = runtime.modules.flatMap((m) => m.reactors ?? []).map((r) => r.name);
  for (const name of reactors)
    await writeCheckpoint(runtime.dataSource, checkpointName(name, 'live'), {
      transactionId: head.transactionId,
      globalPosition: Number(head.globalPosition),
    });
  return reactors;
}

const round = (n: number) => Math.round(n * 100) / 100;
