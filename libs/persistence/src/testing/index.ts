/** For tests and benches only: a fresh database per suite, migrated through the real migrations. */
export * from './test-database';
