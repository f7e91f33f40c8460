export * from './saeil-config';
