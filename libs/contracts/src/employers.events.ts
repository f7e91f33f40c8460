/**
 * Public event contracts of the employers context (topic `saeil.employers.events.v1`):
 * employers (구인업체) and the center's post-management services to them, agreements (협약) and
 * job fairs (취업박람회).
 *
 * Streams: `employer-<employerId>` (the id is derived from the business registration number, so
 * one number can only ever be registered once), `agreement-<agreementId>`, `job-fair-<jobFairId>`,
 * `council-meeting-<meetingId>` (협의체 회의).
 */
import { EventContract, s } from './contract';

export const EMPLOYERS_CONTEXT = 'employers';

export const employerStreamId = (employerId: string): string => `employer-${employerId}`;
export const agreementStreamId = (agreementId: string): string => `agreement-${agreementId}`;
export const jobFairStreamId = (jobFairId: string): string => `job-fair-${jobFairId}`;
export const councilMeetingStreamId = (meetingId: string): string => `council-meeting-${meetingId}`;

/** 기업 규모: 소상공인 / 소기업 / 중기업 / 대기업. */
export const EMPLOYER_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type EmployerSize = (typeof EMPLOYER_SIZES)[number];

/** 여성친화기업 협약 (with an employer) or 업무협약 (with an institution). */
export const AGREEMENT_KINDS = ['women_friendly_company', 'institution_mou'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** 채용기업 사후관리: 양성평등 교육, 컨설팅, 근무환경 개선 지원. */
export const EMPLOYER_SERVICES = ['gender_equality_training', 'consulting', 'workplace_improvement'] as const;
export type EmployerService = (typeof EMPLOYER_SERVICES)[number];

export interface EmployerRegisteredV1 {
  employerId: string;
  /** Center that registered her. */
  centerId: string;
  /** 사업자등록번호, formatted XXX-XX-XXXXX (check digit verified). */
  businessRegistrationNumber: string;
  name: string;
  industry: string;
  size: EmployerSize;
}

export interface EmployerServiceProvidedV1 {
  employerId: string;
  /** Center that provided the service. */
  centerId: string;
  service: EmployerService;
  providedOn: string;
  participants?: number;
  note?: string;
}

export interface AgreementSignedV1 {
  agreementId: string;
  centerId: string;
  kind: AgreementKind;
  partyName: string;
  employerId?: string;
  signedOn: string;
  termStart: string;
  termEnd: string;
}

export interface AgreementRenewedV1 {
  agreementId: string;
  centerId: string;
  /** The term end this renewal extended (a term is renewed once). */
  previousTermEnd: string;
  newTermEnd: string;
  renewedOn: string;
}

export interface AgreementEndedV1 {
  agreementId: string;
  centerId: string;
  endedOn: string;
  reason: string;
}

export interface JobFairHeldV1 {
  jobFairId: string;
  centerId: string;
  name: string;
  heldOn: string;
  /** Participating companies. */
  companies: number;
  applicants: number;
  hires: number;
}

export type EmployerRegistered = { type: 'EmployerRegistered'; data: EmployerRegisteredV1 };
export type EmployerServiceProvided = { type: 'EmployerServiceProvided'; data: EmployerServiceProvidedV1 };
export type AgreementSigned = { type: 'AgreementSigned'; data: AgreementSignedV1 };
export type AgreementRenewed = { type: 'AgreementRenewed'; data: AgreementRenewedV1 };
export type AgreementEnded = { type: 'AgreementEnded'; data: AgreementEndedV1 };
export type JobFairHeld = { type: 'JobFairHeld'; data: JobFairHeldV1 };

/** 협의체 회의 (e.g. 여성일자리 실무협의체, seed 000): a KPI counts them. */
export interface CouncilMeetingHeldV1 {
  meetingId: string;
  centerId: string;
  heldOn: string;
  title: string;
  /** Member institutions or roles present (not clients). */
  attendees?: string[];
}

export type CouncilMeetingHeld = { type: 'CouncilMeetingHeld'; data: CouncilMeetingHeldV1 };

export type EmployerEvent = EmployerRegistered | EmployerServiceProvided;
export type AgreementEvent = AgreementSigned | AgreementRenewed | AgreementEnded;
export type EmployersEvent = EmployerEvent | AgreementEvent | JobFairHeld | CouncilMeetingHeld;

export const EMPLOYERS_EVENT_TYPES = [
  'EmployerRegistered',
  'EmployerServiceProvided',
  'AgreementSigned',
  'AgreementRenewed',
  'AgreementEnded',
  'JobFairHeld',
  'CouncilMeetingHeld',
] as const satisfies readonly EmployersEvent['type'][];

const count = (description: string) => s.integer(description, { minimum: 0 });

export const EMPLOYERS_CONTRACTS: EventContract[] = [
  {
    type: 'EmployerRegistered',
    context: EMPLOYERS_CONTEXT,
    version: 1,
    summary: '구인업체 등록 — an employer was registered (business registration number, industry, size)',
    payload: s.object({
      employerId: s.uuid('derived from the business registration number'),
      centerId: s.string('center that registered the employer'),
      businessRegistrationNumber: s.string('사업자등록번호 XXX-XX-XXXXX', { pattern: '^\\d{3}-\\d{2}-\\d{5}$' }),
      name: s.string('상호', { minLength: 1 }),
      industry: s.string('업종', { minLength: 1 }),
      size: s.enum(EMPLOYER_SIZES, 'micro | small | medium | large'),
    }),
  },
  {
    type: 'EmployerServiceProvided',
    context: EMPLOYERS_CONTEXT,
    version: 1,
    summary:
      '채용기업 사후관리 — a service was provided to an employer (gender-equality training, consulting, workplace improvement)',
    payload: s.object(
      {
        employerId: s.uuid(),
        centerId: s.string('center that provided the service'),
        service: s.enum(EMPLOYER_SERVICES, 'gender_equality_training | consulting | workplace_improvement'),
        providedOn: s.date(),
        participants: s.integer('참여 인원', { minimum: 1 }),
        note: s.string(),
      },
      ['participants', 'note'],
    ),
  },
  {
    type: 'AgreementSigned',
    context: EMPLOYERS_CONTEXT,
    version: 1,
    summary: '협약 체결 — a women-friendly-company agreement or an institution MOU was signed, with its term',
    payload: s.object(
      {
        agreementId: s.uuid(),
        centerId: s.string(),
        kind: s.enum(AGREEMENT_KINDS, 'women_friendly_company (여성친화기업) | institution_mou (업무협약)'),
        partyName: s.string('협약 상대', { minLength: 1 }),
        employerId: s.uuid('the employer, for a women-friendly-company agreement'),
        signedOn: s.date(),
        termStart: s.date(),
        termEnd: s.date(),
      },
      ['employerId'],
    ),
  },
  {
    type: 'AgreementRenewed',
    context: EMPLOYERS_CONTEXT,
    version: 1,
    summary: '협약 갱신 — an agreement was renewed to a new term end',
    payload: s.object({
      agreementId: s.uuid(),
      centerId: s.string(),
      previousTermEnd: s.date(),
      newTermEnd: s.date(),
      renewedOn: s.date(),
    }),
  },
  {
    type: 'AgreementEnded',
    context: EMPLOYERS_CONTEXT,
    version: 1,
    summary: '협약 종료 — an agreement ended (terminated or not renewed)',
    payload: s.object({
      agreementId: s.uuid(),
      centerId: s.string(),
      endedOn: s.date(),
      reason: s.string(undefined, { minLength: 1 }),
    }),
  },
  {
    type: 'JobFairHeld',
    context: EMPLOYERS_CONTEXT,
    version: 1,
    summary: '취업박람회 — a job fair was held (companies, applicants, hires)',
    payload: s.object({
      jobFairId: s.uuid(),
      centerId: s.string(),
      name: s.string(undefined, { minLength: 1 }),
      heldOn: s.date(),
      companies: count('참여 기업 수'),
      applicants: count('구직자(지원자) 수'),
      hires: count('채용 인원 (≤ applicants)'),
    }),
  },
  {
    type: 'CouncilMeetingHeld',
    context: EMPLOYERS_CONTEXT,
    version: 1,
    summary: "협의체 회의 — a women's-employment council meeting was held",
    payload: s.object(
      {
        meetingId: s.uuid(),
        centerId: s.string(),
        heldOn: s.date('개최일'),
        title: s.string('회의명', { minLength: 1 }),
        attendees: s.array(s.string(undefined, { minLength: 1 }), '참석 기관·위원 (not clients)'),
      },
      ['attendees'],
    ),
  },
];
