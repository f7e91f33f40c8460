import type { StoredEvent } from '@saeil/event-store';
import { EVENT_CONTRACTS } from '@saeil/contracts';
import { Column, laterInstant, Projection, ProjectionContext, upsertRows } from '@saeil/projections';
import { clientIdsOf } from '../timeline/client-ids';
import { applyToFacts, CASELOAD_EVENT_TYPES, CaseloadFacts, newFacts, statusOf } from '../caseload/caseload-facts';

/** A row of rm_caseload as the batch holds it: instants as ISO text, days as text. */
interface CaseloadRow {
  client_id: string;
  center_id: string | null;
  counselor_id: string | null;
  personal: string | null;
  birth_year: number | string | null;
  region: string | null;
  status: string;
  facts: CaseloadFacts;
  registered_at: string | null;
  last_contact_on: string | null;
  next_action: string | null;
  next_action_due: string | null;
  last_event_at: string;
  last_position: number;
  erased_at: string | null;
}

const COLUMNS: Column[] = [
  ['client_id', 'uuid'],
  ['center_id', 'text'],
  ['counselor_id', 'text'],
  ['personal', 'text'],
  ['birth_year', 'int'],
  ['region', 'text'],
  ['status', 'text'],
  ['facts', 'jsonb'],
  ['registered_at', 'timestamptz'],
  ['last_contact_on', 'date'],
  ['next_action', 'text'],
  ['next_action_due', 'date'],
  ['last_event_at', 'timestamptz'],
  ['last_position', 'bigint'],
  ['erased_at', 'timestamptz'],
];

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ${column}`;
/** What jsonb keeps of the facts (undefined fields dropped), so the batch folds what one event at a time would read back. */
const stored = (facts: CaseloadFacts): CaseloadFacts => JSON.parse(JSON.stringify(facts));
/** A text parameter as node-postgres would have sent it. */
const asText = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? JSON.stringify(value) : String(value);
const key = (id: string) => id.toLowerCase();

/**
 * A batch: the rows of every client it names are read once, its events change them in memory in
 * order (the same rules as one event at a time: `applyToFacts`, `statusOf`), and the rows that
 * changed are written in one upsert.
 */
async function applyEvents(events: StoredEvent[], ctx: ProjectionContext): Promise<void> {
  const table = ctx.table('rm_caseload');
  const clientsOf = (event: StoredEvent): string[] => {
    const data = event.data as Record<string, any>;
    return event.type === 'ClientRegistered' ||
      event.type === 'ClientProfileUpdated' ||
      event.type === 'ClientDataErased'
      ? [data.clientId]
      : clientIdsOf(data);
  };
  const ids = [...new Set(events.flatMap(clientsOf))];
  if (ids.length === 0) return;
  const loaded = await ctx.query<CaseloadRow & { last_position: string }>(
    `SELECT client_id::text, center_id, counselor_id, personal, birth_year, region, status, facts, ${iso('registered_at')}, last_contact_on::text,
            next_action, next_action_due::text, ${iso('last_event_at')}, last_position, ${iso('erased_at')}
       FROM ${table} WHERE client_id = ANY($1::uuid[]) FOR UPDATE`,
    [ids],
  );
  const rows = new Map(
    loaded.map((row) => [key(row.client_id), { ...row, last_position: Number(row.last_position) } as CaseloadRow]),
  );
  const changed = new Set<CaseloadRow>();
  const touch = (row: CaseloadRow, event: StoredEvent) => {
    row.last_event_at = laterInstant(row.last_event_at, event.metadata.occurredAt)!;
    row.last_position = Math.max(row.last_position, event.globalPosition);
  };

  for (const event of events) {
    const data = event.data as Record<string, any>;
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
      const existing = rows.get(key(data.clientId));
      const facts = stored({
        ...(existing?.facts ?? newFacts()),
        centerId: data.centerId,
        counselorId: data.counselorId,
      });
      const registration = {
        center_id: data.centerId,
        counselor_id: data.counselorId,
        personal,
        birth_year: data.birthYear ?? null,
        region: data.region,
        status: statusOf(facts),
        facts,
        registered_at: event.metadata.occurredAt,
      };
      if (existing) {
        // A placeholder (her other events came first) or a redelivery: who she is, and the facts kept; her last event stays.
        Object.assign(existing, registration, {
          last_position: Math.max(existing.last_position, event.globalPosition),
        });
        changed.add(existing);
      } else {
        const row: CaseloadRow = {
          client_id: data.clientId,
          ...registration,
          last_contact_on: null,
          next_action: null,
          next_action_due: null,
          last_event_at: event.metadata.occurredAt,
          last_position: event.globalPosition,
          erased_at: null,
        };
        rows.set(key(data.clientId), row);
        changed.add(row);
      }
      continue;
    }
    const row = rows.get(key(data.clientId ?? ''));
    if (event.type === 'ClientProfileUpdated') {
      if (!row) continue;
      const c = data.changes ?? {};
      // Version 1: identity changes in clear, merged into the clear JSON such rows hold (jsonb's `||`, by PostgreSQL itself).
      const legacy = Object.fromEntries(
        ['name', 'birthDate', 'phone'].filter((f) => typeof c[f] === 'string').map((f) => [f, c[f]]),
      );
      const sealed = asText(data.personal);
      if (row.erased_at !== null) row.personal = null;
      else if (sealed !== null) row.personal = sealed;
      else if (Object.keys(legacy).length > 0 && row.personal !== null && !row.personal.startsWith('pd1.')) {
        const [merged] = await ctx.query<{ personal: string }>(`SELECT ($1::jsonb || $2::jsonb)::text AS personal`, [
          row.personal,
          JSON.stringify(legacy),
        ]);
        row.personal = merged.personal;
      }
      row.birth_year = data.birthYear ?? row.birth_year;
      row.region = asText(c.region) ?? row.region;
      changed.add(row);
      continue;
    }
    if (event.type === 'ClientDataErased') {
      // Her envelope is unreadable from now on anyway (her key is gone); the row drops it and says
      // she was erased (her search keys are intake's table, deleted by the erasure itself). Status and facts stay: nothing is counted differently.
      if (!row) continue;
      row.personal = null;
      row.erased_at = event.metadata.occurredAt;
      touch(row, event);
      changed.add(row);
      continue;
    }
    for (const clientId of clientIdsOf(data)) {
      // A placeholder when her registration has not been applied yet (Kafka topics are not
      // ordered with each other); ClientRegistered fills in who she is and keeps these facts.
      let current = rows.get(key(clientId));
      if (!current) {
        const facts = stored(newFacts());
        current = {
          client_id: clientId,
          center_id: null,
          counselor_id: null,
          personal: null,
          birth_year: null,
          region: null,
          status: 'intake',
          facts,
          registered_at: null,
          last_contact_on: null,
          next_action: null,
          next_action_due: null,
          last_event_at: event.metadata.occurredAt,
          last_position: event.globalPosition,
          erased_at: null,
        };
        rows.set(key(clientId), current);
      }
      const facts = stored(applyToFacts(current.facts, event.type, data, event.globalPosition));
      Object.assign(current, {
        facts,
        status: statusOf(facts),
        center_id: facts.centerId ?? current.center_id,
        counselor_id: facts.counselorId ?? current.counselor_id,
        last_contact_on: facts.lastContactOn ?? null,
        next_action: facts.nextAction?.description ?? null,
        next_action_due: facts.nextAction?.dueOn ?? null,
      });
      touch(current, event);
      changed.add(current);
    }
  }
  if (changed.size === 0) return;
  const write = upsertRows(
    table,
    ['client_id'],
    COLUMNS,
    [...changed].map((row) =>
      COLUMNS.map(([name]) => (name === 'facts' ? JSON.stringify(row.facts) : row[name as keyof CaseloadRow])),
    ),
  );
  await ctx.query(write.sql, write.params);
}

/**
 * A counselor's caseload: one row per client with her status (intake → counseling → in training →
 * interning → employed, or closed), last contact and next action, fed by every context.
 */
export const caseloadProjection: Projection = {
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
  apply: (event, ctx) => applyEvents([event], ctx),
  applyBatch: applyEvents,
};
