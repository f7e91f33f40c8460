export * from './data-source';
export * from './embedded-postgres';
export * from './sql';
export * from './notifications';
export * from './waker';
export * from './embedded-reuse';
export * from './channel-listener';
