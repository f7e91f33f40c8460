import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SaeilConfig } from '@saeil/config';
import { KOREAN_REGIONS, OCCUPATION_GROUP_CODES, PLACEMENT_EMPLOYMENT_TYPES } from '@saeil/contracts';
import { NotFound, ValidationFailed } from '@saeil/core';
import { CentersDirectory, UNASSIGNED_REGION } from '../centers/centers-directory';
import { periodProblems, retentionAsOfDate } from '../domain/period';
import { CenterRollup, rollup, Totals } from '../domain/rollup';
import {
  ActivityFigures,
  BreakdownRow,
  EmploymentFigures,
  RETENTION_COHORTS,
  RETENTION_DIMENSIONS,
  RetentionDimension,
  RetentionFigures,
  StatisticMetric,
  STATISTIC_METRIC_KEYS,
  StatisticsAsOf,
  StatisticsPeriod,
  StatisticsScope,
  StatisticsSnapshot,
  StatisticsSource,
} from '../statistics-source';
import {
  BREAKDOWNS,
  Breakdown,
  COUNT_KEYS,
  Counts,
  FactCounts,
  FactFilter,
  FIGURE_PARTS,
  FigurePart,
  MILESTONES,
  NO_PROGRAM,
  RATES,
  retentionKey,
} from './fact-counts';

type ScopeTotals = Totals<string, string>;

/** Which group of figures a metric is counted from. */
const METRIC_PART: Record<StatisticMetric, FigurePart> = {
  clients_registered: 'employment',
  employed_clients: 'employment',
  placements: 'employment',
  retention_beneficiaries: 'activity',
  retention_rate_m1: 'retention',
  retention_rate_m2: 'retention',
  retention_rate_m3: 'retention',
  training_completers: 'employment',
  training_employment_rate: 'employment',
  internship_conversions: 'employment',
  startups: 'employment',
  counseling_sessions: 'activity',
  outreach_sessions: 'activity',
  group_program_attendances: 'activity',
  agreements_signed: 'activity',
  council_meetings: 'activity',
  job_fairs: 'activity',
};

interface Resolved {
  scope: StatisticsScope;
  period: StatisticsPeriod;
  filter: FactFilter;
  /** The centers of the scope with their region, for the rollup. */
  centers: { centerId: string; region: string }[];
}

const DEFINITION = { counts: COUNT_KEYS, rates: RATES };

/**
 * The statistics, as the HTTP API, the KPI module and the Ministry report read them
 * (StatisticsSource). Counts come per center from the fact tables; `rollup` sums them center →
 * region → nation and recomputes every rate from the summed counts, so each level is exactly the
 * sum of its parts. Without asOfPosition, the figures are as of the newest position the
 * projection has applied, read once before counting, so one answer is consistent in itself.
 */
