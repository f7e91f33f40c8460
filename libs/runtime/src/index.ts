export * from './module-definition';
export * from './runtime';
export * from './platform.module';
export * from './ops.controller';
export * from './request-context';
export * from './timed';
export * from './command-definition';
export * from './command-topic';
