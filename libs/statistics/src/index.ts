export * from './domain';
export * from './statistics-source';
export * from './centers/centers-directory';
export { StatisticsQueries } from './queries/statistics.queries';
export { statisticsProjection } from './projections/statistics.projection';
export { StatisticsModule, statisticsModule } from './statistics.module';
