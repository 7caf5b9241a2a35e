import { Queries } from './queries';

/** One entry of the audit log. */
export interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  hall_id: string | null;
  region_code: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

/** Which entries of the audit log a page asks for; each absent field filters nothing. */
export interface AuditPageFilter {
  hallId: string | null;
  /** first and last day, in `timeZone` */
  from?: string;
  to?: string;
  /** The IANA zone the days are read in (the halls' time zone), a parameter of the statement. */
  timeZone: string;
  entityType?: string;
  limit: number;
  offset: number;
}

/**
 * The audit log: read page by page. Entries are written by AuditService through AuditLogEntity,
 * in the transaction of the change they record.
 */
export class AuditQueries extends Queries {
  /**
   * The entries matching the filter, newest first: the total, then one page (two reads, in that
   * order).
   */
  async page(f: AuditPageFilter): Promise<{ rows: AuditRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      for (const value of values) {
        params.push(value);
        sql = sql.replace('?', `$${params.length}`);
      }
      where.push(sql);
    };
    if (f.hallId) add('hall_id = ?', f.hallId);
    if (f.from)
      add(`at >= (?::date)::timestamp AT TIME ZONE ?`, f.from, f.timeZone);
    if (f.to)
      add(`at < (?::date + 1)::timestamp AT TIME ZONE ?`, f.to, f.timeZone);
    if (f.entityType) add('entity_type = ?', f.entityType);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.rows<{ total: number }>(
      `SELECT count(*)::int AS total FROM audit_log ${filter}`,
      params,
    );
    const rows = await this.rows<AuditRow>(
      `SELECT id::text, at, actor_id, actor_name, action, entity_type, entity_id, hall_id, region_code, before, after, request_id
       FROM audit_log ${filter}
       ORDER BY at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    );
    return { rows, total };
  }
}
