export * from './access-log.module';
export * from './domain/hash-chain';
export * from './recording/access-logged.decorator';
export * from './recording/access-log.interceptor';
