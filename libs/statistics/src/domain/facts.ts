import { addMonths } from '@saeil/core';
import { koreanDayOf } from './period';
import { wageBandOf } from './wage-bands';

/**
 * How the statistics projection folds events into fact rows (pure; the projection turns each
 * change into SQL). Every row keeps the global position of the event that set it, so a query
 * can count only what was known as of a position.
 *
 * Attribution (whose figure it is):
 * - a registration: the center that registered her;
 * - a placement, and everything measured on it (its follow-ups, its retention): her center when
 *   the placement started (the EmploymentStarted metadata), not the one she is at now;
 * - a training completion: the course's center; a conversion, a startup: her center when it
 *   was recorded (the event metadata);
 * - sessions, group sessions, outreach, agreements, council meetings, job fairs: the center the
 *   event names.
 */

export interface FoldableEvent {
  eventId: string;
  type: string;
  globalPosition: number;
  data: Record<string, any>;
  metadata: { centerId: string; occurredAt: string };
}

/** What counts on a day, at a center: one row per event (amount = how many it counts for). */
export const ACTIVITY_KINDS = [
  'counseling_session',
  'group_attendance',
  'outreach_event',
  'agreement_signed',
  'council_meeting',
  'job_fair',
  'training_completion',
  'internship_conversion',
  'startup',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ClientFact {
  clientId: string;
  centerId: string;
  registeredOn: string;
  position: number;
}

export interface PlacementFact {
  placementId: string;
  clientId: string;
  centerId: string;
  startOn: string;
  /** Milestone dates (GLOSSARY): start + 1, 2, 3 calendar months, month-end clamped. */
  milestoneOn: [string, string, string];
  employmentType: string;
  occupationGroup: string;
  monthlyWage: number;
  wageBand: string;
  channel: string;
  position: number;
}

export interface FollowUpFact {
  placementId: string;
  n: number;
  clientId: string;
  contactedOn: string;
  outcome: string;
  /** At least one support given (상담, 축하, 중재, 연계): makes her a post-management beneficiary. */
  withSupport: boolean;
  programId: string | null;
  position: number;
}

export interface ActivityFact {
  eventId: string;
  kind: ActivityKind;
  centerId: string;
  clientId: string | null;
  occurredOn: string;
  /** The breakdown within the kind: a counseling channel, an agreement kind. */
  detail: string | null;
  amount: number;
  position: number;
}

export type FactChange =
  | { fact: 'client'; row: ClientFact }
  | { fact: 'placement'; row: PlacementFact }
  | { fact: 'placementEnded'; placementId: string; endedOn: string; position: number }
  | { fact: 'placementVoided'; placementId: string; position: number }
  | { fact: 'followUp'; row: FollowUpFact }
  | { fact: 'activity'; row: ActivityFact };

/** The event types the statistics read. */
export const STATISTICS_EVENT_TYPES = [
  'ClientRegistered',
  'EmploymentStarted',
  'EmploymentEnded',
  'PlacementVoided',
  'StartupStarted',
  'FollowUpRecorded',
  'CounselingSessionRecorded',
  'GroupSessionHeld',
  'OutreachEventHeld',
  'AgreementSigned',
  'CouncilMeetingHeld',
  'JobFairHeld',
  'TrainingCompleted',
  'InternshipConverted',
] as const;

const count = (ids: unknown): number => (Array.isArray(ids) ? ids.length : 0);

export function factOf(event: FoldableEvent): FactChange | undefined {
  const { data, globalPosition: position, eventId } = event;
  const activity = (kind: ActivityKind, occurredOn: string, extra: Partial<ActivityFact> = {}): FactChange => ({
    fact: 'activity',
    row: {
      eventId,
      kind,
      centerId: data.centerId ?? event.metadata.centerId,
      clientId: null,
      occurredOn,
      detail: null,
      amount: 1,
      position,
      ...extra,
    },
  });
  switch (event.type) {
    case 'ClientRegistered':
      return {
        fact: 'client',
        row: {
          clientId: data.clientId,
          centerId: data.centerId,
          registeredOn: koreanDayOf(event.metadata.occurredAt),
          position,
        },
      };
    case 'EmploymentStarted':
      return {
        fact: 'placement',
        row: {
          placementId: data.placementId,
          clientId: data.clientId,
          centerId: event.metadata.centerId,
          startOn: data.startOn,
          milestoneOn: [addMonths(data.startOn, 1), addMonths(data.startOn, 2), addMonths(data.startOn, 3)],
          employmentType: data.employmentType,
          occupationGroup: data.occupationGroup,
          monthlyWage: data.monthlyWage,
          wageBand: wageBandOf(data.monthlyWage),
          channel: data.channel,
          position,
        },
      };
    case 'EmploymentEnded':
      return { fact: 'placementEnded', placementId: data.placementId, endedOn: data.endedOn, position };
    case 'PlacementVoided':
      return { fact: 'placementVoided', placementId: data.placementId, position };
    case 'FollowUpRecorded':
      return {
        fact: 'followUp',
        row: {
          placementId: data.placementId,
          n: data.n,
          clientId: data.clientId,
          contactedOn: data.contactedOn,
          outcome: data.outcome,
          withSupport: count(data.support) > 0,
          programId: data.programId ?? null,
          position,
        },
      };
    case 'CounselingSessionRecorded':
      return activity('counseling_session', data.occurredOn, { clientId: data.clientId, detail: data.channel });
    case 'GroupSessionHeld':
      // 연인원: every attendance counts, registered clients and walk-ins alike.
      return activity('group_attendance', data.heldOn, {
        amount: count(data.attendeeClientIds) + (data.walkInCount ?? 0),
      });
    case 'OutreachEventHeld':
      return activity('outreach_event', data.heldOn, {
        amount: (data.walkInContacts ?? 0) + count(data.registeredClientIds),
      });
    case 'AgreementSigned':
      return activity('agreement_signed', data.signedOn, { detail: data.kind });
    case 'CouncilMeetingHeld':
      return activity('council_meeting', data.heldOn);
    case 'JobFairHeld':
      return activity('job_fair', data.heldOn);
    case 'TrainingCompleted':
      return activity('training_completion', data.completedOn, {
        centerId: event.metadata.centerId,
        clientId: data.clientId,
        detail: data.field ?? null,
      });
    case 'InternshipConverted':
      return activity('internship_conversion', data.convertedOn, {
        centerId: event.metadata.centerId,
        clientId: data.clientId,
        detail: data.employmentType ?? null,
      });
    case 'StartupStarted':
      return activity('startup', data.startedOn, { centerId: event.metadata.centerId, clientId: data.clientId });
    default:
      return undefined;
  }
}
