import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { BreakdownRow, RetentionCohort, RetentionDimension, RetentionFigures, StatisticsPeriod, StatisticsScope } from '../../statistics-source';
import { StatisticsQueries } from '../statistics.queries';
import { ConsistencyReport, scopeOf, StatisticsReadConsistency } from '../read-consistency';
import { RetentionStatisticsQuery } from './retention-statistics.query';

export interface RetentionStatistics {
  scope: StatisticsScope;
  period: StatisticsPeriod;
  asOfPosition: number;
  asOfDate: string;
  cohort: RetentionCohort;
  retention: RetentionFigures[];
  by?: RetentionDimension;
  rows?: BreakdownRow<RetentionFigures[]>[];
  consistency?: ConsistencyReport;
}

@QueryHandler(RetentionStatisticsQuery)
export class RetentionStatisticsHandler implements IQueryHandler<RetentionStatisticsQuery, RetentionStatistics> {
  constructor(
    private readonly statistics: StatisticsQueries,
    private readonly consistency: StatisticsReadConsistency,
  ) {}

  async execute({ filter }: RetentionStatisticsQuery): Promise<RetentionStatistics> {
    const consistency = await this.consistency.await(filter);
    const scope = scopeOf(filter);
    const period = { from: filter.from, to: filter.to };
    // One position for the total and the rows, so the rows add up to the total.
    const asOfPosition = filter.asOfPosition ?? (await this.statistics.currentPosition());
    const asOf = { asOfPosition, asOfDate: filter.asOfDate, retentionCohort: filter.cohort };
    const snapshot = await this.statistics.snapshot(scope, period, asOf, ['retention']);
    const rows = filter.by ? await this.statistics.retentionBy(filter.by, scope, period, asOf) : undefined;
    return {
      scope: snapshot.scope,
      period: snapshot.period,
      asOfPosition: snapshot.asOfPosition,
      asOfDate: snapshot.asOfDate,
      cohort: snapshot.retentionCohort,
      retention: snapshot.retention,
      ...(filter.by ? { by: filter.by, rows } : {}),
      ...(consistency ? { consistency } : {}),
    };
  }
}
