export * from './projection';
export * from './projection-runner';
export * from './event-store-feed';
export * from './kafka-feed';
export * from './rebuild';
export * from './consistency';
export * from './batch-sql';
