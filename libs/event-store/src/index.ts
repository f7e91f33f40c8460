export * from './types';
export * from './upcasters';
export * from './event-store';
export * from './command-handling';
export * from './checkpoints';
export * from './prefetched-streams';
