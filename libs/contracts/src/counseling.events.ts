/**
 * Public event contracts of the counseling context (topic `saeil.counseling.events.v1`).
 *
 * Three kinds of stream:
 * - `counseling-<clientId>`: one per client — her individual sessions (개별상담) and her
 *   employment plan (개인별 취업지원계획) with its revisions;
 * - `group-program-<programId>`: a group program (집단상담, e.g. "취업 솔루션") and its sessions
 *   with attendance;
 * - `outreach-<outreachId>`: one mobile outreach event (찾아가는 이동상담) at a named place, with
 *   the people reached who are not registered clients counted, not named.
 */
import { EventContract, s } from './contract';

export const COUNSELING_CONTEXT = 'counseling';

export const counselingStreamId = (clientId: string): string => `counseling-${clientId}`;
export const groupProgramStreamId = (programId: string): string => `group-program-${programId}`;
export const outreachStreamId = (outreachId: string): string => `outreach-${outreachId}`;

/** 상담 방식: 내방, 전화, 온라인(메신저), 찾아가는 이동상담, 기관 협약상담. */
export const COUNSELING_CHANNELS = ['in_center', 'phone', 'online', 'mobile_outreach', 'partner_institution'] as const;
export type CounselingChannel = (typeof COUNSELING_CHANNELS)[number];

/** Channels whose session names a place: the outreach spot, or the partner institution. */
export const CHANNELS_WITH_PLACE: readonly CounselingChannel[] = ['mobile_outreach', 'partner_institution'];

/** Services an employment plan can foresee (the service chain of the glossary). */
export const PLANNED_SERVICES = [
  'counseling',
  'group_program',
  'training',
  'internship',
  'job_matching',
  'job_fair',
  'startup_support',
] as const;
export type PlannedService = (typeof PLANNED_SERVICES)[number];

export const MAX_SESSION_MINUTES = 480;

interface CounselingSessionFields {
  clientId: string;
  sessionId: string;
  /** Center holding her case when the session was recorded. */
  centerId: string;
  channel: CounselingChannel;
  /** mobile_outreach: the place (아파트 단지, 역 …); partner_institution: the institution's name. */
  place?: string;
  topic: string;
  durationMinutes: number;
  counselorId: string;
  occurredOn: string;
}

/** Version 1 (written before the notes were sealed): the notes in clear. */
export interface CounselingSessionRecordedV1 extends CounselingSessionFields {
  notes?: string;
}

/** What `sealedNotes` opens to. */
export interface CounselingNotesFields {
  notes: string;
}

/**
 * Version 2: 상담 내용 is free text that may name her, her family or her health, so it travels
 * sealed with her data key (`sealedNotes`, the JSON of CounselingNotesFields) and is unreadable
 * for good once she is erased. The rest (channel, topic, minutes) stays clear for the statistics.
 */
export interface CounselingSessionRecordedV2 extends CounselingSessionFields {
  sealedNotes?: string;
}

/** A session as readers get it: version 2, or a version 1 event lifted as is (its notes clear). */
export type CounselingSessionRecordedData =
  (CounselingSessionRecordedV2 & { notes?: undefined }) | (CounselingSessionRecordedV1 & { sealedNotes?: undefined });

export interface NextAction {
  description: string;
  dueOn: string;
}

export interface EmploymentPlanContent {
  goals: string[];
  desiredOccupation: string;
  plannedServices: PlannedService[];
  nextAction: NextAction;
}

export interface EmploymentPlanSetV1 extends EmploymentPlanContent {
  clientId: string;
  planId: string;
  centerId: string;
  counselorId: string;
  setOn: string;
}

export interface EmploymentPlanRevisedV1 {
  clientId: string;
  planId: string;
  /** 1 for the first revision, 2 for the second … */
  revision: number;
  /** Only what changed, with its new value. */
  changes: Partial<EmploymentPlanContent>;
  reason: string;
  revisedOn: string;
}

export interface GroupProgramCreatedV1 {
  programId: string;
  centerId: string;
  name: string;
  year: number;
  plannedSessions: number;
  plannedParticipants: number;
}

export interface GroupSessionHeldV1 {
  programId: string;
  centerId: string;
  sessionNo: number;
  heldOn: string;
  topic?: string;
  /** Registered clients who attended. */
  attendeeClientIds: string[];
  /** Participants who are not registered clients, counted only. */
  walkInCount: number;
}

export interface OutreachEventHeldV1 {
  outreachId: string;
  centerId: string;
  place: string;
  heldOn: string;
  counselorIds: string[];
  /** People reached who are not registered clients, counted only. */
  walkInContacts: number;
  /** Registered clients counselled there. */
  registeredClientIds: string[];
  notes?: string;
}

export type CounselingSessionRecorded = { type: 'CounselingSessionRecorded'; data: CounselingSessionRecordedData };
export type EmploymentPlanSet = { type: 'EmploymentPlanSet'; data: EmploymentPlanSetV1 };
export type EmploymentPlanRevised = { type: 'EmploymentPlanRevised'; data: EmploymentPlanRevisedV1 };
export type GroupProgramCreated = { type: 'GroupProgramCreated'; data: GroupProgramCreatedV1 };
export type GroupSessionHeld = { type: 'GroupSessionHeld'; data: GroupSessionHeldV1 };
export type OutreachEventHeld = { type: 'OutreachEventHeld'; data: OutreachEventHeldV1 };

