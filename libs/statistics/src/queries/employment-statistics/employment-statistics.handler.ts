import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { MinistryEmploymentFigures } from '@saeil/contracts';
import { SaeilConfig } from '@saeil/config';
import type { EmploymentFigures, StatisticsPeriod, StatisticsScope } from '../../statistics-source';
import { employmentPersonCounts, publishEmployment, publishWithParts } from '../../publishing/published-figures';
import { StatisticsQueries } from '../statistics.queries';
import { ConsistencyReport, scopeOf, StatisticsReadConsistency } from '../read-consistency';
import type { Disclosure } from '../disclosure';
import { EmploymentStatisticsQuery } from './employment-statistics.query';

export interface EmploymentStatistics {
  scope: StatisticsScope;
  period: StatisticsPeriod;
  asOfPosition: number;
  /** Present for a reader above the center: person counts below `suppressionThreshold` are `{ suppressed: true }`. */
  disclosure?: Disclosure;
  suppressionThreshold?: number;
  employment: EmploymentFigures | MinistryEmploymentFigures;
  by?: 'center' | 'region';
  /** Each center or region of the scope; they add up to the scope's figures. */
  rows?: { key: string; employment: EmploymentFigures | MinistryEmploymentFigures }[];
  consistency?: ConsistencyReport;
}

@QueryHandler(EmploymentStatisticsQuery)
export class EmploymentStatisticsHandler implements IQueryHandler<EmploymentStatisticsQuery, EmploymentStatistics> {
  constructor(
    private readonly statistics: StatisticsQueries,
    private readonly consistency: StatisticsReadConsistency,
    private readonly config: SaeilConfig,
  ) {}

  async execute({ filter, disclosure }: EmploymentStatisticsQuery): Promise<EmploymentStatistics> {
    const consistency = await this.consistency.await(filter);
    const period = { from: filter.from, to: filter.to };
    const asOf = { asOfPosition: filter.asOfPosition };
    const { snapshot, rows } = filter.by
      ? await this.statistics.snapshotBy(filter.by, scopeOf(filter), period, asOf, ['employment'])
      : { snapshot: await this.statistics.snapshot(scopeOf(filter), period, asOf, ['employment']), rows: undefined };
    const parts = (rows ?? []).map((r) => ({ key: r.key, figures: r.figures.employment }));
    const threshold = this.config.SUPPRESSION_THRESHOLD;
    const published =
      disclosure === 'exact'
        ? {
            whole: snapshot.employment as EmploymentFigures | MinistryEmploymentFigures,
            parts: parts as { key: string; figures: EmploymentFigures | MinistryEmploymentFigures }[],
          }
        : publishWithParts(
            snapshot.employment,
            parts,
            employmentPersonCounts,
            (figures, forced) => publishEmployment(figures, threshold, forced),
            threshold,
          );
    return {
      scope: snapshot.scope,
      period: snapshot.period,
      asOfPosition: snapshot.asOfPosition,
      ...(disclosure === 'suppressed' ? { disclosure, suppressionThreshold: threshold } : {}),
      employment: published.whole,
      ...(filter.by
        ? { by: filter.by, rows: published.parts.map((r) => ({ key: r.key, employment: r.figures })) }
        : {}),
      ...(consistency ? { consistency } : {}),
    };
  }
}
