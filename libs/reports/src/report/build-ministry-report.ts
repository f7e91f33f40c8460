import type {
  MinistryActivityFigures,
  MinistryEmploymentFigures,
  MinistryKpiPlan,
  MinistryReportFigures,
  MinistryRetentionBreakdown,
  MinistryRetentionFigures,
  PublishedCount,
  PublishedRate,
  ReportLevel,
  ReportPeriodFigures,
} from '@saeil/contracts';
import type { KpiPlanAchievement } from '../ports';
import { isSuppressed, Published, publishRate, RETENTION_DIMENSIONS, suppressCount, suppressTable, SUPPRESSED } from '@saeil/statistics';
import type { BreakdownRow, RetentionDimension, RetentionFigures, StatisticsSnapshot } from '@saeil/statistics';
import { suppressRow } from './suppress-row';
import type { ReportScope } from '../domain/report-scope';

/** Everything the report is made of, as the statistics and KPI ports answered (exact, unsuppressed). */
export interface ReportSources {
  snapshot: StatisticsSnapshot;
  breakdowns: { dimension: RetentionDimension; rows: BreakdownRow<RetentionFigures[]>[] }[];
  kpi: KpiPlanAchievement[];
}


const OUTCOMES = ['sameEmployer', 'otherEmployer', 'notEmployed', 'unreachable', 'unverified'] as const;
const MILESTONES = [1, 2, 3] as const;

/** The breakdowns a level's report carries: a center's report has no "by center" (one row, the total). */
export function retentionDimensionsFor(level: ReportLevel): RetentionDimension[] {
  const skip: RetentionDimension[] = level === 'center' ? ['center', 'region'] : level === 'region' ? ['region'] : [];
  return RETENTION_DIMENSIONS.filter((d) => !skip.includes(d));
}

/** KPI actuals that count persons: small ones are suppressed like any other person count. */
const PERSON_METRICS = new Set(['clients_registered', 'employed_clients', 'placements', 'retention_beneficiaries', 'training_completers', 'internship_conversions', 'startups']);

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function milestoneOf(figures: readonly RetentionFigures[], n: 1 | 2 | 3): RetentionFigures {
  return figures.find((f) => f.n === n) ?? { n, eligible: 0, sameEmployer: 0, otherEmployer: 0, notEmployed: 0, unreachable: 0, unverified: 0, retentionRate: null, anyEmployerRate: null, unverifiedShare: null };
}

function sumPublished(a: Published, b: Published): Published {
  return isSuppressed(a) || isSuppressed(b) ? SUPPRESSED : a + b;
}

/** A milestone as published: rates recomputed from the published counts, suppressed with them. */
function publishedMilestone(n: 1 | 2 | 3, cells: Published[], eligible: Published): MinistryRetentionFigures {
  const [sameEmployer, otherEmployer, notEmployed, unreachable, unverified] = cells;
  return {
    n,
    eligible,
    sameEmployer,
    otherEmployer,
    notEmployed,
    unreachable,
    unverified,
    retentionRate: publishRate(sameEmployer, eligible),
    anyEmployerRate: publishRate(sumPublished(sameEmployer, otherEmployer), eligible),
    unverifiedShare: publishRate(unverified, eligible),
  };
}

/**
 * Retention at months 1–3 and its breakdowns. For each milestone, a breakdown is one table
 * (rows: the dimension's values; columns: the outcomes; row totals: eligible). When its rows add
 * up to the overall figures, the overall figures are its column totals and grand total: they are
 * published in the overall section, so the table is suppressed with them, and whatever it had to
 * hide among them is hidden in the overall section too.
 */
function retention(sources: ReportSources, threshold: number): { overall: MinistryRetentionFigures[]; breakdowns: MinistryRetentionBreakdown[] } {
  const breakdownMilestones = sources.breakdowns.map(() => new Map<string, MinistryRetentionFigures[]>());
  const overall = MILESTONES.map((n) => {
    const whole = milestoneOf(sources.snapshot.retention, n);
    const wholeCells = OUTCOMES.map((o) => whole[o]);
    const forcedCells = new Set<number>();
    let forcedTotal = false;
    sources.breakdowns.forEach(({ rows }, b) => {
      if (rows.length === 0) return;
      const cells = rows.map((row) => OUTCOMES.map((o) => milestoneOf(row.figures, n)[o]));
      const columnSums = OUTCOMES.map((_, c) => cells.reduce((sum, row) => sum + row[c], 0));
      const partitions = columnSums.every((sum, c) => sum === wholeCells[c]);
      const table = suppressTable({ columns: [...OUTCOMES], rows: rows.map((row, r) => ({ label: row.key, cells: cells[r] })), totals: { rows: true, columns: partitions } }, { threshold });
      if (partitions && table.totals) {
        table.totals.cells.forEach((cell, c) => isSuppressed(cell) && forcedCells.add(c));
        if (isSuppressed(table.totals.total)) forcedTotal = true;
      }
      table.rows.forEach((row) => {
        const list = breakdownMilestones[b].get(row.label) ?? [];
        list.push(publishedMilestone(n, row.cells, row.total!));
        breakdownMilestones[b].set(row.label, list);
      });
    });
    const row = suppressRow(wholeCells, whole.eligible, threshold, { cells: [...forcedCells], total: forcedTotal });
    return publishedMilestone(n, row.cells, row.total);
  });
  const breakdowns = sources.breakdowns.map(({ dimension }, b) => ({
    dimension,
    rows: [...breakdownMilestones[b].entries()].sort(([a], [z]) => byCodeUnits(a, z)).map(([key, milestones]) => ({ key, milestones })),
  }));
  return { overall, breakdowns };
}

