import type { StoredEvent } from '@saeil/event-store';
import { INTAKE_CONTEXT, PLACEMENT_CONTEXT, RETENTION_CONTEXT } from '@saeil/contracts';
import type { FollowUpEvent } from '@saeil/contracts';
import type { Projection, ProjectionContext } from '@saeil/projections';

async function applyFollowUpEvent(event: FollowUpEvent, position: number, ctx: ProjectionContext): Promise<void> {
  const table = ctx.table('rm_follow_ups');
  switch (event.type) {
    case 'FollowUpsScheduled': {
      const d = event.data;
      for (const m of d.milestones) {
        await ctx.query(
          `INSERT INTO ${table} (placement_id, n, client_id, center_id, counselor_id, start_on, due_on, opens_on, closes_on, status, last_position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10) ON CONFLICT (placement_id, n) DO NOTHING`,
          [d.placementId, m.n, d.clientId, d.centerId, d.counselorId, d.startOn, m.dueOn, m.opensOn, m.closesOn, position],
        );
      }
      return;
    }
    case 'FollowUpDue':
      await ctx.query(`UPDATE ${table} SET due_marked = true, last_position = $3 WHERE placement_id = $1 AND n = $2`, [event.data.placementId, event.data.n, position]);
      return;
    case 'FollowUpOverdue':
      await ctx.query(`UPDATE ${table} SET overdue_marked = true, last_position = $3 WHERE placement_id = $1 AND n = $2`, [event.data.placementId, event.data.n, position]);
      return;
    case 'FollowUpRecorded':
      await ctx.query(`UPDATE ${table} SET status = 'recorded', contacted_on = $3, outcome = $4, last_position = $5 WHERE placement_id = $1 AND n = $2`, [
        event.data.placementId,
        event.data.n,
        event.data.contactedOn,
        event.data.outcome,
        position,
      ]);
      return;
    case 'FollowUpsCancelled':
      await ctx.query(`UPDATE ${table} SET status = 'cancelled', last_position = $2 WHERE placement_id = $1`, [event.data.placementId, position]);
      return;
    case 'FollowUpsClosedByEmploymentEnd':
      await ctx.query(`UPDATE ${table} SET status = 'closed', last_position = $3 WHERE placement_id = $1 AND n = ANY($2::int[]) AND status = 'open'`, [
        event.data.placementId,
        event.data.closedMilestones,
        position,
      ]);
      return;
  }
}

/**
 * Who she is and who follows her up now: the queue follows her counselor when her case is
 * reassigned or transferred. Her identity is kept as the events carry it: the sealed envelope
 * (version 2; opened by the queue query), or the JSON of the clear fields of a version 1 event
 * (development databases); her erasure drops it.
 */
async function applyClientEvent(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
  const table = ctx.table('rm_follow_up_clients');
  const d = event.data as Record<string, any>;
  if (event.type === 'ClientRegistered') {
    const personal = typeof d.personal === 'string' ? d.personal : JSON.stringify({ name: d.name, birthDate: d.birthDate, phone: d.phone });
    await ctx.query(
      `INSERT INTO ${table} (client_id, personal, center_id, counselor_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (client_id) DO UPDATE SET personal = CASE WHEN ${table}.erased_at IS NULL THEN $2 END,
         center_id = coalesce(${table}.center_id, $3), counselor_id = coalesce(${table}.counselor_id, $4)`,
      [d.clientId, personal, d.centerId, d.counselorId],
    );
  } else if (event.type === 'ClientProfileUpdated' && (typeof d.personal === 'string' || typeof d.changes?.name === 'string')) {
    // Version 2: her whole identity, sealed anew. Version 1: a new name in clear, merged into the JSON.
    const sealed = typeof d.personal === 'string';
    await ctx.query(
      `INSERT INTO ${table} (client_id, personal) VALUES ($1, $2) ON CONFLICT (client_id) DO UPDATE
         SET personal = CASE WHEN ${table}.erased_at IS NOT NULL THEN NULL
                             WHEN $3::boolean OR ${table}.personal IS NULL OR ${table}.personal LIKE 'pd1.%' THEN $2
                             ELSE (${table}.personal::jsonb || $2::jsonb)::text END`,
      [d.clientId, sealed ? d.personal : JSON.stringify({ name: d.changes.name }), sealed],
    );
  } else if (event.type === 'ClientDataErased') {
    await ctx.query(
      `INSERT INTO ${table} (client_id, erased_at) VALUES ($1, $2) ON CONFLICT (client_id) DO UPDATE SET personal = NULL, erased_at = $2`,
      [d.clientId, event.metadata.occurredAt],
    );
  } else if (event.type === 'CounselorAssigned') {
    await ctx.query(
      `INSERT INTO ${table} (client_id, center_id, counselor_id) VALUES ($1, $2, $3) ON CONFLICT (client_id) DO UPDATE SET center_id = $2, counselor_id = $3`,
      [d.clientId, d.centerId, d.counselorId],
    );
  }
}

/**
 * The follow-up work queue: one row per milestone (open, recorded, closed by an employment end or
 * cancelled with a voided placement), her sealed identity and counselor, the employer. The worker's sweep
 * reads the open rows to find milestones whose window opened or closed.
 */
export const followUpQueueProjection: Projection = {
  name: 'follow-up-queue',
  tables: ['rm_follow_ups', 'rm_follow_up_clients', 'rm_follow_up_placements'],
  contexts: [RETENTION_CONTEXT, INTAKE_CONTEXT, PLACEMENT_CONTEXT],
  eventTypes: [
    'FollowUpsScheduled',
    'FollowUpDue',
    'FollowUpOverdue',
    'FollowUpRecorded',
    'FollowUpsCancelled',
    'FollowUpsClosedByEmploymentEnd',
    'ClientRegistered',
    'ClientProfileUpdated',
    'ClientDataErased',
    'CounselorAssigned',
    'EmploymentStarted',
  ],

  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    if (event.context === RETENTION_CONTEXT) return applyFollowUpEvent({ type: event.type, data: event.data } as unknown as FollowUpEvent, event.globalPosition, ctx);
    if (event.type === 'EmploymentStarted') {
      const d = event.data as Record<string, any>;
      await ctx.query(`INSERT INTO ${ctx.table('rm_follow_up_placements')} (placement_id, employer_name) VALUES ($1, $2) ON CONFLICT (placement_id) DO NOTHING`, [d.placementId, d.employerName]);
      return;
    }
    return applyClientEvent(event, ctx);
  },
};
