/**
 * The caseload, timeline, follow-up-queue and center-activities projections as they were before
 * they applied batches (commit 500f0e5): SQL statements for each event, no `applyBatch`, so the
 * runner applies them one event at a time. The reference the batch path is compared with in
 * projection-batches.int-spec.ts; not used by production code.
 */
import type { StoredEvent } from '@saeil/event-store';
import type { FollowUpEvent } from '@saeil/contracts';
import {
  EVENT_CONTRACTS,
  INTAKE_CONTEXT,
  PLACEMENT_CONTEXT,
  RETENTION_CONTEXT,
  COUNSELING_CONTEXT,
  EMPLOYERS_CONTEXT,
  TRAINING_CONTEXT,
} from '@saeil/contracts';
import type { Projection, ProjectionContext } from '@saeil/projections';
import {
  activityOf,
  applyToFacts,
  CASELOAD_EVENT_TYPES,
  CaseloadFacts,
  describeEvent,
  newFacts,
  statusOf,
} from '@saeil/case-views';
import { clientEventTypes, clientIdsOf } from '../../../libs/case-views/src/timeline/client-ids';

/**
 * A counselor's caseload: one row per client with her status (intake → counseling → in training →
 * interning → employed, or closed), last contact and next action, fed by every context.
 */
export const perEventCaseload: Projection = {
  name: 'caseload',
  tables: ['rm_caseload'],
  contexts: [
    ...new Set(
      EVENT_CONTRACTS.filter(
        (c) => c.type === 'ClientRegistered' || (CASELOAD_EVENT_TYPES as readonly string[]).includes(c.type),
      ).map((c) => c.context),
    ),
  ],
  eventTypes: ['ClientRegistered', 'ClientProfileUpdated', 'ClientDataErased', ...CASELOAD_EVENT_TYPES],

  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const data = event.data as Record<string, any>;
    const table = ctx.table('rm_caseload');
    if (event.type === 'ClientRegistered') {
      // Her identity as the event has it: the sealed envelope (version 2), or the JSON of the
      // clear fields a version 1 event carried (development databases); never opened here.
      const sealed = typeof data.personal === 'string';
      const required = sealed
        ? ['centerId', 'counselorId', 'personal', 'region']
        : ['centerId', 'counselorId', 'name', 'birthDate', 'phone', 'region'];
      // The identity columns are nullable only for placeholders; a registration must fill them.
      const missing = required.filter((field) => typeof data[field] !== 'string' || data[field] === '');
      if (missing.length > 0) throw new Error(`ClientRegistered ${event.eventId} lacks ${missing.join(', ')}`);
      const personal = sealed
        ? data.personal
        : JSON.stringify({ name: data.name, birthDate: data.birthDate, phone: data.phone });
      const [existing] = await ctx.query<{ facts: CaseloadFacts }>(
        `SELECT facts FROM ${table} WHERE client_id = $1 FOR UPDATE`,
        [data.clientId],
      );
      const facts: CaseloadFacts = {
        ...(existing?.facts ?? newFacts()),
        centerId: data.centerId,
        counselorId: data.counselorId,
      };
      await ctx.query(
        `INSERT INTO ${table} (client_id, center_id, counselor_id, personal, birth_year, region, status, facts, registered_at, last_event_at, last_position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)
         ON CONFLICT (client_id) DO UPDATE SET center_id = $2, counselor_id = $3, personal = $4, birth_year = $5, region = $6,
           status = $7, facts = $8, registered_at = $9, last_position = greatest(${table}.last_position, $10)`,
        [
          data.clientId,
          data.centerId,
          data.counselorId,
          personal,
          data.birthYear ?? null,
          data.region,
          statusOf(facts),
          JSON.stringify(facts),
          event.metadata.occurredAt,
          event.globalPosition,
        ],
      );
      return;
    }
    if (event.type === 'ClientProfileUpdated') {
      const c = data.changes ?? {};
      // Version 1: identity changes in clear, merged into the clear JSON such rows hold.
      const legacy = Object.fromEntries(
        ['name', 'birthDate', 'phone'].filter((f) => typeof c[f] === 'string').map((f) => [f, c[f]]),
      );
      await ctx.query(
        `UPDATE ${table}
            SET personal = CASE WHEN erased_at IS NOT NULL THEN NULL
                                WHEN $2::text IS NOT NULL THEN $2
                                WHEN $5::jsonb <> '{}'::jsonb AND personal IS NOT NULL AND personal NOT LIKE 'pd1.%' THEN (personal::jsonb || $5::jsonb)::text
                                ELSE personal END,
                birth_year = coalesce($3, birth_year), region = coalesce($4, region)
          WHERE client_id = $1`,
        [data.clientId, data.personal ?? null, data.birthYear ?? null, c.region ?? null, JSON.stringify(legacy)],
      );
      return;
    }
    if (event.type === 'ClientDataErased') {
      // Her envelope is unreadable from now on anyway (her key is gone); the row drops it and says
      // she was erased (her search keys are intake's table, deleted by the erasure itself). Status and facts stay: nothing is counted differently.
      await ctx.query(
        `UPDATE ${table} SET personal = NULL, erased_at = $2, last_event_at = greatest(last_event_at, $2), last_position = greatest(last_position, $3)
          WHERE client_id = $1`,
        [data.clientId, event.metadata.occurredAt, event.globalPosition],
      );
      return;
    }
    for (const clientId of clientIdsOf(data)) {
      // Create a placeholder when her registration has not been applied yet (Kafka topics are not
      // ordered with each other); ClientRegistered fills in who she is and keeps these facts.
      await ctx.query(
        `INSERT INTO ${table} (client_id, status, facts, last_event_at, last_position) VALUES ($1, 'intake', $2, $3, $4) ON CONFLICT (client_id) DO NOTHING`,
        [clientId, JSON.stringify(newFacts()), event.metadata.occurredAt, event.globalPosition],
      );
      const [row] = await ctx.query<{ facts: CaseloadFacts }>(
        `SELECT facts FROM ${table} WHERE client_id = $1 FOR UPDATE`,
        [clientId],
      );
      const facts = applyToFacts(row.facts, event.type, data, event.globalPosition);
      await ctx.query(
        `UPDATE ${table}
            SET facts = $2, status = $3, center_id = coalesce($4, center_id), counselor_id = coalesce($5, counselor_id), last_contact_on = $6,
                next_action = $7, next_action_due = $8, last_event_at = greatest(last_event_at, $9), last_position = greatest(last_position, $10)
          WHERE client_id = $1`,
        [
          clientId,
          JSON.stringify(facts),
          statusOf(facts),
          facts.centerId ?? null,
          facts.counselorId ?? null,
          facts.lastContactOn ?? null,
          facts.nextAction?.description ?? null,
          facts.nextAction?.dueOn ?? null,
          event.metadata.occurredAt,
          event.globalPosition,
        ],
      );
    }
  },
};

