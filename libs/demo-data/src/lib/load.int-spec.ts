import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import bcrypt from 'bcryptjs';
import { Client } from 'pg';
import {
  createTestDatabase,
  TestDatabase,
} from '@onewindow/persistence/testing';
import { demoChecks } from './checks';
import { hallId } from './ids';
import { DemoDataPresentError, LoadSummary, loadDemo } from './load';
import { DEMO_PASSWORD } from './users';

describe('loadDemo (small profile) into a migrated database', () => {
  let db: TestDatabase;
  let client: Client;
  let summary: LoadSummary;
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await client.query<{ n: string }>(sql, params)).rows[0].n);

  beforeAll(async () => {
    db = await createTestDatabase('demo_load');
    summary = await loadDemo(db.url, { profile: 'small' });
    client = new Client({ connectionString: db.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('loads every table, and the row counts match what the loader reports', async () => {
    expect(summary.profile).toBe('small');
    for (const t of summary.tables) {
      expect({
        table: t.table,
        rows: await count(`SELECT count(*) AS n FROM "${t.table}"`),
      }).toEqual({ table: t.table, rows: t.rows });
    }
    expect(await count('SELECT count(*) AS n FROM halls')).toBe(11);
    expect(
      await count('SELECT count(*) AS n FROM categories'),
    ).toBeGreaterThanOrEqual(8);
    expect(
      await count('SELECT count(*) AS n FROM service_items'),
    ).toBeGreaterThanOrEqual(80);
    expect(await count('SELECT count(*) AS n FROM users')).toBe(6);
    expect(summary.tickets).toBeGreaterThan(10_000);
  });

  it('marks vehicles and licences and real estate specialist in the catalog, and every hall follows it', async () => {
    const specialist = await client.query<{ code: string }>(
      'SELECT code FROM categories WHERE specialist ORDER BY code',
    );
    expect(specialist.rows.map((r) => r.code)).toEqual([
      'police_vehicles',
      'real_estate',
    ]);
    expect(
      await count(
        'SELECT count(*) AS n FROM halls WHERE specialist_categories IS NOT NULL',
      ),
    ).toBe(0);
  });

  it('puts the small profile tickets in two weeks of Fuyang, local dates in Asia/Shanghai', async () => {
    const r = await client.query<{
      halls: string[];
      first: string;
      last: string;
      bad_date: string;
    }>(
      `SELECT array_agg(DISTINCT hall_id::text) AS halls, min(service_date)::text AS first, max(service_date)::text AS last,
              count(*) FILTER (WHERE (issued_at AT TIME ZONE 'Asia/Shanghai')::date <> service_date)::text AS bad_date
         FROM tickets`,
    );
    expect(r.rows[0]).toEqual({
      halls: [hallId('fuyang')],
      first: '2020-08-17',
      last: '2020-08-28',
      bad_date: '0',
    });
    expect(
      await count(
        `SELECT count(*) AS n FROM tickets WHERE window_id IS NOT NULL AND window_id NOT IN (SELECT id FROM windows)`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM tickets t JOIN windows w ON w.id = t.window_id WHERE NOT (w.opened_on <= t.service_date AND (w.retired_on IS NULL OR w.retired_on > t.service_date))`,
      ),
    ).toBe(0);
  });

  it('passes the facts checks (window counts, online rates, opening hours, counters)', async () => {
    const checks = await demoChecks(db.url);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.length).toBeGreaterThanOrEqual(12);
  });

  it('stores bcrypt hashes of the demo password', async () => {
    const r = await client.query<{ password_hash: string }>(
      `SELECT password_hash FROM users WHERE username = 'admin'`,
    );
    expect(bcrypt.compareSync(DEMO_PASSWORD, r.rows[0].password_hash)).toBe(
      true,
    );
  });

  it('refuses to load into a database that has halls, and replaces the demo tables with force', async () => {
    await expect(loadDemo(db.url, { profile: 'small' })).rejects.toBeInstanceOf(
      DemoDataPresentError,
    );
    const again = await loadDemo(db.url, {
      profile: 'small',
      force: true,
      analyze: false,
    });
    expect(again.totalRows).toBe(summary.totalRows);
    expect(await count('SELECT count(*) AS n FROM tickets')).toBe(
      summary.tickets,
    );
    // the constraints dropped for the COPY are back
    expect(
      await count(
        `SELECT count(*) AS n FROM pg_constraint WHERE conrelid = 'handling_records'::regclass`,
      ),
    ).toBeGreaterThanOrEqual(4);
    expect(
      await count(
        `SELECT count(*) AS n FROM pg_indexes WHERE tablename = 'handling_records'`,
      ),
    ).toBe(2);
  });
});
