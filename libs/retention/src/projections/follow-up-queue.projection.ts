import type { StoredEvent } from '@saeil/event-store';
import { INTAKE_CONTEXT, PLACEMENT_CONTEXT, RETENTION_CONTEXT } from '@saeil/contracts';
import type { FollowUpEvent } from '@saeil/contracts';
import { Column, Projection, ProjectionContext, unnestRows, upsertRows } from '@saeil/projections';

/** A row of rm_follow_ups as the batch holds it (days as text, as PostgreSQL writes them). */
interface MilestoneRow {
  placement_id: string;
  n: number;
  client_id: string;
  center_id: string;
  counselor_id: string;
  start_on: string;
  due_on: string;
  opens_on: string;
  closes_on: string;
  status: string;
  due_marked: boolean;
  overdue_marked: boolean;
  contacted_on: string | null;
  outcome: string | null;
  last_position: number | string;
}

const MILESTONE_COLUMNS: Column[] = [
  ['placement_id', 'uuid'],
  ['n', 'int'],
  ['client_id', 'uuid'],
  ['center_id', 'text'],
  ['counselor_id', 'text'],
  ['start_on', 'date'],
  ['due_on', 'date'],
  ['opens_on', 'date'],
  ['closes_on', 'date'],
  ['status', 'text'],
  ['due_marked', 'boolean'],
  ['overdue_marked', 'boolean'],
  ['contacted_on', 'date'],
  ['outcome', 'text'],
  ['last_position', 'bigint'],
];

/** uuid columns compare in lower case; the events' ids are the keys of the batch's rows. */
const key = (id: string) => id.toLowerCase();

/**
 * The milestones: every placement the batch's follow-up events name is read once, the events
 * change those rows in memory in order, and the rows they changed are written in one upsert.
 */
async function applyFollowUpEvents(
  events: FollowUpEvent[],
  positions: number[],
  ctx: ProjectionContext,
): Promise<void> {
  if (events.length === 0) return;
  const table = ctx.table('rm_follow_ups');
  const placements = new Map<string, Map<number, MilestoneRow>>();
  const loaded = await ctx.query<MilestoneRow>(
    `SELECT placement_id::text, n, client_id::text, center_id, counselor_id, start_on::text, due_on::text, opens_on::text, closes_on::text,
            status, due_marked, overdue_marked, contacted_on::text, outcome, last_position
       FROM ${table} WHERE placement_id = ANY($1::uuid[]) FOR UPDATE`,
    [[...new Set(events.map((e) => e.data.placementId))]],
  );
  const rowsOf = (placementId: string) => {
    let rows = placements.get(key(placementId));
    if (!rows) placements.set(key(placementId), (rows = new Map()));
    return rows;
  };
  for (const row of loaded) rowsOf(row.placement_id).set(row.n, row);
  const changed = new Set<MilestoneRow>();
  const update = (placementId: string, n: number, position: number, change: Partial<MilestoneRow>) => {
    const row = placements.get(key(placementId))?.get(n);
    if (row) changed.add(Object.assign(row, change, { last_position: position }));
  };
  events.forEach((event, i) => {
    const position = positions[i];
    switch (event.type) {
      case 'FollowUpsScheduled': {
        const d = event.data;
        const rows = rowsOf(d.placementId);
        for (const m of d.milestones) {
          if (rows.has(m.n)) continue;
          const row: MilestoneRow = {
            placement_id: d.placementId,
            n: m.n,
            client_id: d.clientId,
            center_id: d.centerId,
            counselor_id: d.counselorId,
            start_on: d.startOn,
            due_on: m.dueOn,
            opens_on: m.opensOn,
            closes_on: m.closesOn,
            status: 'open',
            due_marked: false,
            overdue_marked: false,
            contacted_on: null,
            outcome: null,
            last_position: position,
          };
          rows.set(m.n, row);
          changed.add(row);
        }
        return;
      }
      case 'FollowUpDue':
        return update(event.data.placementId, event.data.n, position, { due_marked: true });
      case 'FollowUpOverdue':
        return update(event.data.placementId, event.data.n, position, { overdue_marked: true });
      case 'FollowUpRecorded':
        return update(event.data.placementId, event.data.n, position, {
          status: 'recorded',
          contacted_on: event.data.contactedOn,
          outcome: event.data.outcome,
        });
      case 'FollowUpsCancelled':
        for (const n of placements.get(key(event.data.placementId))?.keys() ?? [])
          update(event.data.placementId, n, position, { status: 'cancelled' });
        return;
      case 'FollowUpsClosedByEmploymentEnd':
        for (const n of event.data.closedMilestones) {
          if (placements.get(key(event.data.placementId))?.get(n)?.status === 'open')
            update(event.data.placementId, n, position, { status: 'closed' });
        }
        return;
    }
  });
  if (changed.size === 0) return;
  const write = upsertRows(
    table,
    ['placement_id', 'n'],
    MILESTONE_COLUMNS,
    [...changed].map((row) => MILESTONE_COLUMNS.map(([name]) => row[name as keyof MilestoneRow])),
  );
  await ctx.query(write.sql, write.params);
}

interface ClientRow {
  client_id: string;
  personal: string | null;
  center_id: string | null;
  counselor_id: string | null;
  erased_at: string | null;
}

const CLIENT_COLUMNS: Column[] = [
  ['client_id', 'uuid'],
  ['personal', 'text'],
  ['center_id', 'text'],
  ['counselor_id', 'text'],
  ['erased_at', 'timestamptz'],
];

