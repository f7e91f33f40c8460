import type { StoredEvent } from '@saeil/event-store';
import { EVENT_CONTRACTS } from '@saeil/contracts';
import { Column, Projection, ProjectionContext, unnestRows } from '@saeil/projections';
import { clientEventTypes, clientIdsOf } from '../timeline/client-ids';
import { describeEvent } from '../timeline/describe-event';

const COLUMNS: Column[] = [
  ['client_id', 'uuid'],
  ['event_id', 'uuid'],
  ['global_position', 'bigint'],
  ['occurred_at', 'timestamptz'],
  ['recorded_at', 'timestamptz'],
  ['context', 'text'],
  ['event_type', 'text'],
  ['actor_id', 'text'],
  ['center_id', 'text'],
  ['summary', 'text'],
];

/** One row per client each event concerns, the whole batch in one INSERT (a redelivered row stays as it was). */
async function applyEvents(events: StoredEvent[], ctx: ProjectionContext): Promise<void> {
  const rows: unknown[][] = [];
  for (const event of events) {
    const clientIds = clientIdsOf(event.data);
    if (clientIds.length === 0) continue;
    const summary = describeEvent(event.type, event.data);
    for (const clientId of clientIds) {
      rows.push([
        clientId,
        event.eventId,
        event.globalPosition,
        event.metadata.occurredAt,
        event.recordedAt,
        event.context,
        event.type,
        event.metadata.actorId,
        event.metadata.centerId,
        summary,
      ]);
    }
  }
  if (rows.length === 0) return;
  const select = unnestRows(COLUMNS, rows);
  await ctx.query(
    `INSERT INTO ${ctx.table('rm_timeline')} (${COLUMNS.map(([n]) => n).join(', ')}) ${select.sql} ON CONFLICT (client_id, event_id) DO NOTHING`,
    select.params,
  );
}

/** Every client's case history across all contexts, in plain terms (who, what, when). */
export const timelineProjection: Projection = {
  name: 'timeline',
  tables: ['rm_timeline'],
  contexts: [...new Set(EVENT_CONTRACTS.map((c) => c.context))],
  eventTypes: clientEventTypes(),
  apply: (event, ctx) => applyEvents([event], ctx),
  applyBatch: applyEvents,
};
