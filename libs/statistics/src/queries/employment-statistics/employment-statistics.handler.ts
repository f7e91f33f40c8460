import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { EmploymentFigures, StatisticsPeriod, StatisticsScope } from '../../statistics-source';
import { StatisticsQueries } from '../statistics.queries';
import { ConsistencyReport, scopeOf, StatisticsReadConsistency } from '../read-consistency';
import { EmploymentStatisticsQuery } from './employment-statistics.query';

export interface EmploymentStatistics {
  scope: StatisticsScope;
  period: StatisticsPeriod;
  asOfPosition: number;
  employment: EmploymentFigures;
  by?: 'center' | 'region';
  /** Each center or region of the scope; they add up to the scope's figures. */
  rows?: { key: string; employment: EmploymentFigures }[];
  consistency?: ConsistencyReport;
}

@QueryHandler(EmploymentStatisticsQuery)
export class EmploymentStatisticsHandler implements IQueryHandler<EmploymentStatisticsQuery, EmploymentStatistics> {
  constructor(
    private readonly statistics: StatisticsQueries,
    private readonly consistency: StatisticsReadConsistency,
  ) {}

  async execute({ filter }: EmploymentStatisticsQuery): Promise<EmploymentStatistics> {
    const consistency = await this.consistency.await(filter);
    const period = { from: filter.from, to: filter.to };
    const asOf = { asOfPosition: filter.asOfPosition };
    const { snapshot, rows } = filter.by
      ? await this.statistics.snapshotBy(filter.by, scopeOf(filter), period, asOf, ['employment'])
      : { snapshot: await this.statistics.snapshot(scopeOf(filter), period, asOf, ['employment']), rows: undefined };
    return {
      scope: snapshot.scope,
      period: snapshot.period,
      asOfPosition: snapshot.asOfPosition,
      employment: snapshot.employment,
      ...(filter.by ? { by: filter.by, rows: rows!.map((r) => ({ key: r.key, employment: r.figures.employment })) } : {}),
      ...(consistency ? { consistency } : {}),
    };
  }
}
