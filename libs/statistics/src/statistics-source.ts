/**
 * What the statistics read models answer, as the rest of Saeil sees them: the KPI module (actuals
 * of indicators that map to a statistic) and the Ministry report read figures only through this
 * port. `StatisticsQueries` (libs/statistics) implements it over the projections; it is also the
 * Nest provider token (`{ provide: StatisticsSource, useExisting: StatisticsQueries }`).
 *
 * Every figure is unrounded and computed from the read models as of a global position of the event
 * store (`asOfPosition`; absent = everything projected so far), so a report regenerated as of the
 * same position gives the same figures. Person counts are exact here: suppression is the report's
 * job, not the source's.
 */

/** basic center → region (시·도) → nation. `id` is a centerId or a region name; absent for the nation. */
export type StatisticsLevel = 'center' | 'region' | 'nation';
export interface StatisticsScope {
  level: StatisticsLevel;
  id?: string;
}

/**
 * Calendar days, both inclusive (YYYY-MM-DD, Korean calendar). Counts take what is dated within
 * the period; retention takes the cohort of placements that started within it, each milestone
 * eligible once its date is on or before `asOfDate` (see libs/statistics/src/domain/period.ts).
 */
export interface StatisticsPeriod {
  from: string;
  to: string;
}

/**
 * Which placements a period's retention counts (the glossary defines eligibility and outcomes; the
 * period's role is ours):
 * - `placement_start` (default): the cohort of placements that started in the period, each
 *   milestone counted once its date is on or before asOfDate — "how did the women placed in Q1 do";
 * - `milestone_date`: the milestones whose date falls in the period, whenever the placement
 *   started — "which 1/2/3-month checks came due in Q1, and how did they turn out". The Ministry
 *   report uses this one, so a quarter's report shows months 2 and 3 too, not only the placements
 *   young enough to have reached them by the quarter's end.
 */
export const RETENTION_COHORTS = ['placement_start', 'milestone_date'] as const;
export type RetentionCohort = (typeof RETENTION_COHORTS)[number];

export interface StatisticsAsOf {
  /** Count only events at or below this global position. */
  asOfPosition?: number;
  /** See RETENTION_COHORTS; default placement_start. */
  retentionCohort?: RetentionCohort;
  /** Retention: milestones and follow-ups as they stood at the end of this day (default: period.to). */
  asOfDate?: string;
}

/**
 * Figures an indicator of a KPI plan can map to (확인지표 → 통계). Counts are of the period; rates
 * are percentages (0–100, unrounded) or null when the denominator is zero.
 */
export const STATISTIC_METRICS = {
  clients_registered: '구직등록 인원 (clients registered in the period)',
  employed_clients: '취업자 수 (distinct clients with a placement starting in the period)',
  placements: '취업 건수 (placements starting in the period, voided excluded)',
  retention_beneficiaries: '사후관리 수혜자 수 (distinct clients with a follow-up with support in the period)',
  retention_rate_m1: '1개월 고용유지율 (same employer / eligible, %)',
  retention_rate_m2: '2개월 고용유지율 (%)',
  retention_rate_m3: '3개월 고용유지율 (%)',
  training_completers: '직업교육훈련 수료 인원',
  training_employment_rate: '수료 후 취업률 (%)',
  internship_conversions: '새일여성인턴 정규직 전환 건수',
  startups: '창업 건수',
  counseling_sessions: '개별상담 건수',
  outreach_sessions: '찾아가는 이동상담 건수',
  group_program_attendances: '집단상담 참여 연인원',
  agreements_signed: '협약 체결 건수 (여성친화기업 + 업무협약)',
  council_meetings: '협의체 회의 개최 횟수',
  job_fairs: '취업박람회 개최 횟수',
} as const;
export type StatisticMetric = keyof typeof STATISTIC_METRICS;
export const STATISTIC_METRIC_KEYS = Object.keys(STATISTIC_METRICS) as StatisticMetric[];

