/** For tests only: a Redis of a test's own, and waiting until a condition holds. */
export * from './own-redis';
export * from './until';
