import {
  ABANDON_AFTER_MINUTES,
  ONLINE_CHANNELS,
  WINDOW_CLERK_ROLES,
} from '@onewindow/contracts';
import { Queries } from './queries';

/**
 * The product's rules a rollup counts by, passed to rollup_hall_days() from their one definition
 * in libs/contracts: which handling channels are online, which staff roles staff a window.
 */
export const ROLLUP_RULES = {
  onlineChannels: ONLINE_CHANNELS,
  clerkRoles: WINDOW_CLERK_ROLES,
  /** a holder's cancel later than this after issue is an abandonment (a PostgreSQL interval) */
  abandonAfter: `${ABANDON_AFTER_MINUTES} minutes`,
} as const;

/** An outbox row asking for a hall's day to be rolled up. */
export interface OutboxRollupRow {
  /** the row's id (bigint, as text) */
  id: string;
  hall_id: string;
  /** the service day, YYYY-MM-DD */
  date: string;
}

/**
 * The rollup pipeline: the outbox rows that ask for rollups (claimed and deleted by the drainer,
 * added by the nightly job), the rollup runs themselves (rollup_hall_days) and the monthly ticket
 * partitions the facts are written into (ensure_ticket_partitions).
 */
export class RollupQueries extends Queries {
  /**
   * Claims the oldest rollup rows of the outbox, at most `limit`, locked for the caller's
   * transaction (FOR UPDATE SKIP LOCKED: several workers share the work). The worker runs it inside
   * a transaction; outside one (the CLI's `rollup`) it just reads them.
   */
  claimOutbox(limit: number): Promise<OutboxRollupRow[]> {
    return this.rows<OutboxRollupRow>(
      `SELECT id::text, hall_id, payload->>'date' AS date FROM outbox
         WHERE topic = 'rollup' AND hall_id IS NOT NULL
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  /** Deletes outbox rows by id (the ones handed over). */
  async deleteOutbox(ids: string[]): Promise<void> {
    await this.db.query(`DELETE FROM outbox WHERE id = ANY($1::bigint[])`, [
      ids,
    ]);
  }

  /**
   * Puts every hall's yesterday (in the hall's own time zone) into the outbox as a nightly rollup;
   * the number of halls.
   */
  async queueYesterdays(): Promise<number> {
    const rows = await this.rows<{ id: string }>(
      `INSERT INTO outbox (topic, hall_id, payload)
           SELECT 'rollup', id, jsonb_build_object('date', ((now() AT TIME ZONE timezone)::date - 1), 'source', 'nightly')
           FROM halls RETURNING id`,
    );
    return rows.length;
  }

  /**
   * Re-derives some days of one hall from the raw facts, in one transaction
   * (libs/persistence/src/sql/functions/rollup_hall_days.sql).
   */
  async rollupHallDays(hallId: string, dates: string[]): Promise<void> {
    await this.db.query(
      `SELECT rollup_hall_days($1::uuid, $2::date[], $3::text[], $4::text[], $5::interval)`,
      [
        hallId,
        dates,
        ROLLUP_RULES.onlineChannels,
        ROLLUP_RULES.clerkRoles,
        ROLLUP_RULES.abandonAfter,
      ],
    );
  }

  /**
   * Makes sure the monthly ticket partitions of the days from → to exist (each creation commits
   * on its own; a concurrent creation of the same partition fails with 42P07).
   */
  async ensureTicketPartitions(from: string, to: string): Promise<void> {
    await this.db.query(`SELECT ensure_ticket_partitions($1::date, $2::date)`, [
      from,
      to,
    ]);
  }

  /**
   * Makes sure the monthly ticket partitions exist from this month to `monthsAhead` months from
   * now; how many it created.
   */
  async ensureTicketPartitionsAhead(monthsAhead: number): Promise<number> {
    const [row] = await this.rows<{ created: number }>(
      `SELECT ensure_ticket_partitions(date_trunc('month', now())::date, (now() + make_interval(months => $1))::date) AS created`,
      [monthsAhead],
    );
    return row.created;
  }
}
