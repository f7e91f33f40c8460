/**
 * Three tiers (see docs/ARCHITECTURE.md#tests), as two jest projects run together by `npm test`:
 *   unit         *.spec.ts      pure logic, no I/O: starts nothing (npm run test:unit)
 *   integration  *.int-spec.ts  real PostgreSQL and real Kafka
 *                *.e2e-spec.ts  the running application through HTTP (npm run test:int)
 * The integration project's globalSetup starts the embedded PostgreSQL and the KRaft broker once
 * for the run, unless DATABASE_URL / KAFKA_BROKERS point at running ones; jest runs a project's
 * globalSetup only when one of its tests is selected, so the unit tier never starts them.
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const shared = {
  rootDir: '.',
  testEnvironment: 'node',
  // apps/web has its own runner (vitest); its tests are not jest's.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/', '<rootDir>/apps/web/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testRegex: '.*\\.spec\\.ts$' },
    {
      ...shared,
      displayName: 'integration',
      testRegex: '.*\\.(int-spec|e2e-spec)\\.ts$',
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  testTimeout: 60000,
  maxWorkers: 2,
};
