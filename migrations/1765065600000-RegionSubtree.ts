import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One definition of a region's subtree (the region and every region below it), for the scope
 * checks, the target actuals, the trends and the ranking, which each wrote their own recursive CTE.
 * Current text: libs/persistence/src/sql/functions/region_subtree.sql.
 */
export class RegionSubtree1765065600000 implements MigrationInterface {
  name = 'RegionSubtree1765065600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION region_subtree(p_root varchar) RETURNS TABLE (code varchar)
      LANGUAGE sql STABLE AS $$
        WITH RECURSIVE sub AS (
          SELECT r.code FROM regions r WHERE r.code = p_root
          UNION ALL
          SELECT r.code FROM regions r JOIN sub ON r.parent_code = sub.code
        ) SELECT sub.code FROM sub
      $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION region_subtree(varchar)`);
  }
}
