/**
 * Public event contracts of the placement context (topic `saeil.placement.events.v1`).
 *
 * One stream per client, `placements-<clientId>`, holds all her placements (취업) and her startup
 * outcomes (창업): one stream keeps "at most one active placement" strict under concurrency.
 * A voided placement was entered by mistake: statistics treat it as if it never counted.
 */
import { EventContract, s } from './contract';

export const PLACEMENT_CONTEXT = 'placement';

export const placementsStreamId = (clientId: string): string => `placements-${clientId}`;

/** 고용형태 of an actual job (the client's wish in intake also allows 'any'). */
export const PLACEMENT_EMPLOYMENT_TYPES = ['regular', 'contract', 'part_time', 'daily', 'other'] as const;
export type PlacementEmploymentType = (typeof PLACEMENT_EMPLOYMENT_TYPES)[number];

/** How she found the job: referred by the center (취업연계·알선) or on her own (자력 취업). */
export const PLACEMENT_CHANNELS = ['center', 'self'] as const;
export type PlacementChannel = (typeof PLACEMENT_CHANNELS)[number];

export const EMPLOYMENT_END_REASONS = ['resigned', 'dismissed', 'contract_ended', 'business_closed', 'other'] as const;
export type EmploymentEndReason = (typeof EMPLOYMENT_END_REASONS)[number];

/**
 * 한국고용직업분류(KECO) 대분류, the level statistics break placements down by. A KECO code
 * (e.g. '0231') starts with its major group's digit.
 */
export const OCCUPATION_GROUPS = {
  '0': '경영·사무·금융·보험직',
  '1': '연구직 및 공학기술직',
  '2': '교육·법률·사회복지·경찰·소방직 및 군인',
  '3': '보건·의료직',
  '4': '예술·디자인·방송·스포츠직',
  '5': '미용·여행·숙박·음식·경비·청소직',
  '6': '영업·판매·운전·운송직',
  '7': '건설·채굴직',
  '8': '설치·정비·생산직',
  '9': '농림어업직',
} as const;
export type OccupationGroup = keyof typeof OCCUPATION_GROUPS;
export const OCCUPATION_GROUP_CODES = Object.keys(OCCUPATION_GROUPS) as OccupationGroup[];

export interface EmploymentStartedV1 {
  clientId: string;
  placementId: string;
  /** Set when the employer is registered with the employers context. */
  employerId?: string;
  employerName: string;
  jobTitle: string;
  /** KECO occupation code (e.g. '0231') or the occupation's name. */
  occupation: string;
  occupationGroup: OccupationGroup;
  employmentType: PlacementEmploymentType;
  weeklyHours: number;
  /** KRW per month. */
  monthlyWage: number;
  startOn: string;
  channel: PlacementChannel;
  /** 고용보험 가입 여부. */
  employmentInsurance: boolean;
}

export interface EmploymentEndedV1 {
  clientId: string;
  placementId: string;
  endedOn: string;
  reason: EmploymentEndReason;
  note?: string;
}

export interface PlacementVoidedV1 {
  clientId: string;
  placementId: string;
  reason: string;
}

export interface StartupStartedV1 {
  clientId: string;
  startupId: string;
  businessName: string;
  industry: string;
  startedOn: string;
  /** 창업팀: founders who share one marketing-grant cap. Without it the startup is its own team. */
  teamId?: string;
}

export interface StartupGrantPaidV1 {
  clientId: string;
  startupId: string;
  /** KRW. */
  amount: number;
  paidOn: string;
  /** Budget year the grant counts against (cap per team, number of funded teams per center). */
  grantYear: number;
  /** The center whose yearly budget paid it (her center at the time). */
  centerId: string;
  /** The team the cap applies to: the startup's teamId, or the startupId. */
  teamKey: string;
}

