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
import type { Projection, ProjectionContext } from '@saeil/projections';
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
      return { kind: 'course', id: d.courseId, centerId: d.centerId, title: d.title, onDate: d.startsOn, details: { provider: d.provider, field: d.field, startsOn: d.startsOn, endsOn: d.endsOn, hours: d.hours, capacity: d.capacity } };
    }
    case 'GroupProgramCreated': {
      const d = data as GroupProgramCreatedV1;
      return { kind: 'group_program', id: d.programId, centerId: d.centerId, title: d.name, onDate: `${d.year}-01-01`, details: { year: d.year, plannedSessions: d.plannedSessions, plannedParticipants: d.plannedParticipants, sessionsHeld: 0, attendances: 0, lastHeldOn: null, sessionNos: [] } };
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
      return { kind: 'outreach', id: d.outreachId, centerId: d.centerId, title: d.place, onDate: d.heldOn, details: { heldOn: d.heldOn, counselorIds: d.counselorIds, walkInContacts: d.walkInContacts, registeredClients: d.registeredClientIds.length, notes: d.notes ?? null } };
    }
    case 'EmployerRegistered': {
      const d = data as EmployerRegisteredV1;
      return { kind: 'employer', id: d.employerId, centerId: d.centerId, title: d.name, onDate: null, details: { businessRegistrationNumber: d.businessRegistrationNumber, industry: d.industry, size: d.size, servicesProvided: 0, lastServiceOn: null } };
    }
    case 'EmployerServiceProvided': {
      const d = data as EmployerServiceProvidedV1;
      return {
        kind: 'employer',
        id: d.employerId,
        change: (details) => {
          const last = details.lastServiceOn as string | null;
          return { ...details, servicesProvided: Number(details.servicesProvided ?? 0) + 1, lastServiceOn: !last || d.providedOn > last ? d.providedOn : last };
        },
      };
    }
    case 'AgreementSigned': {
      const d = data as AgreementSignedV1;
      return { kind: 'agreement', id: d.agreementId, centerId: d.centerId, title: d.partyName, onDate: d.signedOn, details: { agreementKind: d.kind, employerId: d.employerId ?? null, signedOn: d.signedOn, termStart: d.termStart, termEnd: d.termEnd, renewals: 0, endedOn: null, endReason: null } };
    }
    case 'AgreementRenewed': {
      const d = data as AgreementRenewedV1;
      return { kind: 'agreement', id: d.agreementId, change: (details) => ({ ...details, termEnd: d.newTermEnd, renewals: Number(details.renewals ?? 0) + 1 }) };
    }
    case 'AgreementEnded': {
      const d = data as AgreementEndedV1;
      return { kind: 'agreement', id: d.agreementId, change: (details) => ({ ...details, endedOn: d.endedOn, endReason: d.reason }) };
    }
    case 'JobFairHeld': {
      const d = data as JobFairHeldV1;
      return { kind: 'job_fair', id: d.jobFairId, centerId: d.centerId, title: d.name, onDate: d.heldOn, details: { heldOn: d.heldOn, companies: d.companies, applicants: d.applicants, hires: d.hires } };
    }
    case 'CouncilMeetingHeld': {
      const d = data as CouncilMeetingHeldV1;
      return { kind: 'council_meeting', id: d.meetingId, centerId: d.centerId, title: d.title, onDate: d.heldOn, details: { heldOn: d.heldOn, attendees: d.attendees ?? [] } };
    }
    default:
      return null;
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

  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const activity = activityOf(event.type, event.data);
    if (!activity) return;
    const table = ctx.table('rm_center_activities');
    if ('change' in activity) {
      const rows = await ctx.query<{ details: Record<string, unknown> }>(`SELECT details FROM ${table} WHERE kind = $1 AND activity_id = $2 FOR UPDATE`, [activity.kind, activity.id]);
      if (rows.length === 0) return;
      await ctx.query(`UPDATE ${table} SET details = $3, last_position = $4 WHERE kind = $1 AND activity_id = $2`, [activity.kind, activity.id, JSON.stringify(activity.change(rows[0].details)), event.globalPosition]);
      return;
    }
    await ctx.query(
      `INSERT INTO ${table} (kind, activity_id, center_id, title, on_date, details, last_position)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (kind, activity_id) DO NOTHING`,
      [activity.kind, activity.id, activity.centerId, activity.title, activity.onDate, JSON.stringify(activity.details), event.globalPosition],
    );
  },
};