/** Every client's case history across all contexts, in plain terms (who, what, when). */
export const perEventTimeline: Projection = {
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
      [
        clientIds,
        event.eventId,
        event.globalPosition,
        event.metadata.occurredAt,
        event.recordedAt,
        event.context,
        event.type,
        event.metadata.actorId,
        event.metadata.centerId,
        describeEvent(event.type, event.data),
      ],
    );
  },
};

async function applyFollowUpEvent(event: FollowUpEvent, position: number, ctx: ProjectionContext): Promise<void> {
  const table = ctx.table('rm_follow_ups');
  switch (event.type) {
    case 'FollowUpsScheduled': {
      const d = event.data;
      for (const m of d.milestones) {
        await ctx.query(
          `INSERT INTO ${table} (placement_id, n, client_id, center_id, counselor_id, start_on, due_on, opens_on, closes_on, status, last_position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10) ON CONFLICT (placement_id, n) DO NOTHING`,
          [
            d.placementId,
            m.n,
            d.clientId,
            d.centerId,
            d.counselorId,
            d.startOn,
            m.dueOn,
            m.opensOn,
            m.closesOn,
            position,
          ],
        );
      }
      return;
    }
    case 'FollowUpDue':
      await ctx.query(`UPDATE ${table} SET due_marked = true, last_position = $3 WHERE placement_id = $1 AND n = $2`, [
        event.data.placementId,
        event.data.n,
        position,
      ]);
      return;
    case 'FollowUpOverdue':
      await ctx.query(
        `UPDATE ${table} SET overdue_marked = true, last_position = $3 WHERE placement_id = $1 AND n = $2`,
        [event.data.placementId, event.data.n, position],
      );
      return;
    case 'FollowUpRecorded':
      await ctx.query(
        `UPDATE ${table} SET status = 'recorded', contacted_on = $3, outcome = $4, last_position = $5 WHERE placement_id = $1 AND n = $2`,
        [event.data.placementId, event.data.n, event.data.contactedOn, event.data.outcome, position],
      );
      return;
    case 'FollowUpsCancelled':
      await ctx.query(`UPDATE ${table} SET status = 'cancelled', last_position = $2 WHERE placement_id = $1`, [
        event.data.placementId,
        position,
      ]);
      return;
    case 'FollowUpsClosedByEmploymentEnd':
      await ctx.query(
        `UPDATE ${table} SET status = 'closed', last_position = $3 WHERE placement_id = $1 AND n = ANY($2::int[]) AND status = 'open'`,
        [event.data.placementId, event.data.closedMilestones, position],
      );
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
    const personal =
      typeof d.personal === 'string'
        ? d.personal
        : JSON.stringify({ name: d.name, birthDate: d.birthDate, phone: d.phone });
    await ctx.query(
      `INSERT INTO ${table} (client_id, personal, center_id, counselor_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (client_id) DO UPDATE SET personal = CASE WHEN ${table}.erased_at IS NULL THEN $2 END,
         center_id = coalesce(${table}.center_id, $3), counselor_id = coalesce(${table}.counselor_id, $4)`,
      [d.clientId, personal, d.centerId, d.counselorId],
    );
  } else if (
    event.type === 'ClientProfileUpdated' &&
    (typeof d.personal === 'string' || typeof d.changes?.name === 'string')
  ) {
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
export const perEventFollowUpQueue: Projection = {
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
    if (event.context === RETENTION_CONTEXT)
      return applyFollowUpEvent(
        { type: event.type, data: event.data } as unknown as FollowUpEvent,
        event.globalPosition,
        ctx,
      );
    if (event.type === 'EmploymentStarted') {
      const d = event.data as Record<string, any>;
      await ctx.query(
        `INSERT INTO ${ctx.table('rm_follow_up_placements')} (placement_id, employer_name) VALUES ($1, $2) ON CONFLICT (placement_id) DO NOTHING`,
        [d.placementId, d.employerName],
      );
      return;
    }
    return applyClientEvent(event, ctx);
  },
};

/**
 * The center's activities for its lists (courses, group programs, outreach, employers,
 * agreements, job fairs, council meetings). Every change to a row comes from the row's own
 * stream, so it arrives after the row's creation in both feeds.
 */
export const perEventCenterActivities: Projection = {
  name: 'center-activities',
  tables: ['rm_center_activities'],
  contexts: [TRAINING_CONTEXT, COUNSELING_CONTEXT, EMPLOYERS_CONTEXT],
  eventTypes: [
    'TrainingCourseCreated',
    'GroupProgramCreated',
    'GroupSessionHeld',
    'OutreachEventHeld',
    'EmployerRegistered',
    'EmployerServiceProvided',
    'AgreementSigned',
    'AgreementRenewed',
    'AgreementEnded',
    'JobFairHeld',
    'CouncilMeetingHeld',
  ],

  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const activity = activityOf(event.type, event.data);
    if (!activity) return;
    const table = ctx.table('rm_center_activities');
    if ('change' in activity) {
      const rows = await ctx.query<{ details: Record<string, unknown> }>(
        `SELECT details FROM ${table} WHERE kind = $1 AND activity_id = $2 FOR UPDATE`,
        [activity.kind, activity.id],
      );
      if (rows.length === 0) return;
      await ctx.query(`UPDATE ${table} SET details = $3, last_position = $4 WHERE kind = $1 AND activity_id = $2`, [
        activity.kind,
        activity.id,
        JSON.stringify(activity.change(rows[0].details)),
        event.globalPosition,
      ]);
      return;
    }
    await ctx.query(
      `INSERT INTO ${table} (kind, activity_id, center_id, title, on_date, details, last_position)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (kind, activity_id) DO NOTHING`,
      [
        activity.kind,
        activity.id,
        activity.centerId,
        activity.title,
        activity.onDate,
        JSON.stringify(activity.details),
        event.globalPosition,
      ],
    );
  },
};
