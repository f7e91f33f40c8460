export * from './placement.module';
export * from './domain/placements.decider';
export * from './domain/startup-grant-budget';
export * from './config/startup-support.config';
export * from './queries/list-placements/placement-history';
