import { Injectable } from '@nestjs/common';
import type { AuditEntryView, ListResponse } from '@onewindow/contracts';
import { AuditLogEntity, AuditQueries } from '@onewindow/persistence';
import type { EntityManager } from 'typeorm';
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

export interface AuditFilter {
  hallId: string | null;
  /** first and last day, in the halls' time zone */
  from?: string;
  to?: string;
  entityType?: string;
  limit: number;
  offset: number;
}

/** Writes one audit row per configuration write, inside the caller's transaction; lists them. */
@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditQueries) {}

  /** Entries newest first. */
  async list(f: AuditFilter): Promise<ListResponse<AuditEntryView>> {
    const { rows, total } = await this.entries.page({
      ...f,
      timeZone: HALL_TIME_ZONE,
    });
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
