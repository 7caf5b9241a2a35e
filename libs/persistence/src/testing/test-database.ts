import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../lib/data-source-options';
import { runMigrations } from '../lib/migrate';

export interface TestDatabase {
  /** postgres:// URL of the new database, migrated to the latest schema. */
  url: string;
  name: string;
  /** Drops the database (terminating any connection still open to it). */
  drop(): Promise<void>;
}

/** The server that tests create their databases on (only 127.0.0.1:5432, user postgres, by default). */
export function testAdminUrl(): string {
  return (
    process.env['TEST_DATABASE_ADMIN_URL'] ??
    'postgres://postgres@127.0.0.1:5432/postgres'
  );
}

/** Creates a fresh database for one test suite, migrated through the real migrations. */
export async function createTestDatabase(
  label: string,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const name = `ow_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: testAdminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(testAdminUrl());
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  if (options.migrate !== false) {
    const ds = new DataSource(dataSourceOptions(dbUrl, { extra: { max: 2 } }));
    await ds.initialize();
    try {
      await runMigrations(ds);
    } finally {
      await ds.destroy();
    }
  }
  return {
    url: dbUrl,
    name,
    async drop() {
      const c = new Client({ connectionString: testAdminUrl() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
