export * from './saeil-config';
export * from './secret-strength';
