/**
 * Public event contracts of the internship context (topic `saeil.internship.events.v1`).
 *
 * One stream per internship (새일여성인턴), `internship-<internshipId>`: its start with an
 * employer, its end, its conversion to a post (정규직 전환) and the subsidies paid for it.
 * Subsidies follow a schedule configured per program year and region
 * (config/internship-subsidies.json); each payment names its place in that schedule
 * (`paymentNo`) and carries the amount actually paid.
 */
import { EventContract, s } from './contract';

export const INTERNSHIP_CONTEXT = 'internship';

export const internshipStreamId = (internshipId: string): string => `internship-${internshipId}`;

export const INTERNSHIP_END_REASONS = ['completed', 'quit', 'dismissed', 'other'] as const;
export type InternshipEndReason = (typeof INTERNSHIP_END_REASONS)[number];

export const CONVERSION_EMPLOYMENT_TYPES = ['regular', 'contract'] as const;
export type ConversionEmploymentType = (typeof CONVERSION_EMPLOYMENT_TYPES)[number];

/**
 * `monthly`: 인턴 지원금 for one month interned (month 1, 2, 3 …);
 * `retention_bonus`: 정규직 전환 후 고용유지 지원금/취업장려금, due some months after conversion.
 */
export const SUBSIDY_KINDS = ['monthly', 'retention_bonus'] as const;
export type SubsidyKind = (typeof SUBSIDY_KINDS)[number];

export const SUBSIDY_RECIPIENTS = ['employer', 'worker'] as const;
export type SubsidyRecipient = (typeof SUBSIDY_RECIPIENTS)[number];

export interface InternshipStartedV1 {
  internshipId: string;
  clientId: string;
  /** Center holding her case when the internship started. */
  centerId: string;
  employerId: string;
  employerName: string;
  jobTitle?: string;
  startOn: string;
  plannedEndOn: string;
  /** 사업연도: which year's subsidy schedule applies. */
  programYear: number;
  /** 시·도 of the internship: its subsidy schedule, or the year's '*' default when it has none. */
  region: string;
}

export interface InternshipEndedV1 {
  internshipId: string;
  clientId: string;
  /** Last day she worked as an intern. */
  endedOn: string;
  reason: InternshipEndReason;
  note?: string;
}

export interface InternshipConvertedV1 {
  internshipId: string;
  clientId: string;
  employerId: string;
  employerName: string;
  /** First day in the converted post. */
  convertedOn: string;
  jobTitle: string;
  employmentType: ConversionEmploymentType;
}

export interface InternshipSubsidyPaidV1 {
  internshipId: string;
  clientId: string;
  /** Number of the payment in the schedule of (programYear, region). */
  paymentNo: number;
  kind: SubsidyKind;
  recipient: SubsidyRecipient;
  /** KRW. */
  amount: number;
  paidOn: string;
  /** For monthly payments: the internship month it pays for. */
  month?: number;
  programYear: number;
  region: string;
}

export type InternshipStarted = { type: 'InternshipStarted'; data: InternshipStartedV1 };
export type InternshipEnded = { type: 'InternshipEnded'; data: InternshipEndedV1 };
export type InternshipConverted = { type: 'InternshipConverted'; data: InternshipConvertedV1 };
export type InternshipSubsidyPaid = { type: 'InternshipSubsidyPaid'; data: InternshipSubsidyPaidV1 };

export type InternshipEvent = InternshipStarted | InternshipEnded | InternshipConverted | InternshipSubsidyPaid;

export const INTERNSHIP_EVENT_TYPES = [
  'InternshipStarted',
  'InternshipEnded',
  'InternshipConverted',
  'InternshipSubsidyPaid',
] as const satisfies readonly InternshipEvent['type'][];

const text = (description?: string) => s.string(description, { minLength: 1 });
const programYear = s.integer('사업연도', { minimum: 2000, maximum: 2100 });

export const INTERNSHIP_CONTRACTS: EventContract[] = [
  {
    type: 'InternshipStarted',
    context: INTERNSHIP_CONTEXT,
    version: 1,
    summary: '새일여성인턴 시작 — she started an internship with an employer',
    payload: s.object(
      {
        internshipId: s.uuid(),
        clientId: s.uuid(),
        centerId: text('center holding her case'),
        employerId: text(),
        employerName: text(),
        jobTitle: text('intern role'),
        startOn: s.date(),
        plannedEndOn: s.date('on or after startOn'),
        programYear,
        region: text("시·도 of the internship (its subsidy schedule, else the year's '*' default)"),
      },
      ['jobTitle'],
    ),
  },
  {
    type: 'InternshipEnded',
    context: INTERNSHIP_CONTEXT,
    version: 1,
    summary: '인턴 종료 — the internship ended (completed, quit, dismissed, other)',
    payload: s.object(
      {
        internshipId: s.uuid(),
        clientId: s.uuid(),
        endedOn: s.date('last day as an intern'),
        reason: s.enum(INTERNSHIP_END_REASONS),
        note: s.string(undefined, { maxLength: 500 }),
      },
      ['note'],
    ),
  },
  {
    type: 'InternshipConverted',
    context: INTERNSHIP_CONTEXT,
    version: 1,
    summary: '정규직 전환 — the employer hired her after (or instead of finishing) the internship',
    payload: s.object({
      internshipId: s.uuid(),
      clientId: s.uuid(),
      employerId: text(),
      employerName: text(),
      convertedOn: s.date('first day in the post'),
      jobTitle: text(),
      employmentType: s.enum(CONVERSION_EMPLOYMENT_TYPES),
    }),
  },
  {
    type: 'InternshipSubsidyPaid',
    context: INTERNSHIP_CONTEXT,
    version: 1,
    summary: '인턴 지원금 지급 — a subsidy of the configured schedule was paid to the employer or to her',
    payload: s.object(
      {
        internshipId: s.uuid(),
        clientId: s.uuid(),
        paymentNo: s.integer('number in the schedule', { minimum: 1 }),
        kind: s.enum(SUBSIDY_KINDS),
        recipient: s.enum(SUBSIDY_RECIPIENTS),
        amount: s.integer('KRW', { minimum: 1 }),
        paidOn: s.date(),
        month: s.integer('internship month paid for (monthly payments)', { minimum: 1 }),
        programYear,
        region: text(),
      },
      ['month'],
    ),
  },
];
