import type { TicketRecord } from '@onewindow/queueing';

/** What runs a query: a TypeORM DataSource, EntityManager or QueryRunner. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * A hall's tickets of a span of service days as the planner's fit reads them (`fitHistory`): the
 * local day and minute of issue in the hall's own time zone, the category, the handling minutes
 * (started → completed) and whether the ticket ended as a no-show. Cancelled tickets are left
 * out. The one read behind plans (worker) and the demand fit (API).
 */
export async function readTicketHistory(
  db: Queryable,
  hallId: string,
  from: string,
  to: string,
): Promise<TicketRecord[]> {
  const rows = (await db.query(
    `SELECT to_char(t.service_date, 'YYYY-MM-DD') AS d,
            extract(epoch FROM (t.issued_at AT TIME ZONE h.timezone)::time)::float / 60 AS m,
            t.category_code AS c,
            CASE WHEN t.started_at IS NOT NULL AND t.completed_at IS NOT NULL
                 THEN extract(epoch FROM t.completed_at - t.started_at)::float / 60 END AS s,
            t.state = 'no_show' AS ns
     FROM tickets t JOIN halls h ON h.id = t.hall_id
     WHERE t.hall_id = $1 AND t.service_date BETWEEN $2 AND $3 AND t.state <> 'cancelled'`,
    [hallId, from, to],
  )) as { d: string; m: number; c: string; s: number | null; ns: boolean }[];
  return rows.map((r) => ({
    date: r.d,
    minuteOfDay: r.m,
    categoryCode: r.c,
    serviceMinutes: r.s,
    noShow: r.ns,
  }));
}
