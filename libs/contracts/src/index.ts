export * from './contract';
export * from './intake.events';
export * from './registry';
export * from './asyncapi';
