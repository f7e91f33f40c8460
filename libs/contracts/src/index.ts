export * from './intake.events';
