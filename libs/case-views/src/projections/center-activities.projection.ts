import type { StoredEvent } from '@saeil/event-store';
import {
  AgreementEndedV1,
  AgreementRenewedV1,
  AgreementSignedV1,
  COUNSELING_CONTEXT,
  CouncilMeetingHeldV1,
  EMPLOYERS_CONTEXT,
  EmployerRegisteredV1,
  EmployerServiceProvidedV1,
  GroupProgramCreatedV1,
  GroupSessionHeldV1,
  JobFairHeldV1,
  OutreachEventHeldV1,
  TRAINING_CONTEXT,
  TrainingCourseCreatedV1,
} from '@saeil/contracts';
import { Column, Projection, ProjectionContext, unnestRows } from '@saeil/projections';
import type { ActivityKind } from '../center-activities/activity-kinds';

/** A row's creation: what the center's list shows of it. */
interface ActivityRow {
  kind: ActivityKind;
  id: string;
  centerId: string;
  title: string;
  onDate: string | null;
  details: Record<string, unknown>;
}

/** A later event of the same record (same stream, so in order): a change to its details. */
interface ActivityChange {
  kind: ActivityKind;
  id: string;
  change: (details: Record<string, unknown>) => Record<string, unknown>;
}

/** The record an event creates or changes; null for what the list does not show. */
export function activityOf(type: string, data: unknown): ActivityRow | ActivityChange | null {
  switch (type) {
    case 'TrainingCourseCreated': {
      const d = data as TrainingCourseCreatedV1;
      return {
        kind: 'course',
        id: d.courseId,
        centerId: d.centerId,
        title: d.title,
        onDate: d.startsOn,
        details: {
          provider: d.provider,
          field: d.field,
          startsOn: d.startsOn,
          endsOn: d.endsOn,
          hours: d.hours,
          capacity: d.capacity,
        },
      };
    }
    case 'GroupProgramCreated': {
      const d = data as GroupProgramCreatedV1;
      return {
        kind: 'group_program',
        id: d.programId,
        centerId: d.centerId,
        title: d.name,
        onDate: `${d.year}-01-01`,
        details: {
          year: d.year,
          plannedSessions: d.plannedSessions,
          plannedParticipants: d.plannedParticipants,
          sessionsHeld: 0,
          attendances: 0,
          lastHeldOn: null,
          sessionNos: [],
        },
      };
    }
    case 'GroupSessionHeld': {
      const d = data as GroupSessionHeldV1;
      return {
        kind: 'group_program',
        id: d.programId,
        change: (details) => {
          const sessionNos = new Set((details.sessionNos as number[] | undefined) ?? []);
          sessionNos.add(d.sessionNo);
          const last = details.lastHeldOn as string | null;
          return {
            ...details,
            sessionNos: [...sessionNos].sort((a, b) => a - b),
            sessionsHeld: sessionNos.size,
            attendances: Number(details.attendances ?? 0) + d.attendeeClientIds.length + d.walkInCount,
            lastHeldOn: !last || d.heldOn > last ? d.heldOn : last,
          };
        },
      };
    }
    case 'OutreachEventHeld': {
      const d = data as OutreachEventHeldV1;
      return {
        kind: 'outreach',
        id: d.outreachId,
        centerId: d.centerId,
        title: d.place,
        onDate: d.heldOn,
        details: {
          heldOn: d.heldOn,
          counselorIds: d.counselorIds,
          walkInContacts: d.walkInContacts,
          registeredClients: d.registeredClientIds.length,
          notes: d.notes ?? null,
        },
      };
    }
    case 'EmployerRegistered': {
      const d = data as EmployerRegisteredV1;
      return {
        kind: 'employer',
        id: d.employerId,
        centerId: d.centerId,
        title: d.name,
        onDate: null,
        details: {
          businessRegistrationNumber: d.businessRegistrationNumber,
          industry: d.industry,
          size: d.size,
          servicesProvided: 0,
          lastServiceOn: null,
        },
      };
    }
    case 'EmployerServiceProvided': {
      const d = data as EmployerServiceProvidedV1;
      return {
        kind: 'employer',
        id: d.employerId,
        change: (details) => {
          const last = details.lastServiceOn as string | null;
          return {
            ...details,
            servicesProvided: Number(details.servicesProvided ?? 0) + 1,
            lastServiceOn: !last || d.providedOn > last ? d.providedOn : last,
          };
        },
      };
    }
    case 'AgreementSigned': {
      const d = data as AgreementSignedV1;
      return {
        kind: 'agreement',
        id: d.agreementId,
        centerId: d.centerId,
        title: d.partyName,
        onDate: d.signedOn,
        details: {
          agreementKind: d.kind,
          employerId: d.employerId ?? null,
          signedOn: d.signedOn,
          termStart: d.termStart,
          termEnd: d.termEnd,
          renewals: 0,
          endedOn: null,
          endReason: null,
        },
      };
    }
    case 'AgreementRenewed': {
      const d = data as AgreementRenewedV1;
      return {
        kind: 'agreement',
        id: d.agreementId,
        change: (details) => ({ ...details, termEnd: d.newTermEnd, renewals: Number(details.renewals ?? 0) + 1 }),
      };
    }
    case 'AgreementEnded': {
      const d = data as AgreementEndedV1;
      return {
        kind: 'agreement',
        id: d.agreementId,
        change: (details) => ({ ...details, endedOn: d.endedOn, endReason: d.reason }),
      };
    }
    case 'JobFairHeld': {
      const d = data as JobFairHeldV1;
      return {
        kind: 'job_fair',
        id: d.jobFairId,
        centerId: d.centerId,
        title: d.name,
        onDate: d.heldOn,
        details: { heldOn: d.heldOn, companies: d.companies, applicants: d.applicants, hires: d.hires },
      };
    }
    case 'CouncilMeetingHeld': {
      const d = data as CouncilMeetingHeldV1;
      return {
        kind: 'council_meeting',
        id: d.meetingId,
        centerId: d.centerId,
        title: d.title,
        onDate: d.heldOn,
        details: { heldOn: d.heldOn, attendees: d.attendees ?? [] },
      };
    }
    default:
      return null;
  }
}

