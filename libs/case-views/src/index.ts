export * from './case-views.module';
export * from './projections/timeline.projection';
export * from './timeline/describe-event';
export * from './projections/caseload.projection';
export * from './caseload/caseload-facts';
export * from './projections/center-activities.projection';