export type EmploymentStarted = { type: 'EmploymentStarted'; data: EmploymentStartedV1 };
export type EmploymentEnded = { type: 'EmploymentEnded'; data: EmploymentEndedV1 };
export type PlacementVoided = { type: 'PlacementVoided'; data: PlacementVoidedV1 };
export type StartupStarted = { type: 'StartupStarted'; data: StartupStartedV1 };
export type StartupGrantPaid = { type: 'StartupGrantPaid'; data: StartupGrantPaidV1 };

export type PlacementEvent = EmploymentStarted | EmploymentEnded | PlacementVoided | StartupStarted | StartupGrantPaid;

export const PLACEMENT_EVENT_TYPES = [
  'EmploymentStarted',
  'EmploymentEnded',
  'PlacementVoided',
  'StartupStarted',
  'StartupGrantPaid',
] as const satisfies readonly PlacementEvent['type'][];

export const PLACEMENT_CONTRACTS: EventContract[] = [
  {
    type: 'EmploymentStarted',
    context: PLACEMENT_CONTEXT,
    version: 1,
    summary:
      '취업 — she started a job (employer, job, occupation, type, hours, wage, start date, via the center or self-found)',
    payload: s.object(
      {
        clientId: s.uuid(),
        placementId: s.uuid(),
        employerId: s.uuid('registered employer, if any'),
        employerName: s.string('채용기업명', { minLength: 1 }),
        jobTitle: s.string('직무', { minLength: 1 }),
        occupation: s.string('KECO occupation code or name', { minLength: 1 }),
        occupationGroup: s.enum(OCCUPATION_GROUP_CODES, 'KECO 대분류 (0–9)'),
        employmentType: s.enum(PLACEMENT_EMPLOYMENT_TYPES, 'regular | contract | part_time | daily | other'),
        weeklyHours: s.number('주당 근로시간', { minimum: 1, maximum: 80 }),
        monthlyWage: s.integer('월 임금 (KRW)', { minimum: 0 }),
        startOn: s.date('취업일'),
        channel: s.enum(PLACEMENT_CHANNELS, 'center (취업연계) | self (자력 취업)'),
        employmentInsurance: s.boolean('고용보험 가입'),
      },
      ['employerId'],
    ),
  },
  {
    type: 'EmploymentEnded',
    context: PLACEMENT_CONTEXT,
    version: 1,
    summary: '퇴사 — her employment ended, with the reason',
    payload: s.object(
      {
        clientId: s.uuid(),
        placementId: s.uuid(),
        endedOn: s.date('퇴사일'),
        reason: s.enum(EMPLOYMENT_END_REASONS, 'resigned | dismissed | contract_ended | business_closed | other'),
        note: s.string(),
      },
      ['note'],
    ),
  },
  {
    type: 'PlacementVoided',
    context: PLACEMENT_CONTEXT,
    version: 1,
    summary: '취업 기록 취소 — a placement entered by mistake; it counts nowhere',
    payload: s.object({ clientId: s.uuid(), placementId: s.uuid(), reason: s.string(undefined, { minLength: 1 }) }),
  },
  {
    type: 'StartupStarted',
    context: PLACEMENT_CONTEXT,
    version: 1,
    summary: '창업 — she started a business',
    payload: s.object(
      {
        clientId: s.uuid(),
        startupId: s.uuid(),
        businessName: s.string('상호', { minLength: 1 }),
        industry: s.string('업종', { minLength: 1 }),
        startedOn: s.date('개업일'),
        teamId: s.string('창업팀 (shares one grant cap)'),
      },
      ['teamId'],
    ),
  },
  {
    type: 'StartupGrantPaid',
    context: PLACEMENT_CONTEXT,
    version: 1,
    summary: '창업 마케팅비 지원 — a marketing grant was paid to her startup (within the yearly cap per team)',
    payload: s.object({
      clientId: s.uuid(),
      startupId: s.uuid(),
      amount: s.integer('KRW', { minimum: 1 }),
      paidOn: s.date(),
      grantYear: s.integer('budget year', { minimum: 2000, maximum: 2100 }),
      centerId: s.string('center whose budget paid it'),
      teamKey: s.string('teamId, or the startupId when she has no team'),
    }),
  },
];
