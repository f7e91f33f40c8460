/**
 * One jest run for all three tiers (see docs/ARCHITECTURE.md#tests):
 *   *.spec.ts      pure unit tests, no I/O
 *   *.int-spec.ts  real PostgreSQL and real Kafka
 *   *.e2e-spec.ts  the running application through HTTP
 * globalSetup starts the embedded PostgreSQL and the KRaft broker once for the whole run
 * unless DATABASE_URL / KAFKA_BROKERS point at running ones.
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  // apps/web has its own runner (vitest); its tests are not jest's.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/', '<rootDir>/apps/web/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  testTimeout: 60000,
  maxWorkers: 2,
};