/** One milestone's retention figures (the glossary's definitions). Rates in %, null when eligible = 0. */
export interface RetentionFigures {
  n: 1 | 2 | 3;
  eligible: number;
  sameEmployer: number;
  otherEmployer: number;
  notEmployed: number;
  unreachable: number;
  unverified: number;
  retentionRate: number | null;
  anyEmployerRate: number | null;
  unverifiedShare: number | null;
}

/** Dimensions retention can be broken down by. */
export const RETENTION_DIMENSIONS = [
  'center',
  'region',
  'program',
  'employmentType',
  'occupationGroup',
  'placementMonth',
] as const;
export type RetentionDimension = (typeof RETENTION_DIMENSIONS)[number];

export interface BreakdownRow<F> {
  /** The dimension's value (a centerId, a region, a programId, 'regular', '0', '2026-03', …). */
  key: string;
  figures: F;
}

export interface EmploymentFigures {
  clientsRegistered: number;
  employedClients: number;
  placements: number;
  placementsByEmploymentType: Record<string, number>;
  placementsByOccupationGroup: Record<string, number>;
  /** Wage bands in KRW per month: 'under_2m', '2m_3m', '3m_4m', '4m_and_over' (WAGE_BANDS; lower bound inclusive). */
  placementsByWageBand: Record<string, number>;
  placementsByChannel: Record<string, number>;
  trainingCompleters: number;
  trainingCompletersEmployed: number;
  trainingEmploymentRate: number | null;
  internshipConversions: number;
  startups: number;
}

export interface ActivityFigures {
  /** 개별상담 by channel (every COUNSELING_CHANNELS key present). */
  counselingSessionsByChannel: Record<string, number>;
  /** 집단상담 연인원: attendances of registered clients and walk-ins over the period's group sessions. */
  groupProgramAttendances: number;
  /** 찾아가는 이동상담 held (OutreachEventHeld) — the metric outreach_sessions. */
  outreachEvents: number;
  /** People reached by them: walk-in contacts + registered clients counselled there. */
  outreachContacts: number;
  agreementsSigned: number;
  /** By AGREEMENT_KINDS: women_friendly_company (여성친화기업), institution_mou (업무협약). */
  agreementsByKind: Record<string, number>;
  councilMeetings: number;
  jobFairs: number;
  /** 사후관리 수혜자 수: distinct clients with a follow-up with support contacted in the period. */
  retentionBeneficiaries: number;
}

export interface StatisticsSnapshot {
  scope: StatisticsScope;
  period: StatisticsPeriod;
  /** The position the figures are as of (the given one, or the projections' position when read). */
  asOfPosition: number;
  asOfDate: string;
  /** Which placements `retention` counts (RETENTION_COHORTS). */
  retentionCohort: RetentionCohort;
  retention: RetentionFigures[];
  employment: EmploymentFigures;
  activity: ActivityFigures;
}

export abstract class StatisticsSource {
  /** One unrounded figure (a KPI actual). */
  abstract metric(
    metric: StatisticMetric,
    scope: StatisticsScope,
    period: StatisticsPeriod,
    asOf?: StatisticsAsOf,
  ): Promise<number | null>;

  /** Every figure of a scope and period (the Ministry report's body). */
  abstract snapshot(
    scope: StatisticsScope,
    period: StatisticsPeriod,
    asOf?: StatisticsAsOf,
  ): Promise<StatisticsSnapshot>;

  /** Retention at months 1–3 broken down by one dimension, within a scope. */
  abstract retentionBy(
    dimension: RetentionDimension,
    scope: StatisticsScope,
    period: StatisticsPeriod,
    asOf?: StatisticsAsOf,
  ): Promise<BreakdownRow<RetentionFigures[]>[]>;

  /** The centers and regions a scope holds, for rollups (center ids sorted; regions by name). */
  abstract centersOf(scope: StatisticsScope): Promise<{ centerId: string; region: string }[]>;
}
