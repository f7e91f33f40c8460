/**
 * Public event contracts of the reports context (topic `saeil.reports.events.v1`): the Ministry
 * report's submitted (frozen) versions, and the de-identified aggregates the Ministry dashboard
 * reads from `saeil.ministry.stats.v1`.
 *
 * Stream: `ministry-report-<level>-<scopeId|nation>-<period>`; one event per submitted version.
 *
 * De-identified by construction: no type below has a field for a person (no client or counselor
 * id, name, contact, birth date). Person counts below the suppression threshold are
 * `{ suppressed: true }`, never the number.
 */
import { EventContract, JsonSchema, s } from './contract';

export const REPORTS_CONTEXT = 'reports';

export const REPORT_LEVELS = ['center', 'region', 'nation'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

export const ministryReportStreamId = (level: ReportLevel, scopeId: string | undefined, period: string): string =>
  `ministry-report-${level}-${scopeId ?? 'nation'}-${period}`;

/** A suppressed figure: no value, no reason (telling primary from complementary would say which cell is small). */
export interface SuppressedFigure {
  suppressed: true;
}
/** A person count as published. */
export type PublishedCount = number | SuppressedFigure;
/** A rate in percent, unrounded; null when its denominator is 0. */
export type PublishedRate = number | null | SuppressedFigure;

export interface ReportPeriodFigures {
  /** `2026-03` (a month) or `2026-Q1` (a quarter). */
  key: string;
  kind: 'month' | 'quarter';
  from: string;
  to: string;
}

export interface MinistryRetentionFigures {
  n: 1 | 2 | 3;
  eligible: PublishedCount;
  sameEmployer: PublishedCount;
  otherEmployer: PublishedCount;
  notEmployed: PublishedCount;
  unreachable: PublishedCount;
  unverified: PublishedCount;
  retentionRate: PublishedRate;
  anyEmployerRate: PublishedRate;
  unverifiedShare: PublishedRate;
}

export interface MinistryRetentionBreakdown {
  dimension: 'center' | 'region' | 'program' | 'employmentType' | 'occupationGroup' | 'placementMonth';
  rows: { key: string; milestones: MinistryRetentionFigures[] }[];
}

export interface MinistryEmploymentFigures {
  clientsRegistered: PublishedCount;
  employedClients: PublishedCount;
  placements: PublishedCount;
  placementsByEmploymentType: Record<string, PublishedCount>;
  placementsByOccupationGroup: Record<string, PublishedCount>;
  placementsByWageBand: Record<string, PublishedCount>;
  placementsByChannel: Record<string, PublishedCount>;
  trainingCompleters: PublishedCount;
  trainingCompletersEmployed: PublishedCount;
  trainingEmploymentRate: PublishedRate;
  internshipConversions: PublishedCount;
  startups: PublishedCount;
}

/**
 * Activities (sessions, events, meetings, agreements) are counted as they are; the two counts of
 * distinct persons among them (people reached by outreach, post-management beneficiaries) are
 * suppressed like every person count.
 */
export interface MinistryActivityFigures {
  counselingSessionsByChannel: Record<string, number>;
  /** 집단상담 연인원: attendances over the group sessions (visits, not distinct persons). */
  groupProgramAttendances: number;
  outreachEvents: number;
  /** People reached by outreach. */
  outreachContacts: PublishedCount;
  agreementsSigned: number;
  agreementsByKind: Record<string, number>;
  councilMeetings: number;
  jobFairs: number;
  /** 사후관리 수혜자 수 (distinct clients). */
  retentionBeneficiaries: PublishedCount;
}

export interface MinistryKpiIndicator {
  indicatorId: string;
  name: string;
  unit: string;
  termTarget: number;
  actual: number | null | SuppressedFigure;
  achievement: PublishedRate;
  weight?: number;
  source: string;
}

export interface MinistryKpiPlan {
  planId: string;
  name: string;
  centerId: string;
  term: { fromYear: number; toYear: number };
  indicators: MinistryKpiIndicator[];
  overall: PublishedRate;
}

/** The Ministry report's body: what is frozen, hashed, exported and published. */
export interface MinistryReportFigures {
  level: ReportLevel;
  /** The center id or region name; null for the nation. */
  scopeId: string | null;
  period: ReportPeriodFigures;
  /** The event-store position every figure is as of. */
  asOfPosition: number;
  asOfDate: string;
  /** milestone_date: retention counts the 1/2/3-month milestones dated in the period (whenever the placement started). */
  retentionCohort: 'placement_start' | 'milestone_date';
  suppressionThreshold: number;
  retention: MinistryRetentionFigures[];
  retentionBreakdowns: MinistryRetentionBreakdown[];
  employment: MinistryEmploymentFigures;
  activity: MinistryActivityFigures;
  kpi: MinistryKpiPlan[];
}

export interface MinistryReportSubmittedV1 {
  /** The report (level, scope, period) all its versions share: its stream id. */
  reportId: string;
  level: ReportLevel;
  scopeId?: string;
  period: string;
  /** 1 for the first submission, n + 1 for each correction. */
  version: number;
  asOfPosition: number;
  figures: MinistryReportFigures;
  /** sha256 (hex) of the figures' canonical JSON (RFC 8785: sorted keys, no whitespace). */
  contentHash: string;
  submittedOn: string;
}

/** The value of a message on `saeil.ministry.stats.v1` (keyed `<level>:<scopeId|nation>:<period>`). */
export type MinistryStatsMessageV1 = MinistryReportSubmittedV1;
export type MinistryReportSubmitted = { type: 'MinistryReportSubmitted'; data: MinistryReportSubmittedV1 };
export type ReportsEvent = MinistryReportSubmitted;

export const MINISTRY_STATS_TOPIC = 'saeil.ministry.stats.v1';

export const REPORTS_EVENT_TYPES: readonly string[] = ['MinistryReportSubmitted'];

const figures: JsonSchema = {
  type: 'object',
  description:
    'The de-identified report (MinistryReportFigures in libs/contracts/src/reports.events.ts): level, scopeId, period, asOfPosition, asOfDate, retentionCohort, suppressionThreshold, retention (months 1–3), retentionBreakdowns, employment, activity, kpi. A person count below the threshold is {"suppressed": true}.',
  properties: {
    level: s.enum(REPORT_LEVELS),
    scopeId: s.nullable(s.string()),
    period: { type: 'object', description: '{ key, kind: month | quarter, from, to }' },
    asOfPosition: s.integer(undefined, { minimum: 0 }),
    asOfDate: s.date(),
    retentionCohort: s.enum(
      ['placement_start', 'milestone_date'],
      'which placements retention counts: started in the period, or with a milestone dated in it',
    ),
    suppressionThreshold: s.integer(undefined, { minimum: 1 }),
    retention: { type: 'array', description: 'months 1, 2 and 3' },
    retentionBreakdowns: {
      type: 'array',
      description:
        'retention months 1–3 by center, region, program, employment type, occupation group, placement month',
    },
    employment: { type: 'object' },
    activity: {
      type: 'object',
      description:
        'counts of activities; outreachContacts and retentionBeneficiaries (persons) are suppressed when small',
    },
    kpi: { type: 'array', description: 'KPI plans of the centers in scope, with achievement' },
  },
  required: [
    'level',
    'scopeId',
    'period',
    'asOfPosition',
    'asOfDate',
    'retentionCohort',
    'suppressionThreshold',
    'retention',
    'retentionBreakdowns',
    'employment',
    'activity',
    'kpi',
  ],
};

export const REPORTS_CONTRACTS: EventContract[] = [
  {
    type: 'MinistryReportSubmitted',
    context: REPORTS_CONTEXT,
    version: 1,
    summary: '성과 보고서 제출 (확정본) / a Ministry report version was submitted and frozen',
    payload: s.object(
      {
        reportId: s.string('the stream id: ministry-report-<level>-<scopeId|nation>-<period>'),
        level: s.enum(REPORT_LEVELS),
        scopeId: s.string('center id or region name; absent for the nation'),
        period: s.string('2026-03 or 2026-Q1', { pattern: '^\\d{4}-(0[1-9]|1[0-2]|Q[1-4])$' }),
        version: s.integer('1, then n + 1 for each correction', { minimum: 1 }),
        asOfPosition: s.integer('event-store position the figures are as of', { minimum: 0 }),
        figures,
        contentHash: s.string('sha256 (hex) of the canonical JSON of figures', { pattern: '^[0-9a-f]{64}$' }),
        submittedOn: s.date(),
      },
      ['scopeId'],
    ),
  },
];
