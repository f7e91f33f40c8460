export * from './kpi.module';
export * from './kpi-source';
export * from './domain/kpi-plan.decider';
export * from './queries/kpi-achievement/plan-achievement';
