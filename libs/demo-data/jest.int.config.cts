// Integration tier: specs named *.int-spec.ts that need the real PostgreSQL (127.0.0.1:5432 by
// default, see libs/persistence/src/lib/test-database.ts). The unit config (jest.config.cts)
// keeps the preset's testMatch, which does not match *.int-spec.ts.
process.env['TZ'] = 'UTC';

module.exports = {
  displayName: 'demo-data-int',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['**/*.int-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  testTimeout: 120_000,
  coverageDirectory: '../../coverage/libs/demo-data-int',
};
