import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  HallQueueRules,
  SetQueueRulesRequest,
} from '@onewindow/contracts';
import { HallQueries, type QueueRulesRow } from '@onewindow/persistence';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/access.decorator';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';

/**
 * The queue rules of a hall (halls.priority_streak_cap, halls.normal_max_wait_minutes): how its
 * windows mix the green channel with normal tickets. Its manager or an admin sets them; the next
 * call of a window and every ticket's place follow at once.
 */
@Injectable()
export class QueueRulesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly halls: HallQueries,
    private readonly audit: AuditService,
  ) {}

  /** The hall's queue rules; 404 for an unknown hall. */
  get(hallId: string): Promise<HallQueueRules> {
    return this.view(this.halls, hallId);
  }

  /**
   * Sets both rules (checked by SetQueueRulesDto: whole numbers within QUEUE_RULE_LIMITS), with
   * the hall's row locked; 404 for an unknown hall. Audited in the same transaction.
   */
  async set(
    actor: Actor,
    hallId: string,
    rules: SetQueueRulesRequest,
  ): Promise<HallQueueRules> {
    return this.db.transaction(async (m) => {
      const q = this.halls.on(m);
      const before = await q.queueRules(hallId, true);
      if (before === undefined) throw DomainError.notFound('Hall');
      await q.setQueueRules(hallId, {
        priorityStreakCap: rules.priorityStreakCap,
        normalMaxWaitMinutes: rules.normalMaxWaitMinutes,
      });
      const after = await this.view(q, hallId);
      await this.audit.record(m, actor, {
        action: 'hall.queue_rules',
        entityType: 'hall',
        entityId: hallId,
        hallId,
        before: toAudit(before),
        after: toAudit(after),
      });
      return after;
    });
  }

  private async view(q: HallQueries, hallId: string): Promise<HallQueueRules> {
    const rules = await q.queueRules(hallId);
    if (rules === undefined) throw DomainError.notFound('Hall');
    return { hallId, ...toAudit(rules) };
  }
}

/** What the audit log keeps of a hall's queue rules: both values. */
function toAudit(r: QueueRulesRow): QueueRulesRow {
  return {
    priorityStreakCap: r.priorityStreakCap,
    normalMaxWaitMinutes: r.normalMaxWaitMinutes,
  };
}
