import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CenterLevel, CentersDirectory } from '../../centers/centers-directory';
import { StatisticsQueries } from '../statistics.queries';
import { StatisticsCentersQuery } from './statistics-centers.query';

export interface StatisticsCenter {
  centerId: string;
  /** null for a center the directory does not list (its region is '미지정'). */
  name: string | null;
  level: CenterLevel | null;
  region: string;
}

@QueryHandler(StatisticsCentersQuery)
export class StatisticsCentersHandler implements IQueryHandler<
  StatisticsCentersQuery,
  { centers: StatisticsCenter[] }
> {
  constructor(
    private readonly statistics: StatisticsQueries,
    private readonly directory: CentersDirectory,
  ) {}

  async execute({ filter }: StatisticsCentersQuery): Promise<{ centers: StatisticsCenter[] }> {
    const centers = await this.statistics.centersOf({ level: filter.level, id: filter.id });
    return {
      centers: centers.map(({ centerId, region }) => {
        const listed = this.directory.get(centerId);
        return { centerId, name: listed?.name ?? null, level: listed?.level ?? null, region };
      }),
    };
  }
}
