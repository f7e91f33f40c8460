export * from './intake.module';
export * from './domain/client.decider';
export * from './domain/case-state';
export * from './case/load-case';
export { IdentityHasher, identityHashSecret, identityHasherProvider } from './identity/identity-hasher';
export { eraseClientData, type ErasureResult } from './erasure/erase-client-data';
export { eraseClientsPastRetention, RETENTION_ERASURE_ACTOR } from './erasure/retention-erasure.job';
export { registerIntakeUpcasters } from './events/upcasters';
export { identityKeysOf, searchKeysOf } from './identity/identity-keys';
