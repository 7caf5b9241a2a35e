import { Injectable } from '@nestjs/common';
import { AuditLogEntity } from '@onewindow/persistence';
import type { EntityManager } from 'typeorm';
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
@Injectable()
export class AuditService {
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
