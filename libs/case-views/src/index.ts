export * from './case-views.module';
export * from './projections/timeline.projection';
export * from './timeline/describe-event';
