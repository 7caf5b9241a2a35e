/** What runs a query: a TypeORM DataSource, EntityManager or QueryRunner. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * The base of every query class: the one place where SQL text meets the database. A query class
 * holds the reads and writes of one aggregate (tickets, hall events, figures, the region tree…);
 * services hold the rules and call it. Outside libs/persistence no code writes SQL (a lint rule in
 * eslint.config.mjs refuses `.query(` in the servers' sources).
 *
 * Injected as a provider bound to the DataSource (QueriesModule in libs/server-core); inside a
 * transaction, `on(manager)` gives the same queries bound to that transaction's connection.
 */
export abstract class Queries {
  constructor(protected readonly db: Queryable) {}

  /** The same queries run on `tx` (a transaction's EntityManager or a QueryRunner). */
  on(tx: Queryable): this {
    const Self = this.constructor as new (db: Queryable) => this;
    return new Self(tx);
  }

  /** Rows of `sql`, typed as the caller declares them. */
  protected async rows<Row>(
    sql: string,
    params: unknown[] = [],
  ): Promise<Row[]> {
    return (await this.db.query(sql, params)) as Row[];
  }

  /** The first row of `sql`, or undefined. */
  protected async row<Row>(
    sql: string,
    params: unknown[] = [],
  ): Promise<Row | undefined> {
    return ((await this.db.query(sql, params)) as Row[])[0];
  }

  /**
   * A data-changing statement: the rows it returns (RETURNING) and the number it touched.
   * TypeORM answers UPDATE/DELETE with [rows, count] and INSERT/SELECT with rows.
   */
  protected async change<Row = unknown>(
    sql: string,
    params: unknown[] = [],
  ): Promise<{ rows: Row[]; count: number }> {
    const result = (await this.db.query(sql, params)) as unknown;
    if (
      Array.isArray(result) &&
      result.length === 2 &&
      Array.isArray(result[0]) &&
      typeof result[1] === 'number'
    ) {
      return { rows: result[0] as Row[], count: result[1] };
    }
    const rows = (Array.isArray(result) ? result : []) as Row[];
    return { rows, count: rows.length };
  }
}