@Injectable()
export class StatisticsQueries extends StatisticsSource {
  private readonly facts: FactCounts;

  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: CentersDirectory,
    config: SaeilConfig,
  ) {
    super();
    this.facts = new FactCounts(dataSource, config.TRAINING_EMPLOYMENT_WITHIN_MONTHS);
  }

  async metric(
    metric: StatisticMetric,
    scope: StatisticsScope,
    period: StatisticsPeriod,
    asOf: StatisticsAsOf = {},
  ): Promise<number | null> {
    if (!STATISTIC_METRIC_KEYS.includes(metric))
      throw new ValidationFailed([
        { field: 'metric', code: 'isIn', message: `metric must be one of ${STATISTIC_METRIC_KEYS.join(', ')}` },
      ]);
    const s = await this.snapshot(scope, period, asOf, [METRIC_PART[metric]]);
    const byMetric: Record<StatisticMetric, number | null> = {
      clients_registered: s.employment.clientsRegistered,
      employed_clients: s.employment.employedClients,
      placements: s.employment.placements,
      retention_beneficiaries: s.activity.retentionBeneficiaries,
      retention_rate_m1: s.retention[0].retentionRate,
      retention_rate_m2: s.retention[1].retentionRate,
      retention_rate_m3: s.retention[2].retentionRate,
      training_completers: s.employment.trainingCompleters,
      training_employment_rate: s.employment.trainingEmploymentRate,
      internship_conversions: s.employment.internshipConversions,
      startups: s.employment.startups,
      counseling_sessions: Object.values(s.activity.counselingSessionsByChannel).reduce((a, b) => a + b, 0),
      outreach_sessions: s.activity.outreachEvents,
      group_program_attendances: s.activity.groupProgramAttendances,
      agreements_signed: s.activity.agreementsSigned,
      council_meetings: s.activity.councilMeetings,
      job_fairs: s.activity.jobFairs,
    };
    return byMetric[metric];
  }

  /** Every figure of the scope; with `parts`, only those groups are counted (the others read 0). */
  async snapshot(
    scope: StatisticsScope,
    period: StatisticsPeriod,
    asOf: StatisticsAsOf = {},
    parts: readonly FigurePart[] = FIGURE_PARTS,
  ): Promise<StatisticsSnapshot> {
    const resolved = await this.resolve(scope, period, asOf);
    const totals = this.totalsOf(resolved, await this.facts.perCenter(resolved.filter, parts));
    return this.snapshotOf(resolved, totals);
  }

  /** The scope's figures and, per center or region of the scope, the same figures (which add up to the scope's). */
  async snapshotBy(
    level: 'center' | 'region',
    scope: StatisticsScope,
    period: StatisticsPeriod,
    asOf: StatisticsAsOf = {},
    parts: readonly FigurePart[] = FIGURE_PARTS,
  ): Promise<{ snapshot: StatisticsSnapshot; rows: BreakdownRow<StatisticsSnapshot>[] }> {
    const resolved = await this.resolve(scope, period, asOf);
    const tree = this.rollupOf(resolved, await this.facts.perCenter(resolved.filter, parts));
    const members: { key: string; totals: ScopeTotals; scope: StatisticsScope }[] =
      level === 'center'
        ? tree.regions
            .flatMap((r) => r.centers)
            .map((c) => ({ key: c.centerId, totals: c, scope: { level: 'center', id: c.centerId } }))
        : tree.regions.map((r) => ({ key: r.regionId, totals: r, scope: { level: 'region', id: r.regionId } }));
    return {
      snapshot: this.snapshotOf(resolved, this.pick(resolved, tree)),
      rows: members
        .sort((a, b) => compare(a.key, b.key))
        .map((p) => ({ key: p.key, figures: this.snapshotOf({ ...resolved, scope: p.scope }, p.totals) })),
    };
  }

  async retentionBy(
    dimension: RetentionDimension,
    scope: StatisticsScope,
    period: StatisticsPeriod,
    asOf: StatisticsAsOf = {},
  ): Promise<BreakdownRow<RetentionFigures[]>[]> {
    if (!RETENTION_DIMENSIONS.includes(dimension))
      throw new ValidationFailed([
        { field: 'by', code: 'isIn', message: `by must be one of ${RETENTION_DIMENSIONS.join(', ')}` },
      ]);
    if (dimension === 'center' || dimension === 'region') {
      const { rows } = await this.snapshotBy(dimension, scope, period, asOf, ['retention']);
      return rows.map((r) => ({ key: r.key, figures: r.figures.retention }));
    }
    const resolved = await this.resolve(scope, period, asOf);
    const byKey = await this.facts.retentionBy(resolved.filter, dimension);
    const keys = new Set<string>([...this.expectedKeys(dimension, resolved.period), ...byKey.keys()]);
    return [...keys]
      .sort(compare)
      .map((key) => ({ key, figures: retentionOf(this.totalsOf(resolved, byKey.get(key) ?? new Map())) }));
  }

  async centersOf(scope: StatisticsScope): Promise<{ centerId: string; region: string }[]> {
    this.checkScope(scope);
    const all = await this.knownCenters();
    const inScope = all.filter(
      (c) => scope.level === 'nation' || (scope.level === 'region' ? c.region === scope.id : c.centerId === scope.id),
    );
    if (scope.level === 'center' && inScope.length === 0) throw new NotFound('center', scope.id!);
    return inScope;
  }

  /** The position the projection has applied up to (0 before any event). */
  async currentPosition(): Promise<number> {
    const rows: { position: string }[] = await this.dataSource.query(
      `SELECT position FROM rm_stat_position WHERE id = 1`,
    );
    return rows.length ? Number(rows[0].position) : 0;
  }

  // ---------------------------------------------------------------------------------------------

  private async resolve(scope: StatisticsScope, period: StatisticsPeriod, asOf: StatisticsAsOf): Promise<Resolved> {
    const problems = [...this.scopeProblems(scope), ...periodProblems(period ?? {}, asOf.asOfDate)];
    if (asOf.asOfPosition !== undefined && !(Number.isSafeInteger(asOf.asOfPosition) && asOf.asOfPosition >= 0)) {
      problems.push({ field: 'asOfPosition', code: 'min', message: 'asOfPosition must be an integer ≥ 0' });
    }
    if (asOf.retentionCohort !== undefined && !RETENTION_COHORTS.includes(asOf.retentionCohort)) {
      problems.push({
        field: 'cohort',
        code: 'isIn',
        message: `cohort must be one of ${RETENTION_COHORTS.join(', ')}`,
      });
    }
    if (problems.length > 0) throw new ValidationFailed(problems);
    const asOfPosition = asOf.asOfPosition ?? (await this.currentPosition());
    const centers = await this.centersOf(scope);
    // Distinct persons are attributed across every center before the scope is cut, so the SQL
    // filters by center only when the scope is a listed set (the unassigned region is "the rest").
    const centerIds =
      scope.level === 'nation' || scope.id === UNASSIGNED_REGION ? null : centers.map((c) => c.centerId);
    return {
      scope: scope.level === 'nation' ? { level: 'nation' } : { level: scope.level, id: scope.id },
      period: { from: period.from, to: period.to },
      filter: {
        asOfPosition,
        from: period.from,
        to: period.to,
        asOfDate: retentionAsOfDate(period, asOf.asOfDate),
        centerIds,
        retentionCohort: asOf.retentionCohort ?? 'placement_start',
      },
      centers,
    };
  }

  private scopeProblems(scope: StatisticsScope | undefined): { field: string; code: string; message: string }[] {
    if (!scope || !['center', 'region', 'nation'].includes(scope.level))
      return [{ field: 'level', code: 'isIn', message: 'level must be center, region or nation' }];
    if (scope.level === 'nation')
      return scope.id ? [{ field: 'id', code: 'notAllowed', message: 'the nation takes no id' }] : [];
    if (!scope.id) return [{ field: 'id', code: 'required', message: `id is required for level ${scope.level}` }];
    if (scope.level === 'region' && !this.directory.isRegion(scope.id)) {
      return [
        {
          field: 'id',
          code: 'isIn',
          message: `a region is one of ${[...KOREAN_REGIONS, UNASSIGNED_REGION].join(', ')}`,
        },
      ];
    }
    if (scope.level === 'center' && !/^[\w-]{1,64}$/.test(scope.id))
      return [{ field: 'id', code: 'matches', message: 'id must be a center id' }];
    return [];
  }

  private checkScope(scope: StatisticsScope): void {
    const problems = this.scopeProblems(scope);
    if (problems.length > 0) throw new ValidationFailed(problems);
  }

  /**
   * The directory's centers and every center seen in a fact (an unlisted one under '미지정'). A
   * center seen only after an as-of position is listed with zeros: rows stay the same set.
   */
  private async knownCenters(): Promise<{ centerId: string; region: string }[]> {
    const seen: { center_id: string }[] = await this.dataSource.query(`SELECT center_id FROM rm_stat_centers`);
    const ids = new Set([...this.directory.all().map((c) => c.centerId), ...seen.map((r) => r.center_id)]);
    return [...ids].sort(compare).map((centerId) => ({ centerId, region: this.directory.regionOf(centerId) }));
  }

  private rollupOf(resolved: Resolved, perCenter: Map<string, Counts>) {
    const zero = Object.fromEntries(COUNT_KEYS.map((k) => [k, 0]));
    return rollup(
      resolved.centers.map((c) => ({
        centerId: c.centerId,
        regionId: c.region,
        counts: { ...zero, ...(perCenter.get(c.centerId) ?? {}) },
      })),
      DEFINITION,
    );
  }

  private pick(resolved: Resolved, tree: ReturnType<StatisticsQueries['rollupOf']>): ScopeTotals {
    if (resolved.scope.level === 'nation') return tree;
    if (resolved.scope.level === 'region')
      return tree.regions.find((r) => r.regionId === resolved.scope.id) ?? this.empty();
    return (
      tree.regions.flatMap((r) => r.centers).find((c: CenterRollup) => c.centerId === resolved.scope.id) ?? this.empty()
    );
  }

  private totalsOf(resolved: Resolved, perCenter: Map<string, Counts>): ScopeTotals {
    return this.pick(resolved, this.rollupOf(resolved, perCenter));
  }

  private empty(): ScopeTotals {
    return rollup([], DEFINITION);
  }

  private expectedKeys(dimension: RetentionDimension, period: StatisticsPeriod): string[] {
    if (dimension === 'employmentType') return [...PLACEMENT_EMPLOYMENT_TYPES];
    if (dimension === 'occupationGroup') return [...OCCUPATION_GROUP_CODES];
    if (dimension === 'placementMonth') return monthsOf(period);
    return [];
  }

  private snapshotOf(resolved: Resolved, totals: ScopeTotals): StatisticsSnapshot {
    const c = totals.counts;
    const breakdown = (name: Breakdown) =>
      Object.fromEntries((BREAKDOWNS[name] as readonly string[]).map((k) => [k, c[`${name}.${k}`]]));
    const employment: EmploymentFigures = {
      clientsRegistered: c.clientsRegistered,
      employedClients: c.employedClients,
      placements: c.placements,
      placementsByEmploymentType: breakdown('placementsByEmploymentType'),
      placementsByOccupationGroup: breakdown('placementsByOccupationGroup'),
      placementsByWageBand: breakdown('placementsByWageBand'),
      placementsByChannel: breakdown('placementsByChannel'),
      trainingCompleters: c.trainingCompleters,
      trainingCompletersEmployed: c.trainingCompletersEmployed,
      trainingEmploymentRate: totals.rates.trainingEmploymentRate,
      internshipConversions: c.internshipConversions,
      startups: c.startups,
    };
    const activity: ActivityFigures = {
      counselingSessionsByChannel: breakdown('counselingSessionsByChannel'),
      groupProgramAttendances: c.groupProgramAttendances,
      outreachEvents: c.outreachEvents,
      outreachContacts: c.outreachContacts,
      agreementsSigned: c.agreementsSigned,
      agreementsByKind: breakdown('agreementsByKind'),
      councilMeetings: c.councilMeetings,
      jobFairs: c.jobFairs,
      retentionBeneficiaries: c.retentionBeneficiaries,
    };
    return {
      scope: resolved.scope,
      period: resolved.period,
      asOfPosition: resolved.filter.asOfPosition,
      asOfDate: resolved.filter.asOfDate,
      retentionCohort: resolved.filter.retentionCohort,
      retention: retentionOf(totals),
      employment,
      activity,
    };
  }
}

function retentionOf(totals: ScopeTotals): RetentionFigures[] {
  const c = totals.counts;
  const r = totals.rates;
  return MILESTONES.map((n) => ({
    n,
    eligible: c[retentionKey(n, 'eligible')],
    sameEmployer: c[retentionKey(n, 'sameEmployer')],
    otherEmployer: c[retentionKey(n, 'otherEmployer')],
    notEmployed: c[retentionKey(n, 'notEmployed')],
    unreachable: c[retentionKey(n, 'unreachable')],
    unverified: c[retentionKey(n, 'unverified')],
    retentionRate: r[`m${n}.retentionRate`],
    anyEmployerRate: r[`m${n}.anyEmployerRate`],
    unverifiedShare: r[`m${n}.unverifiedShare`],
  }));
}

/** Every month (YYYY-MM) the period touches. */
export function monthsOf(period: StatisticsPeriod): string[] {
  const months: string[] = [];
  let [y, m] = period.from.slice(0, 7).split('-').map(Number);
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export { NO_PROGRAM };
