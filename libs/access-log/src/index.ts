export * from './access-log.module';
export * from './domain/hash-chain';
export * from './recording/access-logged.decorator';
export * from './recording/access-log.interceptor';
export * from './domain/anchors';
export * from './anchoring/access-log-anchoring';
export * from './anchoring/access-log-verification';
export * from './anchoring/mac-key';
