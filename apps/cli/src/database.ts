import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '@onewindow/persistence';

/** Creates the database of the URL if it does not exist yet (connecting to `postgres` on the same server). */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const probe = new Client({ connectionString: databaseUrl });
  try {
    await probe.connect();
    await probe.end();
    return false;
  } catch (e) {
    if ((e as { code?: string }).code !== '3D000') throw e;
  }
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  return true;
}

/** Runs the pending migrations; returns the names applied. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const ds = new DataSource(
    dataSourceOptions(databaseUrl, {
      extra: { max: 2, application_name: 'onewindow-cli' },
    }),
  );
  await ds.initialize();
  try {
    return await runMigrations(ds);
  } finally {
    await ds.destroy();
  }
}
