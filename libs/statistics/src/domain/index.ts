export * from './kpi';
export * from './rates';
export * from './suppression';
export * from './rollup';
export * from './wage-bands';
export * from './period';
export * from './facts';
export * from './suppress-row';