/** What a version 1 profile update does to the clear JSON such a row holds: jsonb's `||`, by PostgreSQL itself. */
async function mergedLegacy(ctx: ProjectionContext, stored: string, change: string): Promise<string> {
  const [row] = await ctx.query<{ merged: string }>(`SELECT ($1::jsonb || $2::jsonb)::text AS merged`, [
    stored,
    change,
  ]);
  return row.merged;
}

/**
 * Who she is and who follows her up now: the queue follows her counselor when her case is
 * reassigned or transferred. Her identity is kept as the events carry it: the sealed envelope
 * (version 2; opened by the queue query), or the JSON of the clear fields of a version 1 event
 * (development databases); her erasure drops it (and a later registration or update does not
 * bring it back). The batch reads her row once, changes it in memory, and writes the rows it
 * changed in one upsert.
 */
async function applyClientEvents(events: StoredEvent[], ctx: ProjectionContext): Promise<void> {
  const relevant = events.filter(
    (e) =>
      e.type !== 'ClientProfileUpdated' ||
      typeof e.data.personal === 'string' ||
      typeof (e.data as Record<string, any>).changes?.name === 'string',
  );
  if (relevant.length === 0) return;
  const table = ctx.table('rm_follow_up_clients');
  const loaded = await ctx.query<ClientRow>(
    `SELECT client_id::text, personal, center_id, counselor_id, erased_at::text FROM ${table} WHERE client_id = ANY($1::uuid[]) FOR UPDATE`,
    [[...new Set(relevant.map((e) => e.data.clientId))]],
  );
  const clients = new Map(loaded.map((row) => [key(row.client_id), row]));
  const changed = new Set<ClientRow>();
  const upsert = (clientId: string, create: Omit<ClientRow, 'client_id'>, change: (row: ClientRow) => void) => {
    let row = clients.get(key(clientId));
    if (row) change(row);
    else clients.set(key(clientId), (row = { client_id: clientId, ...create }));
    changed.add(row);
  };
  const none = { personal: null, center_id: null, counselor_id: null, erased_at: null };
  for (const event of relevant) {
    const d = event.data as Record<string, any>;
    if (event.type === 'ClientRegistered') {
      const personal =
        typeof d.personal === 'string'
          ? d.personal
          : JSON.stringify({ name: d.name, birthDate: d.birthDate, phone: d.phone });
      upsert(
        d.clientId,
        { ...none, personal, center_id: d.centerId ?? null, counselor_id: d.counselorId ?? null },
        (row) => {
          row.personal = row.erased_at === null ? personal : null;
          row.center_id ??= d.centerId ?? null;
          row.counselor_id ??= d.counselorId ?? null;
        },
      );
    } else if (event.type === 'ClientProfileUpdated') {
      // Version 2: her whole identity, sealed anew. Version 1: a new name in clear, merged into the JSON.
      const sealed = typeof d.personal === 'string';
      const personal: string = sealed ? d.personal : JSON.stringify({ name: d.changes.name });
      const row = clients.get(key(d.clientId));
      const merged =
        row && row.erased_at === null && !sealed && row.personal !== null && !row.personal.startsWith('pd1.')
          ? await mergedLegacy(ctx, row.personal, personal)
          : personal;
      upsert(d.clientId, { ...none, personal }, (r) => {
        r.personal = r.erased_at !== null ? null : merged;
      });
    } else if (event.type === 'ClientDataErased') {
      upsert(d.clientId, { ...none, erased_at: event.metadata.occurredAt }, (row) => {
        row.personal = null;
        row.erased_at = event.metadata.occurredAt;
      });
    } else if (event.type === 'CounselorAssigned') {
      upsert(d.clientId, { ...none, center_id: d.centerId ?? null, counselor_id: d.counselorId ?? null }, (row) => {
        row.center_id = d.centerId ?? null;
        row.counselor_id = d.counselorId ?? null;
      });
    }
  }
  if (changed.size === 0) return;
  const write = upsertRows(
    table,
    ['client_id'],
    CLIENT_COLUMNS,
    [...changed].map((row) => CLIENT_COLUMNS.map(([name]) => row[name as keyof ClientRow])),
  );
  await ctx.query(write.sql, write.params);
}

/** The employer of each placement, as its EmploymentStarted names it (the first one kept). */
async function applyPlacementEvents(events: StoredEvent[], ctx: ProjectionContext): Promise<void> {
  if (events.length === 0) return;
  const select = unnestRows(
    [
      ['placement_id', 'uuid'],
      ['employer_name', 'text'],
    ],
    events.map((e) => [e.data.placementId, e.data.employerName]),
  );
  await ctx.query(
    `INSERT INTO ${ctx.table('rm_follow_up_placements')} (placement_id, employer_name) ${select.sql} ON CONFLICT (placement_id) DO NOTHING`,
    select.params,
  );
}

/** A batch, table by table: each table's rows depend only on the events that write it, in order. */
async function applyEvents(events: StoredEvent[], ctx: ProjectionContext): Promise<void> {
  const followUps = events.filter((e) => e.context === RETENTION_CONTEXT);
  await applyFollowUpEvents(
    followUps.map((e) => ({ type: e.type, data: e.data }) as unknown as FollowUpEvent),
    followUps.map((e) => e.globalPosition),
    ctx,
  );
  await applyPlacementEvents(
    events.filter((e) => e.context !== RETENTION_CONTEXT && e.type === 'EmploymentStarted'),
    ctx,
  );
  await applyClientEvents(
    events.filter((e) => e.context !== RETENTION_CONTEXT && e.type !== 'EmploymentStarted'),
    ctx,
  );
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
  apply: (event, ctx) => applyEvents([event], ctx),
  applyBatch: applyEvents,
};
