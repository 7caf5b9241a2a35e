import { Queries } from './queries';

/** A hall's queue rules as stored (halls.priority_streak_cap, halls.normal_max_wait_minutes). */
export interface QueueRulesRow {
  priorityStreakCap: number;
  normalMaxWaitMinutes: number;
}

/**
 * A hall's own settings: its queue rules, how its windows mix the green channel with normal
 * tickets (read when a window calls next, the SQL function call_next, and for a ticket's place,
 * the SQL function tickets_ahead).
 */
export class HallQueries extends Queries {
  /**
   * The hall's queue rules, undefined for an unknown hall. `forUpdate` locks the hall's row (in a
   * transaction).
   */
  queueRules(
    hallId: string,
    forUpdate = false,
  ): Promise<QueueRulesRow | undefined> {
    return this.row<QueueRulesRow>(
      `SELECT priority_streak_cap AS "priorityStreakCap",
              normal_max_wait_minutes AS "normalMaxWaitMinutes"
       FROM halls WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [hallId],
    );
  }

  /** Sets the hall's queue rules (as given: the caller checks them). Whether the hall exists. */
  async setQueueRules(hallId: string, rules: QueueRulesRow): Promise<boolean> {
    const { count } = await this.change(
      `UPDATE halls SET priority_streak_cap = $2, normal_max_wait_minutes = $3 WHERE id = $1`,
      [hallId, rules.priorityStreakCap, rules.normalMaxWaitMinutes],
    );
    return count > 0;
  }
}
