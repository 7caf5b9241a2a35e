import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntryView, ListResponse } from '@onewindow/contracts';
import { AuditLogEntity } from '@onewindow/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { HALL_TIME_ZONE } from '../common/service-date';
import type { Actor } from '../auth/access.decorator';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  hallId?: string | null;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit row per configuration write, inside the caller's transaction. */
interface AuditRow {
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

export interface AuditFilter {
  hallId: string | null;
  /** first and last day, in the halls' time zone */
  from?: string;
  to?: string;
  entityType?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Entries newest first. */
  async list(f: AuditFilter): Promise<ListResponse<AuditEntryView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.hallId) add('hall_id = ?', f.hallId);
    if (f.from)
      add(
        `at >= (?::date)::timestamp AT TIME ZONE '${HALL_TIME_ZONE}'`,
        f.from,
      );
    if (f.to)
      add(
        `at < (?::date + 1)::timestamp AT TIME ZONE '${HALL_TIME_ZONE}'`,
        f.to,
      );
    if (f.entityType) add('entity_type = ?', f.entityType);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.db.query(
      `SELECT count(*)::int AS total FROM audit_log ${filter}`,
      params,
    );
    const rows: AuditRow[] = await this.db.query(
      `SELECT id::text, at, actor_id, actor_name, action, entity_type, entity_id, hall_id, region_code, before, after, request_id
       FROM audit_log ${filter}
       ORDER BY at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: { id: r.actor_id, name: r.actor_name },
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        hallId: r.hall_id,
        regionCode: r.region_code,
        before: r.before,
        after: r.after,
        requestId: r.request_id,
      })),
      total,
    };
  }
  async record(
    manager: EntityManager,
    actor: Actor,
    entry: AuditEntry,
  ): Promise<void> {
    const p = actor.principal;
    await manager.insert(AuditLogEntity, {
      actorId: p.id,
      actorName: p.type === 'user' ? p.username : `device:${p.name}`,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      hallId: entry.hallId ?? null,
      regionCode: entry.regionCode ?? null,
      before: (entry.before ?? null) as object | null,
      after: (entry.after ?? null) as object | null,
      requestId: actor.requestId,
    });
  }
}
