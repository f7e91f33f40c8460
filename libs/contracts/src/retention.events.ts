/**
 * Public event contracts of the retention context (사후관리, 고용유지 관리; topic
 * `saeil.retention.events.v1`): the 1/2/3-month follow-ups of one placement, stream
 * `follow-ups-<placementId>`.
 *
 * FollowUpDue and FollowUpOverdue are written once per milestone by the worker's sweep, so
 * integrations (reminders, messaging) can subscribe to them.
 */
import { EventContract, s } from './contract';

export const RETENTION_CONTEXT = 'retention';

export const followUpsStreamId = (placementId: string): string => `follow-ups-${placementId}`;

/** The months after the start date at which a placed client is contacted. */
export const FOLLOW_UP_MILESTONES = [1, 2, 3] as const;
export type MilestoneNumber = (typeof FOLLOW_UP_MILESTONES)[number];

export function isMilestoneNumber(n: unknown): n is MilestoneNumber {
  return (FOLLOW_UP_MILESTONES as readonly unknown[]).includes(n);
}

/** How she was reached: 전화, 방문, 온라인, 내방, 문자·메신저. */
export const FOLLOW_UP_CHANNELS = ['phone', 'visit', 'online', 'in_center', 'message'] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

/** What the follow-up found (the glossary's "outcome at milestone N", without "unverified"). */
export const FOLLOW_UP_OUTCOMES = [
  'employed_same_employer',
  'employed_other_employer',
  'not_employed',
  'unreachable',
] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** Support given with the follow-up: 상담, 축하 선물(1·3 축하데이), 고용주 중재, 연계. */
export const FOLLOW_UP_SUPPORTS = ['counseling', 'gift_or_celebration', 'employer_mediation', 'referral'] as const;
export type FollowUpSupport = (typeof FOLLOW_UP_SUPPORTS)[number];

export interface ScheduledMilestone {
  n: MilestoneNumber;
  /** The milestone date (glossary): start date + n calendar months. */
  dueOn: string;
  /** First and last day (inclusive) of the contact window around dueOn. */
  opensOn: string;
  closesOn: string;
}

export interface FollowUpsScheduledV1 {
  clientId: string;
  placementId: string;
  /** Her center and counselor when the placement started: whose overdue list it lands on. */
  centerId: string;
  counselorId: string;
  startOn: string;
  milestones: ScheduledMilestone[];
}

export interface FollowUpDueV1 {
  placementId: string;
  n: MilestoneNumber;
}

export interface FollowUpOverdueV1 {
  placementId: string;
  n: MilestoneNumber;
}

export interface FollowUpRecordedV1 {
  clientId: string;
  placementId: string;
  n: MilestoneNumber;
  /** The day she was actually contacted (a late record keeps its real date). */
  contactedOn: string;
  channel: FollowUpChannel;
  outcome: FollowUpOutcome;
  /** 애로사항, as she told them; absent when none. */
  difficulties?: string[];
  support: FollowUpSupport[];
  /** The retention program the support belongs to (e.g. "같이하는 고백(go 100)"). */
  programId?: string;
}

export interface FollowUpsCancelledV1 {
  placementId: string;
  reason: 'placement_voided';
}

export interface FollowUpsClosedByEmploymentEndV1 {
  placementId: string;
  endedOn: string;
  /** Milestones after endedOn that had no follow-up: nobody is asked to call about them. */
  closedMilestones: MilestoneNumber[];
}

export type FollowUpsScheduled = { type: 'FollowUpsScheduled'; data: FollowUpsScheduledV1 };
export type FollowUpDue = { type: 'FollowUpDue'; data: FollowUpDueV1 };
export type FollowUpOverdue = { type: 'FollowUpOverdue'; data: FollowUpOverdueV1 };
export type FollowUpRecorded = { type: 'FollowUpRecorded'; data: FollowUpRecordedV1 };
export type FollowUpsCancelled = { type: 'FollowUpsCancelled'; data: FollowUpsCancelledV1 };
export type FollowUpsClosedByEmploymentEnd = {
  type: 'FollowUpsClosedByEmploymentEnd';
  data: FollowUpsClosedByEmploymentEndV1;
};

