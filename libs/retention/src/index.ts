export * from './retention.module';
export * from './domain/follow-ups.decider';
export * from './domain/milestones';
export * from './domain/outcomes';
export * from './domain/follow-up-case-rule';
export { followUpQueueProjection } from './projections/follow-up-queue.projection';
export { sweepFollowUps } from './sweep/follow-up-sweep.job';
