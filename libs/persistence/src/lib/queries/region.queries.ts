import { Queries } from './queries';

/** A hall of a region's subtree with the part of the region it lies in (see `hallsByChild`). */
export interface HallOfRegionPart {
  id: string;
  name: string;
  /** The child region whose subtree holds the hall; null for a hall directly in the region. */
  child: string | null;
  child_name: string | null;
}

/** A region's code and name. */
export interface RegionName {
  code: string;
  name: string;
}

/**
 * The region tree: a region's subtree (always through region_subtree()), its ancestors
 * (region_and_ancestors()), its children and the halls in it. The one place that answers
 * "which regions and halls lie under region X".
 */
export class RegionQueries extends Queries {
  /** Whether a region of that code exists. */
  async exists(code: string): Promise<boolean> {
    const rows = await this.rows(`SELECT 1 FROM regions WHERE code = $1`, [
      code,
    ]);
    return rows.length > 0;
  }

  /** A region's name; undefined for an unknown code. */
  async name(code: string): Promise<string | undefined> {
    const row = await this.row<{ name: string }>(
      `SELECT name FROM regions WHERE code = $1`,
      [code],
    );
    return row?.name;
  }

  /** The regions directly below a region, by code. */
  children(code: string): Promise<RegionName[]> {
    return this.rows<RegionName>(
      `SELECT code, name FROM regions WHERE parent_code = $1 ORDER BY code`,
      [code],
    );
  }

  /** The region codes of a subtree (root included). */
  async subtree(root: string): Promise<string[]> {
    const rows = await this.rows<{ code: string }>(
      `SELECT code FROM region_subtree($1)`,
      [root],
    );
    return rows.map((r) => r.code);
  }

  /** True when `root` is `code` itself or one of its ancestors (region_and_ancestors). */
  async hasAncestor(code: string, root: string): Promise<boolean> {
    const rows = await this.rows(
      `SELECT 1 FROM region_and_ancestors($1) WHERE code = $2 LIMIT 1`,
      [code, root],
    );
    return rows.length > 0;
  }

  /** The region a hall lies in; undefined for an unknown hall. */
  async regionOfHall(hallId: string): Promise<string | undefined> {
    const row = await this.row<{ region_code: string }>(
      'SELECT region_code FROM halls WHERE id = $1',
      [hallId],
    );
    return row?.region_code;
  }

  /** The ids of every hall of a region's subtree. */
  async hallsInSubtree(code: string): Promise<string[]> {
    const rows = await this.rows<{ id: string }>(
      `SELECT h.id FROM halls h JOIN region_subtree($1) sub ON h.region_code = sub.code`,
      [code],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Every hall of a region's subtree with its part of the region: the child region whose subtree
   * holds it, or none for a hall directly in the region. By hall name.
   */
  hallsByChild(code: string): Promise<HallOfRegionPart[]> {
    return this.rows<HallOfRegionPart>(
      `WITH sub AS (
         SELECT d.code, c.code AS top
         FROM regions c CROSS JOIN LATERAL region_subtree(c.code) d WHERE c.parent_code = $1
       )
       SELECT h.id, h.name, s.top AS child, c.name AS child_name
       FROM halls h LEFT JOIN sub s ON s.code = h.region_code LEFT JOIN regions c ON c.code = s.top
       WHERE h.region_code = $1 OR s.code IS NOT NULL
       ORDER BY h.name`,
      [code],
    );
  }
}