export type FollowUpEvent =
  | FollowUpsScheduled
  | FollowUpDue
  | FollowUpOverdue
  | FollowUpRecorded
  | FollowUpsCancelled
  | FollowUpsClosedByEmploymentEnd;

export const FOLLOW_UP_EVENT_TYPES = [
  'FollowUpsScheduled',
  'FollowUpDue',
  'FollowUpOverdue',
  'FollowUpRecorded',
  'FollowUpsCancelled',
  'FollowUpsClosedByEmploymentEnd',
] as const satisfies readonly FollowUpEvent['type'][];

const milestoneN = s.integer('milestone: 1, 2 or 3 months after the start', { minimum: 1, maximum: 3 });

export const RETENTION_CONTRACTS: EventContract[] = [
  {
    type: 'FollowUpsScheduled',
    context: RETENTION_CONTEXT,
    version: 1,
    summary: '사후관리 일정 — her 1/2/3-month follow-ups were scheduled from the placement start date',
    payload: s.object({
      clientId: s.uuid(),
      placementId: s.uuid(),
      centerId: s.string('her center when the placement started'),
      counselorId: s.string('her counselor when the placement started'),
      startOn: s.date('취업일'),
      milestones: s.array(
        s.object({
          n: milestoneN,
          dueOn: s.date('milestone date: start + n calendar months (month end when that day does not exist)'),
          opensOn: s.date('contact window opens'),
          closesOn: s.date('contact window closes (inclusive)'),
        }),
        'one per milestone',
      ),
    }),
  },
  {
    type: 'FollowUpDue',
    context: RETENTION_CONTEXT,
    version: 1,
    summary: '사후관리 연락 시기 — the contact window of a milestone opened (written once)',
    payload: s.object({ placementId: s.uuid(), n: milestoneN }),
  },
  {
    type: 'FollowUpOverdue',
    context: RETENTION_CONTEXT,
    version: 1,
    summary: "사후관리 기한 경과 — a milestone's contact window closed with no follow-up recorded (written once)",
    payload: s.object({ placementId: s.uuid(), n: milestoneN }),
  },
  {
    type: 'FollowUpRecorded',
    context: RETENTION_CONTEXT,
    version: 1,
    summary: '사후관리 기록 — a counselor reached (or tried to reach) her: outcome, difficulties, support given',
    payload: s.object(
      {
        clientId: s.uuid(),
        placementId: s.uuid(),
        n: milestoneN,
        contactedOn: s.date('the day of the contact (a late record keeps it)'),
        channel: s.enum(FOLLOW_UP_CHANNELS, 'phone | visit | online | in_center | message'),
        outcome: s.enum(
          FOLLOW_UP_OUTCOMES,
          'employed_same_employer | employed_other_employer | not_employed | unreachable',
        ),
        difficulties: s.array(s.string(undefined, { minLength: 1 }), '애로사항'),
        support: s.array(
          s.enum(FOLLOW_UP_SUPPORTS),
          'counseling | gift_or_celebration | employer_mediation | referral',
        ),
        programId: s.string('사후관리 프로그램 it counts toward'),
      },
      ['difficulties', 'programId'],
    ),
  },
  {
    type: 'FollowUpsCancelled',
    context: RETENTION_CONTEXT,
    version: 1,
    summary: '사후관리 취소 — the placement was voided; its follow-ups count nowhere',
    payload: s.object({ placementId: s.uuid(), reason: s.enum(['placement_voided']) }),
  },
  {
    type: 'FollowUpsClosedByEmploymentEnd',
    context: RETENTION_CONTEXT,
    version: 1,
    summary: '사후관리 종료 — her employment ended; milestones after the end date are closed as not employed',
    payload: s.object({ placementId: s.uuid(), endedOn: s.date('퇴사일'), closedMilestones: s.array(milestoneN) }),
  },
];
