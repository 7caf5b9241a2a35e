import { Queries } from './queries';

/** A catalog category as a hall sees it: `specialist` is its effective value in that hall. */
export interface HallCategoryRow {
  code: string;
  name: string;
  specialist: boolean;
}

/**
 * The catalog of categories as the halls see it: which categories are specialist in a hall (their
 * business needs staff comprehensive windows do not have) — the catalog's flag
 * (categories.specialist), or the hall's own list (halls.specialist_categories) when it has one.
 */
export class CatalogQueries extends Queries {
  /**
   * The hall's own list of specialist categories: null when the hall follows the catalog's flags,
   * undefined for an unknown hall. `forUpdate` locks the hall's row (in a transaction).
   */
  async specialistOverride(
    hallId: string,
    forUpdate = false,
  ): Promise<string[] | null | undefined> {
    const row = await this.row<{ specialist_categories: string[] | null }>(
      `SELECT specialist_categories FROM halls WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [hallId],
    );
    return row ? row.specialist_categories : undefined;
  }

  /**
   * Every catalog category in catalog order (sort_order, then code) with its effective
   * `specialist` in the hall: the catalog's flag when the hall has no list of its own, else whether
   * the hall's list names it. No rows for an unknown hall.
   */
  hallCategories(hallId: string): Promise<HallCategoryRow[]> {
    return this.rows<HallCategoryRow>(
      `SELECT c.code, c.name,
              CASE WHEN h.specialist_categories IS NULL THEN c.specialist
                   ELSE c.code = ANY (h.specialist_categories) END AS specialist
       FROM halls h CROSS JOIN categories c
       WHERE h.id = $1
       ORDER BY c.sort_order, c.code`,
      [hallId],
    );
  }

  /**
   * The effective specialist category codes of a hall, in catalog order: the categories flagged
   * specialist in the catalog, or exactly the hall's own list when it has one (codes no longer in
   * the catalog left out). Empty for an unknown hall.
   */
  async specialistCategories(hallId: string): Promise<string[]> {
    const rows = await this.hallCategories(hallId);
    return rows.filter((r) => r.specialist).map((r) => r.code);
  }

  /** The catalog's category codes, in catalog order (sort_order, then code). */
  async catalogCodes(): Promise<string[]> {
    const rows = await this.rows<{ code: string }>(
      `SELECT code FROM categories ORDER BY sort_order, code`,
    );
    return rows.map((r) => r.code);
  }

  /**
   * Sets the hall's own list of specialist categories (`codes`, stored as given), or with null
   * makes the hall follow the catalog again. Whether the hall exists.
   */
  async setSpecialistCategories(
    hallId: string,
    codes: string[] | null,
  ): Promise<boolean> {
    const { count } = await this.change(
      `UPDATE halls SET specialist_categories = $2::varchar(40)[] WHERE id = $1`,
      [hallId, codes],
    );
    return count > 0;
  }
}
