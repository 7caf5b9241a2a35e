import { DataSource } from 'typeorm';

/** Arbitrary constant: the advisory lock every process takes while it runs migrations. */
const MIGRATION_LOCK_KEY = 4_120_330_000;

/**
 * Runs the pending migrations once, even when several processes start together: each takes a
 * session-level advisory lock first, so the second waits and then finds nothing pending.
 * Returns the names of the migrations this call applied. The lock holds one connection of the
 * pool while the migrations use another: the data source needs a pool of at least two.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
