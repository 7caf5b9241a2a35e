import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MIGRATIONS } from '@onewindow/migrations';
import { DataSource, EntityMetadata, QueryRunner } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { runMigrations } from './migrate';
import { createTestDatabase, TestDatabase } from '../testing/test-database';

/**
 * Entities and migrations must describe the same schema. On a database built by the migrations
 * alone:
 * 1. TypeORM's schema builder (what `migration:generate` runs) must find nothing to change;
 * 2. what that diff compares by name only must agree too: CHECK expressions, index columns
 *    (in order), partial-index predicates, and the names of primary-key and single-column unique
 *    constraints. PostgreSQL normalises both sides: the entity's version is created under a probe
 *    name inside a transaction that is rolled back, and the two definitions are compared.
 *
 * The monthly partitions of tickets (tickets_yYYYYmMM) are tables without entities; the schema
 * builder loads only the tables of entities, so they need no special treatment here.
 */
describe('schema drift between entities and migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let appliedOnFreshDatabase: string[];

  beforeAll(async () => {
    // migrate: false, so that this suite sees exactly what runMigrations applies to an empty database
    db = await createTestDatabase('drift', { migrate: false });
    dataSource = new DataSource(
      dataSourceOptions(db.url, { extra: { max: 2 } }),
    );
    await dataSource.initialize();
    appliedOnFreshDatabase = await runMigrations(dataSource);
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await db?.drop();
  });

  it('applies exactly the MIGRATIONS list, in order, to an empty database', () => {
    expect(appliedOnFreshDatabase).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('applies nothing the second time', async () => {
    await expect(runMigrations(dataSource)).resolves.toEqual([]);
  });

  it('leaves TypeORM nothing to generate: the entities match the migrated schema', async () => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    const pending = sql.upQueries.map((q) => q.query);
    if (pending.length > 0) {
      throw new Error(
        `Entities and migrations disagree; TypeORM would run:\n${pending.map((q) => `  ${q};`).join('\n')}\n` +
          'Fix the entity, or add a migration under migrations/ that brings the schema to the entities.',
      );
    }
    expect(pending).toEqual([]);
  });

  it('agrees on what the TypeORM diff compares by name only (checks, index definitions, constraint names)', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const mismatches: string[] = [];
    try {
      for (const meta of dataSource.entityMetadatas) {
        mismatches.push(...(await compareNames(runner, meta)));
        mismatches.push(...(await compareChecks(runner, meta)));
        mismatches.push(...(await compareIndices(runner, meta)));
      }
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    if (mismatches.length > 0) {
      throw new Error(
        `Entities and migrations disagree:\n${mismatches.map((m) => `  ${m}`).join('\n')}`,
      );
    }
    expect(mismatches).toEqual([]);
  });
});

const PROBE = 'zz_drift_probe';

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Every constraint and index name of the table, against every name the entity declares. */
async function compareNames(
  runner: QueryRunner,
  meta: EntityMetadata,
): Promise<string[]> {
  const rows: Array<{ name: string }> = await runner.query(
    `SELECT conname AS name FROM pg_constraint WHERE conrelid = $1::regclass
     UNION
     SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = $1::regclass`,
    [quoted(meta.tableName)],
  );
  const inDatabase = rows.map((r) => r.name).sort();
  const pkName =
    meta.primaryColumns[0]?.primaryKeyConstraintName ??
    meta.connection.namingStrategy.primaryKeyName(
      meta.tableName,
      meta.primaryColumns.map((c) => c.databaseName),
    );
  const inEntity = [
    pkName,
    ...meta.uniques.map((u) => u.name),
    ...meta.checks.map((c) => c.name),
    ...meta.foreignKeys.map((f) => f.name),
    ...meta.indices.map((i) => i.name),
  ];
  const declared = [...new Set(inEntity)].sort();
  if (JSON.stringify(inDatabase) === JSON.stringify(declared)) return [];
  return [
    `${meta.tableName}: constraint/index names differ; ` +
      `only in the database: [${inDatabase.filter((n) => !declared.includes(n)).join(', ')}], ` +
      `only in the entity: [${declared.filter((n) => !inDatabase.includes(n)).join(', ')}]`,
  ];
}

async function constraintDef(
  runner: QueryRunner,
  table: string,
  name: string,
): Promise<string | null> {
  const rows: Array<{ def: string }> = await runner.query(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND conname = $2`,
    [quoted(table), name],
  );
  return rows[0]?.def ?? null;
}

/** CHECK expressions: the entity's expression, added under a probe name, must read back the same. */
async function compareChecks(
  runner: QueryRunner,
  meta: EntityMetadata,
): Promise<string[]> {
  const out: string[] = [];
  for (const check of meta.checks) {
    const actual = await constraintDef(runner, meta.tableName, check.name);
    if (actual === null) continue; // reported by compareNames
    await runner.query(
      `ALTER TABLE ${quoted(meta.tableName)} ADD CONSTRAINT ${PROBE} CHECK (${check.expression})`,
    );
    const expected = await constraintDef(runner, meta.tableName, PROBE);
    await runner.query(
      `ALTER TABLE ${quoted(meta.tableName)} DROP CONSTRAINT ${PROBE}`,
    );
    if (actual !== expected)
      out.push(
        `${meta.tableName}.${check.name}: database ${actual}, entity ${expected}`,
      );
  }
  return out;
}

async function indexDef(
  runner: QueryRunner,
  name: string,
): Promise<string | null> {
  const rows: Array<{ def: string }> = await runner.query(
    `SELECT pg_get_indexdef(c.oid) AS def FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('i', 'I') AND c.relname = $1 AND n.nspname = current_schema()`,
    [name],
  );
  return rows[0]?.def ?? null;
}

/** Indices: uniqueness, column order and partial predicate, as PostgreSQL prints them. */
async function compareIndices(
  runner: QueryRunner,
  meta: EntityMetadata,
): Promise<string[]> {
  const out: string[] = [];
  for (const index of meta.indices) {
    const actual = await indexDef(runner, index.name);
    if (actual === null) continue; // reported by compareNames
    const columns = index.columns.map((c) => quoted(c.databaseName)).join(', ');
    await runner.query(
      `CREATE ${index.isUnique ? 'UNIQUE ' : ''}INDEX ${PROBE} ON ${quoted(meta.tableName)} (${columns})` +
        (index.where ? ` WHERE ${index.where}` : ''),
    );
    const expected =
      (await indexDef(runner, PROBE))?.replace(PROBE, quoted(index.name)) ??
      null;
    await runner.query(`DROP INDEX ${PROBE}`);
    // pg_get_indexdef quotes a name only when it needs quotes; compare without quotes on the name
    const unquote = (def: string | null) =>
      def?.replace(/INDEX "?([A-Za-z0-9_]+)"? ON/, 'INDEX $1 ON') ?? null;
    if (unquote(actual) !== unquote(expected)) {
      out.push(
        `${meta.tableName}.${index.name}: database ${actual}, entity ${expected}`,
      );
    }
  }
  return out;
}
