export * from './programs.module';
export * from './domain/retention-program.decider';
export * from './domain/placed-client';
export * from './queries/program-view';
