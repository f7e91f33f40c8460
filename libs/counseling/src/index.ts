export * from './counseling.module';
export * from './domain/client-counseling.decider';
export * from './domain/group-program.decider';
export * from './domain/outreach.decider';
