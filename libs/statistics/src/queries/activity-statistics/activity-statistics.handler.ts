import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ActivityFigures, StatisticsPeriod, StatisticsScope } from '../../statistics-source';
import { StatisticsQueries } from '../statistics.queries';
import { ConsistencyReport, scopeOf, StatisticsReadConsistency } from '../read-consistency';
import { ActivityStatisticsQuery } from './activity-statistics.query';

export interface ActivityStatistics {
  scope: StatisticsScope;
  period: StatisticsPeriod;
  asOfPosition: number;
  activity: ActivityFigures;
  by?: 'center' | 'region';
  /** Each center or region of the scope; they add up to the scope's figures. */
  rows?: { key: string; activity: ActivityFigures }[];
  consistency?: ConsistencyReport;
}

@QueryHandler(ActivityStatisticsQuery)
export class ActivityStatisticsHandler implements IQueryHandler<ActivityStatisticsQuery, ActivityStatistics> {
  constructor(
    private readonly statistics: StatisticsQueries,
    private readonly consistency: StatisticsReadConsistency,
  ) {}

  async execute({ filter }: ActivityStatisticsQuery): Promise<ActivityStatistics> {
    const consistency = await this.consistency.await(filter);
    const period = { from: filter.from, to: filter.to };
    const asOf = { asOfPosition: filter.asOfPosition };
    const { snapshot, rows } = filter.by
      ? await this.statistics.snapshotBy(filter.by, scopeOf(filter), period, asOf, ['activity'])
      : { snapshot: await this.statistics.snapshot(scopeOf(filter), period, asOf, ['activity']), rows: undefined };
    return {
      scope: snapshot.scope,
      period: snapshot.period,
      asOfPosition: snapshot.asOfPosition,
      activity: snapshot.activity,
      ...(filter.by ? { by: filter.by, rows: rows!.map((r) => ({ key: r.key, activity: r.figures.activity })) } : {}),
      ...(consistency ? { consistency } : {}),
    };
  }
}
