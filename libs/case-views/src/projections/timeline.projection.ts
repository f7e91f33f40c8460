import type { StoredEvent } from '@saeil/event-store';
import { EVENT_CONTRACTS } from '@saeil/contracts';
import type { Projection, ProjectionContext } from '@saeil/projections';
import { clientEventTypes, clientIdsOf } from '../timeline/client-ids';
import { describeEvent } from '../timeline/describe-event';

/** Every client's case history across all contexts, in plain terms (who, what, when). */
export const timelineProjection: Projection = {
  name: 'timeline',
  tables: ['rm_timeline'],
  contexts: [...new Set(EVENT_CONTRACTS.map((c) => c.context))],
  eventTypes: clientEventTypes(),

  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const clientIds = clientIdsOf(event.data);
    if (clientIds.length === 0) return;
    await ctx.query(
      `INSERT INTO ${ctx.table('rm_timeline')}
         (client_id, event_id, global_position, occurred_at, recorded_at, context, event_type, actor_id, center_id, summary)
       SELECT unnest($1::uuid[]), $2, $3, $4, $5, $6, $7, $8, $9, $10
       ON CONFLICT (client_id, event_id) DO NOTHING`,
      [clientIds, event.eventId, event.globalPosition, event.metadata.occurredAt, event.recordedAt, event.context, event.type, event.metadata.actorId, event.metadata.centerId, describeEvent(event.type, event.data)],
    );
  },
};
