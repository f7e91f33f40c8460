/** The retention context's events are public contracts: see libs/contracts/src/retention.events.ts. */
export * from '@saeil/contracts/retention.events';
