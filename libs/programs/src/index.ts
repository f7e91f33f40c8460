export * from './programs.module';
export * from './domain/retention-program.decider';
export * from './domain/placed-client';
export * from './queries/program-view';
export * from './domain/budget-plan.decider';
export * from './domain/budget-labels';
export * from './queries/budget-view';
