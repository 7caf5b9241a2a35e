import type { StaffRole } from '@onewindow/contracts';
import { Queries } from './queries';

/** One recorded move of a staff member, as the position rules read it (see `moves`). */
export interface StaffMoveRow {
  effectiveDate: string;
  fromRole: string;
  fromPlace: string | null;
  toRole: string;
  toPlace: string | null;
}

/** A hall's move with the mover's name, as the list shows it. */
export interface ReassignmentRow {
  id: string;
  staff_id: string;
  staff_name: string;
  from_role: StaffRole;
  from_place: string | null;
  to_role: StaffRole;
  to_place: string | null;
  effective_date: string;
  reason: string | null;
}

/** How many moves went from one role to another. */
export interface RoleMoveRow {
  fromRole: string;
  toRole: string;
  count: number;
}

/** Which of a hall's moves a list asks for: an optional span of effective dates. */
export interface ReassignmentSpan {
  hallId: string;
  /** first effective date, or null for no lower bound */
  from: string | null;
  /** last effective date, or null for no upper bound */
  to: string | null;
}

const VIEW_COLUMNS = `r.id, r.staff_id, s.name AS staff_name, r.from_role, r.from_place, r.to_role, r.to_place,
  to_char(r.effective_date, 'YYYY-MM-DD') AS effective_date, r.reason`;

/** The moves of a hall within a ReassignmentSpan ($1 hall, $2 from, $3 to); `r` is reassignments. */
const SPAN_WHERE = `r.hall_id = $1 AND ($2::date IS NULL OR r.effective_date >= $2::date)
      AND ($3::date IS NULL OR r.effective_date <= $3::date)`;

/**
 * Staff and their reassignments (moves between roles and places): one person's moves in the
 * order they were made, a hall's moves page by page, and moves counted per (from role, to role)
 * for a hall or a set of regions. The order rules of moves live in ReassignmentsService.
 */
export class StaffQueries extends Queries {
  /** Every move of one staff member, in the order they were made (effective date, then record). */
  moves(staffId: string): Promise<StaffMoveRow[]> {
    return this.rows<StaffMoveRow>(
      `SELECT to_char(effective_date, 'YYYY-MM-DD') AS "effectiveDate", from_role AS "fromRole",
                from_place AS "fromPlace", to_role AS "toRole", to_place AS "toPlace"
         FROM reassignments WHERE staff_id = $1 ORDER BY effective_date, created_at, id`,
      [staffId],
    );
  }

  /** One page of a hall's moves within the span, newest first. */
  reassignments(
    span: ReassignmentSpan,
    limit: number,
    offset: number,
  ): Promise<ReassignmentRow[]> {
    return this.rows<ReassignmentRow>(
      `SELECT ${VIEW_COLUMNS} FROM reassignments r JOIN staff s ON s.id = r.staff_id
         WHERE ${SPAN_WHERE}
         ORDER BY r.effective_date DESC, r.created_at DESC, r.id DESC LIMIT $4 OFFSET $5`,
      [span.hallId, span.from, span.to, limit, offset],
    );
  }

  /** How many of a hall's moves fall within the span. */
  async reassignmentCount(span: ReassignmentSpan): Promise<number> {
    const [{ total }] = await this.rows<{ total: number }>(
      `SELECT count(*)::int AS total FROM reassignments r WHERE ${SPAN_WHERE}`,
      [span.hallId, span.from, span.to],
    );
    return total;
  }

  /** Moves per (from role, to role) of one hall with an effective date in [from, to]. */
  hallFlows(hallId: string, from: string, to: string): Promise<RoleMoveRow[]> {
    return this.rows<RoleMoveRow>(
      `SELECT from_role AS "fromRole", to_role AS "toRole", count(*)::int AS count
       FROM reassignments WHERE hall_id = $1 AND effective_date BETWEEN $2 AND $3
       GROUP BY from_role, to_role`,
      [hallId, from, to],
    );
  }

  /**
   * Moves per (from role, to role) over every hall of the given regions with an effective date in
   * [from, to] (one row per pair, summed over the halls).
   */
  regionFlows(
    regionCodes: string[],
    from: string,
    to: string,
  ): Promise<RoleMoveRow[]> {
    return this.rows<RoleMoveRow>(
      `SELECT r.from_role AS "fromRole", r.to_role AS "toRole", count(*)::int AS count
       FROM reassignments r JOIN halls h ON h.id = r.hall_id
       WHERE h.region_code = ANY($1) AND r.effective_date BETWEEN $2 AND $3
       GROUP BY r.from_role, r.to_role`,
      [regionCodes, from, to],
    );
  }
}
