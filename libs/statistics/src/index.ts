export * from './domain';
export * from './statistics-source';
