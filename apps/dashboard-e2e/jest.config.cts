// Browser tests: the built API (serving the built dashboard) on a fresh database with the small demo,
// driven by Debian's Chromium through playwright-core. Run with `npx nx e2e dashboard-e2e`.
process.env['TZ'] = 'UTC';

module.exports = {
  displayName: 'dashboard-e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  testTimeout: 180_000,
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  maxWorkers: 1,
};
