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
  eventTypes: ['ClientRegistered', 'ClientProfileUpdated', ...CASELOAD_EVENT_TYPES],

  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const data = event.data as Record<string, any>;
    const table = ctx.table('rm_caseload');
    if (event.type === 'ClientRegistered') {
      // The identity columns are nullable only for placeholders; a registration must fill them.
      const missing = ['centerId', 'counselorId', 'name', 'birthDate', 'phone', 'region'].filter((field) => typeof data[field] !== 'string' || data[field] === '');
      if (missing.length > 0) throw new Error(`ClientRegistered ${event.eventId} lacks ${missing.join(', ')}`);
      const [existing] = await ctx.query<{ facts: CaseloadFacts }>(`SELECT facts FROM ${table} WHERE client_id = $1 FOR UPDATE`, [data.clientId]);
      const facts: CaseloadFacts = { ...(existing?.facts ?? newFacts()), centerId: data.centerId, counselorId: data.counselorId };
      await ctx.query(
        `INSERT INTO ${table} (client_id, center_id, counselor_id, name, birth_date, phone, region, status, facts, registered_at, last_event_at, last_position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11)
         ON CONFLICT (client_id) DO UPDATE SET center_id = $2, counselor_id = $3, name = $4, birth_date = $5, phone = $6, region = $7,
           status = $8, facts = $9, registered_at = $10, last_position = greatest(${table}.last_position, $11)`,
        [data.clientId, data.centerId, data.counselorId, data.name, data.birthDate, data.phone, data.region, statusOf(facts), JSON.stringify(facts), event.metadata.occurredAt, event.globalPosition],
      );
      return;
    }
    if (event.type === 'ClientProfileUpdated') {
      const c = data.changes ?? {};
      await ctx.query(
        `UPDATE ${table} SET name = coalesce($2, name), birth_date = coalesce($3::date, birth_date), phone = coalesce($4, phone), region = coalesce($5, region)
          WHERE client_id = $1`,
        [data.clientId, c.name ?? null, c.birthDate ?? null, c.phone ?? null, c.region ?? null],
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
      const facts = applyToFacts(row.facts, event.type, data);
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
