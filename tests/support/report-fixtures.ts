/**
 * Hand-made port answers for the report's specs: plain objects shaped like what the statistics
 * and KPI ports return (pure data, no database behind them). Tests only: kept out of libs/ so the
 * production build does not carry them ('@saeil/testing/report-fixtures').
 */
import type { RetentionFigures, StatisticsSnapshot } from '../../libs/reports/src/ports';
import type { ReportSources } from '../../libs/reports/src/report/build-ministry-report';

/** A milestone's exact figures from its outcome counts (eligible = their sum). */
export function milestone(
  n: 1 | 2 | 3,
  [sameEmployer, otherEmployer, notEmployed, unreachable, unverified]: number[],
): RetentionFigures {
  const eligible = sameEmployer + otherEmployer + notEmployed + unreachable + unverified;
  const pct = (x: number) => (eligible === 0 ? null : (x * 100) / eligible);
  return {
    n,
    eligible,
    sameEmployer,
    otherEmployer,
    notEmployed,
    unreachable,
    unverified,
    retentionRate: pct(sameEmployer),
    anyEmployerRate: pct(sameEmployer + otherEmployer),
    unverifiedShare: pct(unverified),
  };
}

export function snapshot(overrides: Partial<StatisticsSnapshot> = {}): StatisticsSnapshot {
  return {
    scope: { level: 'center', id: 'center-naju' },
    period: { from: '2026-01-01', to: '2026-03-31' },
    asOfPosition: 812,
    asOfDate: '2026-03-31',
    retentionCohort: 'milestone_date',
    retention: [milestone(1, [30, 6, 2, 1, 1]), milestone(2, [2, 1, 0, 0, 0]), milestone(3, [0, 0, 0, 0, 0])],
    employment: {
      clientsRegistered: 57,
      employedClients: 41,
      placements: 44,
      placementsByEmploymentType: { regular: 30, contract: 11, part_time: 3 },
      placementsByOccupationGroup: { care: 20, office: 24 },
      placementsByWageBand: { under_2m: 10, '2m_3m': 34 },
      placementsByChannel: { center: 40, self: 4 },
      trainingCompleters: 20,
      trainingCompletersEmployed: 17,
      trainingEmploymentRate: 85,
      internshipConversions: 6,
      startups: 2,
    },
    activity: {
      counselingSessionsByChannel: { phone: 120, in_center: 80, mobile_outreach: 3 },
      groupProgramAttendances: 200,
      outreachEvents: 2,
      outreachContacts: 3,
      agreementsSigned: 4,
      agreementsByKind: { women_friendly_company: 3, institution_mou: 1 },
      councilMeetings: 2,
      jobFairs: 1,
      retentionBeneficiaries: 36,
    },
    ...overrides,
  };
}

export function sources(overrides: Partial<ReportSources> = {}): ReportSources {
  return {
    snapshot: snapshot(),
    breakdowns: [],
    kpi: [
      {
        planId: 'plan-2026',
        name: '2026 새일센터 성과계획',
        centerId: 'center-naju',
        term: { fromYear: 2024, toYear: 2026 },
        indicators: [
          {
            indicatorId: 'i1',
            name: '협의체 회의',
            unit: '회',
            termTarget: 8,
            actual: 3,
            achievement: 37.5,
            source: 'council_meetings',
          },
          {
            indicatorId: 'i2',
            name: '취업자 수',
            unit: '명',
            termTarget: 500,
            actual: 211,
            achievement: 42.2,
            source: 'employed_clients',
          },
          {
            indicatorId: 'i3',
            name: '창업 지원',
            unit: '명',
            termTarget: 28,
            actual: 12,
            achievement: (12 * 100) / 28,
            source: 'entered',
          },
        ],
        overall: (37.5 + 42.2 + (12 * 100) / 28) / 3,
      },
    ],
    ...overrides,
  };
}
