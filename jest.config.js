/** Jest runs the TypeScript sources directly through SWC. Tiers are told apart by path. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': ['@swc/jest'] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // Builds the GraphiQL playground when stale: the HTTP and browser suites serve it.
  globalSetup: '<rootDir>/test/global-setup.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
