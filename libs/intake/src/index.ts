export * from './intake.module';
export * from './domain/client.decider';
export * from './domain/case-state';
export * from './case/load-case';
