import type { StoredEvent } from '@saeil/event-store';
import { EVENT_CONTRACTS } from '@saeil/contracts';
import type { Projection, ProjectionContext } from '@saeil/projections';
import { clientIdsOf } from '../timeline/client-ids';
import { applyToFacts, CASELOAD_EVENT_TYPES, CaseloadFacts, newFacts, statusOf } from '../caseload/caseload-facts';

/**
 * A counselor's caseload: one row per client with her status (intake → counseling → in training →
 * interning → employed, or closed), last contact and next action, fed by every context.
 */
export const caseloadProjection: Projection = {
  name: 'caseload',
  tables: ['rm_caseload'],
  contexts: [...new Set(EVENT_CONTRACTS.filter((c) => c.type === 'ClientRegistered' || (CASELOAD_EVENT_TYPES as readonly string[]).includes(c.type)).map((c) => c.context))],
  eventTypes: ['ClientRegistered', 'ClientProfileUpdated', 'ClientDataErased', ...CASELOAD_EVENT_TYPES],

  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const data = event.data as Record<string, any>;
    const table = ctx.table('rm_caseload');
    if (event.type === 'ClientRegistered') {
      // Her identity as the event has it: the sealed envelope (version 2), or the JSON of the
      // clear fields a version 1 event carried (development databases); never opened here.
      const sealed = typeof data.personal === 'string';
      const required = sealed ? ['centerId', 'counselorId', 'personal', 'region'] : ['centerId', 'counselorId', 'name', 'birthDate', 'phone', 'region'];
      // The identity columns are nullable only for placeholders; a registration must fill them.
      const missing = required.filter((field) => typeof data[field] !== 'string' || data[field] === '');
      if (missing.length > 0) throw new Error(`ClientRegistered ${event.eventId} lacks ${missing.join(', ')}`);
      const personal = sealed ? data.personal : JSON.stringify({ name: data.name, birthDate: data.birthDate, phone: data.phone });
      const [existing] = await ctx.query<{ facts: CaseloadFacts }>(`SELECT facts FROM ${table} WHERE client_id = $1 FOR UPDATE`, [data.clientId]);
      const facts: CaseloadFacts = { ...(existing?.facts ?? newFacts()), centerId: data.centerId, counselorId: data.counselorId };
      await ctx.query(
        `INSERT INTO ${table} (client_id, center_id, counselor_id, personal, birth_year, region, status, facts, registered_at, last_event_at, last_position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)
         ON CONFLICT (client_id) DO UPDATE SET center_id = $2, counselor_id = $3, personal = $4, birth_year = $5, region = $6,
           status = $7, facts = $8, registered_at = $9, last_position = greatest(${table}.last_position, $10)`,
        [data.clientId, data.centerId, data.counselorId, personal, data.birthYear ?? null, data.region, statusOf(facts), JSON.stringify(facts), event.metadata.occurredAt, event.globalPosition],
      );
      return;
    }
    if (event.type === 'ClientProfileUpdated') {
      const c = data.changes ?? {};
      // Version 1: identity changes in clear, merged into the clear JSON such rows hold.
      const legacy = Object.fromEntries(['name', 'birthDate', 'phone'].filter((f) => typeof c[f] === 'string').map((f) => [f, c[f]]));
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
      const [row] = await ctx.query<{ facts: CaseloadFacts }>(`SELECT facts FROM ${table} WHERE client_id = $1 FOR UPDATE`, [clientId]);
      const facts = applyToFacts(row.facts, event.type, data, event.globalPosition);
      await ctx.query(
        `UPDATE ${table}
            SET facts = $2, status = $3, center_id = coalesce($4, center_id), counselor_id = coalesce($5, counselor_id), last_contact_on = $6,
                next_action = $7, next_action_due = $8, last_event_at = greatest(last_event_at, $9), last_position = greatest(last_position, $10)
          WHERE client_id = $1`,
        [clientId, JSON.stringify(facts), statusOf(facts), facts.centerId ?? null, facts.counselorId ?? null, facts.lastContactOn ?? null, facts.nextAction?.description ?? null, facts.nextAction?.dueOn ?? null, event.metadata.occurredAt, event.globalPosition],
      );
    }
  },
};
