export * from './ministry-dashboard.module';
export * from './domain/indicators';
export * from './feed/dashboard-feed.projection';
export * from './queries/dashboard-queries';
