export * from './domain';
export * from './statistics-source';
export * from './centers/centers-directory';
export { StatisticsQueries } from './queries/statistics.queries';
export { statisticsProjection } from './projections/statistics.projection';
export { StatisticsModule, statisticsModule } from './statistics.module';
export {
  EmploymentFiguresResponse,
  PUBLISHED_COUNT,
  PUBLISHED_RATE,
  RetentionFiguresResponse,
  SuppressedFigureResponse,
} from './queries/statistics.response';
export type { Count, Rate } from './queries/statistics.response';
export * from './publishing/published-figures';