/** Events of a client's counseling stream. */
export type ClientCounselingEvent = CounselingSessionRecorded | EmploymentPlanSet | EmploymentPlanRevised;
export type GroupProgramEvent = GroupProgramCreated | GroupSessionHeld;
export type OutreachEvent = OutreachEventHeld;
export type CounselingEvent = ClientCounselingEvent | GroupProgramEvent | OutreachEvent;

export const COUNSELING_EVENT_TYPES = [
  'CounselingSessionRecorded',
  'EmploymentPlanSet',
  'EmploymentPlanRevised',
  'GroupProgramCreated',
  'GroupSessionHeld',
  'OutreachEventHeld',
] as const satisfies readonly CounselingEvent['type'][];

const id = (description: string) => s.string(description, { pattern: '^[\\w-]{1,64}$' });
const text = (description?: string) => s.string(description, { minLength: 1 });
const nonNegative = (description?: string) => s.integer(description, { minimum: 0 });
const planContent = {
  goals: { ...s.array(text(), '취업 목표'), minItems: 1 },
  desiredOccupation: text('희망 직종'),
  plannedServices: { ...s.array(s.enum(PLANNED_SERVICES), 'services the plan foresees'), minItems: 1 },
  nextAction: s.object(
    { description: text(), dueOn: s.date() },
    [],
    'the next step agreed with her, and when it is due',
  ),
};

export const COUNSELING_CONTRACTS: EventContract[] = [
  {
    type: 'CounselingSessionRecorded',
    context: COUNSELING_CONTEXT,
    version: 2,
    summary: '개별상담 — an individual counseling session with a client (channel, topic, duration; the notes sealed)',
    payload: s.object(
      {
        clientId: s.uuid(),
        sessionId: s.uuid(),
        centerId: id('center'),
        channel: s.enum(
          COUNSELING_CHANNELS,
          'in_center 내방 | phone 전화 | online 온라인 | mobile_outreach 찾아가는 이동상담 | partner_institution 기관 협약상담',
        ),
        place: text('mobile_outreach: the named place; partner_institution: the institution'),
        topic: text('상담 주제'),
        durationMinutes: s.integer('minutes', { minimum: 1, maximum: MAX_SESSION_MINUTES }),
        sealedNotes: s.sealed('상담 내용 (the counselor\'s notes, as {"notes": "…"})'),
        counselorId: id('counselor'),
        occurredOn: s.date('day of the session'),
      },
      ['place', 'sealedNotes'],
    ),
  },
  {
    type: 'EmploymentPlanSet',
    context: COUNSELING_CONTEXT,
    version: 1,
    summary: '개인별 취업지원계획 수립 — goals and planned services agreed with the client',
    payload: s.object({
      clientId: s.uuid(),
      planId: s.uuid(),
      centerId: id('center'),
      counselorId: id('counselor'),
      ...planContent,
      setOn: s.date(),
    }),
  },
  {
    type: 'EmploymentPlanRevised',
    context: COUNSELING_CONTEXT,
    version: 1,
    summary: '취업지원계획 변경 — parts of the plan changed, with the reason',
    payload: s.object({
      clientId: s.uuid(),
      planId: s.uuid(),
      revision: s.integer('1 for the first revision', { minimum: 1 }),
      changes: s.object(planContent, Object.keys(planContent), 'only the parts that changed, with their new value'),
      reason: text(),
      revisedOn: s.date(),
    }),
  },
  {
    type: 'GroupProgramCreated',
    context: COUNSELING_CONTEXT,
    version: 1,
    summary: '집단상담 프로그램 개설 — a group program for a year, with its planned sessions and participants',
    payload: s.object({
      programId: s.uuid(),
      centerId: id('center'),
      name: text('e.g. 취업 솔루션'),
      year: s.integer(undefined, { minimum: 2000, maximum: 2100 }),
      plannedSessions: s.integer(undefined, { minimum: 1 }),
      plannedParticipants: nonNegative(),
    }),
  },
  {
    type: 'GroupSessionHeld',
    context: COUNSELING_CONTEXT,
    version: 1,
    summary: '집단상담 회차 실시 — a session of a group program, with its registered attendees and walk-ins',
    payload: s.object(
      {
        programId: s.uuid(),
        centerId: id('center'),
        sessionNo: s.integer('회차', { minimum: 1 }),
        heldOn: s.date(),
        topic: text(),
        attendeeClientIds: s.array(s.uuid(), 'registered clients who attended'),
        walkInCount: nonNegative('participants who are not registered clients'),
      },
      ['topic'],
    ),
  },
  {
    type: 'OutreachEventHeld',
    context: COUNSELING_CONTEXT,
    version: 1,
    summary: '찾아가는 이동상담 — a mobile outreach event at a named place, with the people reached',
    payload: s.object(
      {
        outreachId: s.uuid(),
        centerId: id('center'),
        place: text('아파트 단지, 역, 기관 …'),
        heldOn: s.date(),
        counselorIds: { ...s.array(id('counselor')), minItems: 1 },
        walkInContacts: nonNegative('people reached who are not registered clients'),
        registeredClientIds: s.array(s.uuid(), 'registered clients counselled there'),
        notes: s.string(),
      },
      ['notes'],
    ),
  },
];
