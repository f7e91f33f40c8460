import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SaeilConfig } from '@saeil/config';
import type { SaeilModuleDefinition } from '@saeil/runtime';
import { CenterRegions } from '@saeil/identity';
import { CentersDirectory } from './centers/centers-directory';
import { Statistics1732240870000 } from './migrations/1732240870000-statistics';
import { statisticsProjection } from './projections/statistics.projection';
import { StatisticsSource } from './statistics-source';
import { StatisticsQueries } from './queries/statistics.queries';
import { StatisticsReadConsistency } from './queries/read-consistency';
import { RetentionStatisticsController } from './queries/retention-statistics/retention-statistics.controller';
import { RetentionStatisticsHandler } from './queries/retention-statistics/retention-statistics.handler';
import { EmploymentStatisticsController } from './queries/employment-statistics/employment-statistics.controller';
import { EmploymentStatisticsHandler } from './queries/employment-statistics/employment-statistics.handler';
import { ActivityStatisticsController } from './queries/activity-statistics/activity-statistics.controller';
import { ActivityStatisticsHandler } from './queries/activity-statistics/activity-statistics.handler';
import { StatisticsCentersController } from './queries/statistics-centers/statistics-centers.controller';
import { StatisticsCentersHandler } from './queries/statistics-centers/statistics-centers.handler';

/**
 * Statistics (retention, employment, activity) over fact tables fed by every context, rolled up
 * basic center → region → nation. Writes no events. The KPI module and the Ministry report read
 * it through `StatisticsSource` (exported here).
 */
@Global()
@Module({
  imports: [CqrsModule],
  controllers: [
    RetentionStatisticsController,
    EmploymentStatisticsController,
    ActivityStatisticsController,
    StatisticsCentersController,
  ],
  providers: [
    // Read and checked when the module starts: a bad file stops the start, naming file and field.
    {
      provide: CentersDirectory,
      inject: [SaeilConfig],
      useFactory: (config: SaeilConfig) => CentersDirectory.load(config.SAEIL_CENTERS_FILE),
    },
    // The guard resolves a regional supervisor's centers through it.
    { provide: CenterRegions, useExisting: CentersDirectory },
    StatisticsQueries,
    { provide: StatisticsSource, useExisting: StatisticsQueries },
    StatisticsReadConsistency,
    RetentionStatisticsHandler,
    EmploymentStatisticsHandler,
    ActivityStatisticsHandler,
    StatisticsCentersHandler,
  ],
  exports: [StatisticsSource, StatisticsQueries, CentersDirectory, CenterRegions],
})
export class StatisticsModule {}

export const statisticsModule: SaeilModuleDefinition = {
  name: 'statistics',
  contexts: [],
  migrations: [Statistics1732240870000],
  projections: [statisticsProjection],
  commands: [],
  nestModule: StatisticsModule,
};
