import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { MinistryActivityFigures } from '@saeil/contracts';
import { SaeilConfig } from '@saeil/config';
import type { ActivityFigures, StatisticsPeriod, StatisticsScope } from '../../statistics-source';
import { activityPersonCounts, publishActivity, publishWithParts } from '../../publishing/published-figures';
import { StatisticsQueries } from '../statistics.queries';
import { ConsistencyReport, scopeOf, StatisticsReadConsistency } from '../read-consistency';
import type { Disclosure } from '../disclosure';
import { ActivityStatisticsQuery } from './activity-statistics.query';

export interface ActivityStatistics {
  scope: StatisticsScope;
  period: StatisticsPeriod;
  asOfPosition: number;
  /** Present for a reader above the center: person counts below `suppressionThreshold` are `{ suppressed: true }`. */
  disclosure?: Disclosure;
  suppressionThreshold?: number;
  activity: ActivityFigures | MinistryActivityFigures;
  by?: 'center' | 'region';
  /** Each center or region of the scope; they add up to the scope's figures. */
  rows?: { key: string; activity: ActivityFigures | MinistryActivityFigures }[];
  consistency?: ConsistencyReport;
}

@QueryHandler(ActivityStatisticsQuery)
export class ActivityStatisticsHandler implements IQueryHandler<ActivityStatisticsQuery, ActivityStatistics> {
  constructor(
    private readonly statistics: StatisticsQueries,
    private readonly consistency: StatisticsReadConsistency,
    private readonly config: SaeilConfig,
  ) {}

  async execute({ filter, disclosure }: ActivityStatisticsQuery): Promise<ActivityStatistics> {
    const consistency = await this.consistency.await(filter);
    const period = { from: filter.from, to: filter.to };
    const asOf = { asOfPosition: filter.asOfPosition };
    const { snapshot, rows } = filter.by
      ? await this.statistics.snapshotBy(filter.by, scopeOf(filter), period, asOf, ['activity'])
      : { snapshot: await this.statistics.snapshot(scopeOf(filter), period, asOf, ['activity']), rows: undefined };
    const parts = (rows ?? []).map((r) => ({ key: r.key, figures: r.figures.activity }));
    const threshold = this.config.SUPPRESSION_THRESHOLD;
    const published =
      disclosure === 'exact'
        ? {
            whole: snapshot.activity as ActivityFigures | MinistryActivityFigures,
            parts: parts as { key: string; figures: ActivityFigures | MinistryActivityFigures }[],
          }
        : publishWithParts(
            snapshot.activity,
            parts,
            activityPersonCounts,
            (figures, forced) => publishActivity(figures, threshold, forced),
            threshold,
          );
    return {
      scope: snapshot.scope,
      period: snapshot.period,
      asOfPosition: snapshot.asOfPosition,
      ...(disclosure === 'suppressed' ? { disclosure, suppressionThreshold: threshold } : {}),
      activity: published.whole,
      ...(filter.by ? { by: filter.by, rows: published.parts.map((r) => ({ key: r.key, activity: r.figures })) } : {}),
      ...(consistency ? { consistency } : {}),
    };
  }
}