/**
 * Placements by one attribute: a row whose total is the placements count. Returns the published
 * row and whether its total had to be hidden (then the placements count is hidden everywhere).
 */
function placementsBy(counts: Record<string, number>, placements: number, threshold: number): { published: Record<string, PublishedCount>; hidesTotal: boolean } {
  const keys = Object.keys(counts).sort(byCodeUnits);
  if (keys.length === 0) return { published: {}, hidesTotal: false };
  const cells = keys.map((k) => counts[k]);
  const row = suppressRow(cells, cells.reduce((a, b) => a + b, 0), threshold);
  const adds = cells.reduce((a, b) => a + b, 0) === placements;
  return { published: Object.fromEntries(keys.map((k, i) => [k, row.cells[i]])), hidesTotal: adds && isSuppressed(row.total) };
}

function employment(snapshot: StatisticsSnapshot, threshold: number): MinistryEmploymentFigures {
  const e = snapshot.employment;
  const byType = placementsBy(e.placementsByEmploymentType, e.placements, threshold);
  const byOccupation = placementsBy(e.placementsByOccupationGroup, e.placements, threshold);
  const byWage = placementsBy(e.placementsByWageBand, e.placements, threshold);
  const byChannel = placementsBy(e.placementsByChannel, e.placements, threshold);
  const placementsHidden = [byType, byOccupation, byWage, byChannel].some((b) => b.hidesTotal);
  // Completers split into employed and not employed: publishing both totals would give the small "not employed" away.
  const training = suppressRow([e.trainingCompletersEmployed, e.trainingCompleters - e.trainingCompletersEmployed], e.trainingCompleters, threshold);
  return {
    clientsRegistered: suppressCount(e.clientsRegistered, { threshold }),
    employedClients: suppressCount(e.employedClients, { threshold }),
    placements: placementsHidden ? SUPPRESSED : suppressCount(e.placements, { threshold }),
    placementsByEmploymentType: byType.published,
    placementsByOccupationGroup: byOccupation.published,
    placementsByWageBand: byWage.published,
    placementsByChannel: byChannel.published,
    trainingCompleters: training.total,
    trainingCompletersEmployed: training.cells[0],
    trainingEmploymentRate: publishRate(training.cells[0], training.total),
    internshipConversions: suppressCount(e.internshipConversions, { threshold }),
    startups: suppressCount(e.startups, { threshold }),
  };
}

const sortedRecord = (record: Record<string, number>): Record<string, number> => Object.fromEntries(Object.keys(record).sort(byCodeUnits).map((k) => [k, record[k]]));

function activity(snapshot: StatisticsSnapshot, threshold: number): MinistryActivityFigures {
  const a = snapshot.activity;
  return {
    counselingSessionsByChannel: sortedRecord(a.counselingSessionsByChannel),
    groupProgramAttendances: a.groupProgramAttendances,
    outreachEvents: a.outreachEvents,
    outreachContacts: suppressCount(a.outreachContacts, { threshold }),
    agreementsSigned: a.agreementsSigned,
    agreementsByKind: sortedRecord(a.agreementsByKind),
    councilMeetings: a.councilMeetings,
    jobFairs: a.jobFairs,
    retentionBeneficiaries: suppressCount(a.retentionBeneficiaries, { threshold }),
  };
}

/**
 * KPI plans with achievement. A person-count actual below the threshold is suppressed with its
 * achievement (actual = achievement × target); then the plan's overall achievement too, since the
 * mean and the other achievements would give the hidden one back.
 */
function kpi(plans: readonly KpiPlanAchievement[], threshold: number): MinistryKpiPlan[] {
  return [...plans]
    .sort((a, b) => byCodeUnits(a.centerId, b.centerId) || byCodeUnits(a.planId, b.planId))
    .map((plan) => {
      const indicators = plan.indicators.map((i) => {
        const personCount = PERSON_METRICS.has(i.source) || i.unit === '명';
        const actual = i.actual !== null && personCount && Number.isInteger(i.actual) && i.actual >= 0 ? suppressCount(i.actual, { threshold }) : i.actual;
        const achievement: PublishedRate = isSuppressed(actual) ? SUPPRESSED : i.achievement;
        return { indicatorId: i.indicatorId, name: i.name, unit: i.unit, termTarget: i.termTarget, actual, achievement, ...(i.weight !== undefined ? { weight: i.weight } : {}), source: i.source };
      });
      const overall: PublishedRate = plan.overall !== null && indicators.some((i) => isSuppressed(i.achievement)) ? SUPPRESSED : plan.overall;
      return { planId: plan.planId, name: plan.name, centerId: plan.centerId, term: { fromYear: plan.term.fromYear, toYear: plan.term.toYear }, indicators, overall };
    });
}

/**
 * The Ministry report from the exact figures: de-identified (only aggregates, built field by
 * field, never by copying a source object) and with small person counts suppressed. Pure: the
 * same sources give the same report, which is what lets a frozen report be regenerated byte for
 * byte as of its position.
 */
export function buildMinistryReport(scope: ReportScope, period: ReportPeriodFigures, sources: ReportSources, threshold: number): MinistryReportFigures {
  const { overall, breakdowns } = retention(sources, threshold);
  return {
    level: scope.level,
    scopeId: scope.scopeId ?? null,
    period: { key: period.key, kind: period.kind, from: period.from, to: period.to },
    asOfPosition: sources.snapshot.asOfPosition,
    asOfDate: sources.snapshot.asOfDate,
    retentionCohort: sources.snapshot.retentionCohort,
    suppressionThreshold: threshold,
    retention: overall,
    retentionBreakdowns: breakdowns,
    employment: employment(sources.snapshot, threshold),
    activity: activity(sources.snapshot, threshold),
    kpi: kpi(sources.kpi, threshold),
  };
}
