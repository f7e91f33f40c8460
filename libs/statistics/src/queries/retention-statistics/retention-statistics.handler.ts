import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { MinistryRetentionFigures } from '@saeil/contracts';
import { SaeilConfig } from '@saeil/config';
import type {
  BreakdownRow,
  RetentionCohort,
  RetentionDimension,
  RetentionFigures,
  StatisticsPeriod,
  StatisticsScope,
} from '../../statistics-source';
import { publishRetention } from '../../publishing/published-figures';
import type { Disclosure } from '../disclosure';
import { StatisticsQueries } from '../statistics.queries';
import { ConsistencyReport, scopeOf, StatisticsReadConsistency } from '../read-consistency';
import { RetentionStatisticsQuery } from './retention-statistics.query';

export interface RetentionStatistics {
  scope: StatisticsScope;
  period: StatisticsPeriod;
  asOfPosition: number;
  asOfDate: string;
  cohort: RetentionCohort;
  /** Present for a reader above the center: person counts below `suppressionThreshold` are `{ suppressed: true }`. */
  disclosure?: Disclosure;
  suppressionThreshold?: number;
  retention: RetentionFigures[] | MinistryRetentionFigures[];
  by?: RetentionDimension;
  rows?: BreakdownRow<RetentionFigures[] | MinistryRetentionFigures[]>[];
  consistency?: ConsistencyReport;
}

@QueryHandler(RetentionStatisticsQuery)
export class RetentionStatisticsHandler implements IQueryHandler<RetentionStatisticsQuery, RetentionStatistics> {
  constructor(
    private readonly statistics: StatisticsQueries,
    private readonly consistency: StatisticsReadConsistency,
    private readonly config: SaeilConfig,
  ) {}

  async execute({ filter, disclosure }: RetentionStatisticsQuery): Promise<RetentionStatistics> {
    const consistency = await this.consistency.await(filter);
    const scope = scopeOf(filter);
    const period = { from: filter.from, to: filter.to };
    // One position for the total and the rows, so the rows add up to the total.
    const asOfPosition = filter.asOfPosition ?? (await this.statistics.currentPosition());
    const asOf = { asOfPosition, asOfDate: filter.asOfDate, retentionCohort: filter.cohort };
    const snapshot = await this.statistics.snapshot(scope, period, asOf, ['retention']);
    const rows = filter.by ? await this.statistics.retentionBy(filter.by, scope, period, asOf) : undefined;
    const threshold = this.config.SUPPRESSION_THRESHOLD;
    // Suppressed as the report does: the breakdown's rows with the overall figures as their totals.
    let published: {
      retention: RetentionFigures[] | MinistryRetentionFigures[];
      rows?: BreakdownRow<RetentionFigures[] | MinistryRetentionFigures[]>[];
    } = { retention: snapshot.retention, rows };
    if (disclosure === 'suppressed') {
      const { overall, breakdowns } = publishRetention(
        snapshot.retention,
        filter.by && rows ? [{ dimension: filter.by, rows }] : [],
        threshold,
      );
      published = { retention: overall, rows: breakdowns[0]?.rows.map((r) => ({ key: r.key, figures: r.milestones })) };
    }
    return {
      scope: snapshot.scope,
      period: snapshot.period,
      asOfPosition: snapshot.asOfPosition,
      asOfDate: snapshot.asOfDate,
      cohort: snapshot.retentionCohort,
      ...(disclosure === 'suppressed' ? { disclosure, suppressionThreshold: threshold } : {}),
      retention: published.retention,
      ...(filter.by ? { by: filter.by, rows: published.rows ?? [] } : {}),
      ...(consistency ? { consistency } : {}),
    };
  }
}
