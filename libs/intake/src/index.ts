export * from './intake.module';
export * from './domain/client.decider';
export * from './projections/caseload.projection';
