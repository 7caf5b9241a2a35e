/**
 * SQL has one home: the query classes of libs/persistence (src/lib/queries). The servers' own code
 * (API, worker, server-core) calls them and never writes SQL itself: a `.query(` call or a query
 * builder there is an error. Tests may still read the database directly to check what it holds.
 */
const message =
  'SQL lives in the query classes (libs/persistence/src/lib/queries): add a method there and call it';

export const noRawSql = {
  files: ['**/*.ts'],
  ignores: ['**/*.spec.ts', '**/*.int-spec.ts', 'test/**'],
  rules: {
    'no-restricted-syntax': [
      'error',
      { selector: "CallExpression[callee.property.name='query']", message },
      {
        selector: "CallExpression[callee.property.name='createQueryBuilder']",
        message,
      },
    ],
  },
};
