export * from './saeil-config';
export * from './secret-strength';
export * from './secret-file';
