export * from './kpi';
export * from './rates';
export * from './suppression';
export * from './rollup';
