export * from './message-bus.port';
export * from './topics';
export * from './envelope';
export * from './outbox-relay';
export * from './kafka/kafkajs-message-bus';
export * from './published-tail';
