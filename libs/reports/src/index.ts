export * from './reports.module';
export * from './domain/report-period';
export * from './domain/report-scope';
export * from './domain/canonical';
export * from './report/build-ministry-report';
export * from './exports/report-export';
export * from './exports/report-rows';
export * from './feed/ministry-stats.reactor';
