import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { SQL_FUNCTION_RESULTS } from './queries/sql-results';
import { SQL_DIR, sqlDefinitions, sqlDrift, sqlFiles } from './sql-definitions';
import { createTestDatabase, TestDatabase } from '../testing/test-database';

/**
 * The current SQL files (libs/persistence/src/sql) and a database built by the migrations hold the
 * same functions and triggers, and the functions TypeScript reads return the columns it expects.
 * After a migration that changes one, `UPDATE_SQL_FILES=1 npx nx run persistence:int` writes what
 * the migrated database holds into the files (review the diff: it should be the change you meant).
 */
describe('SQL functions and triggers: the current files and the migrations agree', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('sqldefs');
    dataSource = new DataSource(
      dataSourceOptions(db.url, { extra: { max: 2 } }),
    );
    await dataSource.initialize();
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await db?.drop();
  });

  it('has one current file for each function and trigger, with the text PostgreSQL holds', async () => {
    const database = await sqlDefinitions(dataSource);
    if (process.env['UPDATE_SQL_FILES'] === '1')
      for (const [key, text] of database)
        writeFileSync(join(SQL_DIR, `${key}.sql`), text);
    const files = sqlFiles();
    expect(sqlDrift(database, files)).toEqual({
      onlyInDatabase: [],
      onlyInFiles: [],
      different: [],
    });
    // the product's functions are all there
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        'functions/issue_ticket',
        'functions/call_next',
        'functions/change_ticket',
        'functions/tickets_ahead',
        'functions/rollup_hall_days',
        'functions/outbox_facts',
        'triggers/tickets',
      ]),
    );
  });

  it('sees a function changed in the database that its file does not say', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(
        `CREATE OR REPLACE FUNCTION public.tickets_ahead_probe() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$`,
      );
      const issue = sqlFiles().get('functions/issue_ticket') as string;
      // the same function with one word more in its body
      await runner.query(issue.replace('BEGIN', 'BEGIN\n        NULL;'));
      const drift = sqlDrift(await sqlDefinitions(runner), sqlFiles());
      expect(drift.onlyInDatabase).toEqual(['functions/tickets_ahead_probe']);
      expect(drift.different).toEqual(['functions/issue_ticket']);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    // and a file the database does not hold
    const files = sqlFiles();
    files.set('functions/gone', 'CREATE FUNCTION gone() …\n');
    expect(
      sqlDrift(await sqlDefinitions(dataSource), files).onlyInFiles,
    ).toEqual(['functions/gone']);
  });

  it('returns from each function TypeScript reads exactly the columns its row type declares', async () => {
    for (const [name, declared] of Object.entries(SQL_FUNCTION_RESULTS)) {
      const columns = (await dataSource.query(
        `SELECT u.name, format_type(u.type, NULL) AS type
         FROM pg_proc p,
              unnest(p.proargnames, p.proallargtypes, p.proargmodes::text[]) WITH ORDINALITY AS u(name, type, mode, ord)
         WHERE p.proname = $1 AND p.pronamespace = 'public'::regnamespace AND u.mode = 't'
         ORDER BY u.ord`,
        [name],
      )) as { name: string; type: string }[];
      expect({ name, columns: columns.map((c) => [c.name, c.type]) }).toEqual({
        name,
        columns: Object.entries(declared),
      });
    }
  });
});
