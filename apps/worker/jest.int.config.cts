/** Integration tests: the worker's processors against the real PostgreSQL and Redis. */
module.exports = {
  displayName: 'worker-int',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  testTimeout: 60_000,
  maxWorkers: 1,
};
