export * from './errors/domain-errors';
export * from './http/error.filter';
export * from './http/validation';
export * from './ids';
export * from './dates';
export * from './numbers';
export * from './clock';
export * from './center-from-record';