const NEW_COLUMNS: Column[] = [
  ['kind', 'text'],
  ['activity_id', 'uuid'],
  ['center_id', 'text'],
  ['title', 'text'],
  ['on_date', 'date'],
  ['details', 'jsonb'],
  ['last_position', 'bigint'],
];

/** The batch's state of one record: created in this batch, or read from the table. */
interface Held {
  created: boolean;
  row: {
    kind: string;
    id: string;
    centerId?: string;
    title?: string;
    onDate?: string | null;
    details: Record<string, unknown>;
    lastPosition: number;
  };
  changed: boolean;
}

/**
 * A batch: the records its changes name are read once, creations and changes are folded in
 * memory in order (a creation of a record that exists changes nothing; a change of one that does
 * not is passed over), then one INSERT for the records created and one UPDATE for the others.
 */
async function applyEvents(events: StoredEvent[], ctx: ProjectionContext): Promise<void> {
  const table = ctx.table('rm_center_activities');
  const activities = events
    .map((e) => ({ event: e, activity: activityOf(e.type, e.data) }))
    .filter((a) => a.activity !== null);
  if (activities.length === 0) return;
  const held = new Map<string, Held | null>();
  const keyOf = (kind: string, id: string) => `${kind}|${String(id).toLowerCase()}`;
  const ids = activities.map(({ activity }) => [activity!.kind, activity!.id]);
  const loaded = await ctx.query<{
    kind: string;
    activity_id: string;
    details: Record<string, unknown>;
    last_position: string;
  }>(
    `SELECT a.kind, a.activity_id::text, a.details, a.last_position FROM ${table} a
       JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::uuid[]) AS k(kind, activity_id)) k USING (kind, activity_id) FOR UPDATE OF a`,
    [ids.map(([kind]) => kind), ids.map(([, id]) => id)],
  );
  for (const r of loaded)
    held.set(keyOf(r.kind, r.activity_id), {
      created: false,
      changed: false,
      row: { kind: r.kind, id: r.activity_id, details: r.details, lastPosition: Number(r.last_position) },
    });
  for (const { event, activity } of activities) {
    const key = keyOf(activity!.kind, activity!.id);
    const current = held.get(key);
    if ('change' in activity!) {
      if (!current) continue;
      // What jsonb keeps of the details, as one event at a time would read them back.
      current.row.details = JSON.parse(JSON.stringify(activity.change(current.row.details)));
      current.row.lastPosition = event.globalPosition;
      current.changed = true;
      continue;
    }
    if (current) continue;
    const a = activity!;
    held.set(key, {
      created: true,
      changed: true,
      row: {
        kind: a.kind,
        id: a.id,
        centerId: a.centerId,
        title: a.title,
        onDate: a.onDate,
        details: JSON.parse(JSON.stringify(a.details)),
        lastPosition: event.globalPosition,
      },
    });
  }
  const all = [...held.values()].filter((h): h is Held => h !== null && h.changed);
  const created = all
    .filter((h) => h.created)
    .map(({ row }) => [
      row.kind,
      row.id,
      row.centerId,
      row.title,
      row.onDate,
      JSON.stringify(row.details),
      row.lastPosition,
    ]);
  if (created.length) {
    const select = unnestRows(NEW_COLUMNS, created);
    await ctx.query(
      `INSERT INTO ${table} (${NEW_COLUMNS.map(([n]) => n).join(', ')}) ${select.sql} ON CONFLICT (kind, activity_id) DO NOTHING`,
      select.params,
    );
  }
  const updated = all
    .filter((h) => !h.created)
    .map(({ row }) => [row.kind, row.id, JSON.stringify(row.details), row.lastPosition]);
  if (updated.length) {
    const select = unnestRows(
      [
        ['kind', 'text'],
        ['activity_id', 'uuid'],
        ['details', 'jsonb'],
        ['last_position', 'bigint'],
      ],
      updated,
    );
    await ctx.query(
      `UPDATE ${table} a SET details = t.details, last_position = t.last_position FROM (${select.sql}) t WHERE a.kind = t.kind AND a.activity_id = t.activity_id`,
      select.params,
    );
  }
}

/**
 * The center's activities for its lists (courses, group programs, outreach, employers,
 * agreements, job fairs, council meetings). Every change to a row comes from the row's own
 * stream, so it arrives after the row's creation in both feeds.
 */
export const centerActivitiesProjection: Projection = {
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

  apply: (event, ctx) => applyEvents([event], ctx),
  applyBatch: applyEvents,
};
