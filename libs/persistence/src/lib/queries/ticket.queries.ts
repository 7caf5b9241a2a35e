import type { TicketRecord } from '@onewindow/queueing';
import { ROLLUP_RULES } from './rollup.queries';
import { Queries } from './queries';
import type {
  CallNextRow,
  ChangeTicketRow,
  IssueTicketRow,
} from './sql-results';
import type { TicketRow } from './ticket-row';

/** Columns of a ticket (without its window's label); `t` is the tickets alias. Only for query classes. */
export const TICKET_COLUMNS = `t.id, to_char(t.service_date, 'YYYY-MM-DD') AS service_date, t.hall_id, t.number, t.prefix, t.sequence,
  t.service_item_code, t.category_code, t.priority, t.channel, t.state, t.issued_at, t.queue_at, t.called_at,
  t.started_at, t.completed_at, t.cancelled_at, t.window_id, t.recall_count, t.outcome, t.rating, t.rating_reason, t.transferred_from_id`;

/**
 * The changes of one ticket's state after its issue that change_ticket() applies
 * (libs/persistence/src/sql/functions/change_ticket.sql says what each sets and which states it
 * may leave).
 */
export type TicketChange =
  | 'cancel'
  | 'cancelByHolder'
  | 'recall'
  | 'start'
  | 'noShow'
  | 'complete';

/**
 * A ticket of the history as plans read it: a fit record, plus the minutes it waited until it was
 * called, given up or closed at closing (null: unknown) and whether its holder gave up.
 */
export type HistoryTicket = TicketRecord & {
  waitMinutes: number | null;
  gaveUp: boolean;
};

/** The arguments of issue_ticket(), in its order. */
export interface IssueTicketArgs {
  hallId: string;
  serviceDate: string;
  principalKey: string;
  idempotencyKey: string | null;
  requestHash: string;
  itemCode: string;
  categoryCode: string;
  prefix: string;
  priority: string;
  channel: string;
  /** categories whose waiting tickets compete with the new one; null: every category */
  competing: string[] | null;
  id: string;
  statusTokenHash: string;
}

/** A service item as a ticket is issued for it. */
export interface IssuableItemRow {
  code: string;
  category_code: string;
  ticket_prefix: string;
  typical_handling_minutes: string;
}

/**
 * Tickets: issuing (issue_ticket), calling (call_next), the changes of state (change_ticket),
 * transfers, numbering (one path,
 * transfers included: next_ticket_sequence and ticket_number), the queue as it stands and a hall's
 * history as the planner reads it.
 */
export class TicketQueries extends Queries {
  /**
   * Issues a ticket in one statement (libs/persistence/src/sql/functions/issue_ticket.sql): key
   * check, number, ticket, key row and live event commit together. The same Idempotency-Key with
   * another body raises SQLSTATE OW409.
   */
  issue(a: IssueTicketArgs): Promise<IssueTicketRow[]> {
    return this.rows<IssueTicketRow>(
      `SELECT * FROM issue_ticket($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        a.hallId,
        a.serviceDate,
        a.principalKey,
        a.idempotencyKey,
        a.requestHash,
        a.itemCode,
        a.categoryCode,
        a.prefix,
        a.priority,
        a.channel,
        a.competing,
        a.id,
        a.statusTokenHash,
      ],
    );
  }

  /**
   * Opens the waiting ticket a transfer makes, in one statement: the next number of the prefix
   * (the one numbering path, as issue_ticket's), the row, and how many waiting tickets are ahead.
   */
  async insertTransferred(t: {
    hallId: string;
    serviceDate: string;
    itemCode: string;
    categoryCode: string;
    prefix: string;
    priority: string;
    channel: string;
    queueAt: Date | null;
    transferredFromId: string | null;
    competing: string[] | null;
  }): Promise<TicketRow & { ahead: number }> {
    const [row] = await this.rows<TicketRow & { ahead: number }>(
      `WITH next AS (SELECT next_ticket_sequence($2, $1, $3) AS n)
       INSERT INTO tickets AS t (service_date, hall_id, number, prefix, sequence, service_item_code, category_code, priority, channel,
                                 state, issued_at, queue_at, transferred_from_id)
       SELECT $1, $2, ticket_number($3, n), $3, n, $4, $5, $6, $7,
              'waiting', now(), COALESCE($8, now()), $9
       FROM next
       RETURNING ${TICKET_COLUMNS},
         tickets_ahead(t.hall_id, t.service_date, t.id, $10, CASE WHEN t.priority = 'normal' THEN 0 ELSE 1 END, t.queue_at) AS ahead`,
      [
        t.serviceDate,
        t.hallId,
        t.prefix,
        t.itemCode,
        t.categoryCode,
        t.priority,
        t.channel,
        t.queueAt,
        t.transferredFromId,
        t.competing,
      ],
    );
    return row;
  }

  /** Creates the ticket partitions of `day`'s month if they are missing. */
  async ensurePartitions(day: string): Promise<void> {
    await this.db.query(`SELECT ensure_ticket_partitions($1::date, $1::date)`, [
      day,
    ]);
  }

  /** A ticket with its window's label; undefined when unknown. */
  find(id: string, serviceDate?: string): Promise<TicketRow | undefined> {
    return this.row<TicketRow>(
      `SELECT ${TICKET_COLUMNS}, w.label AS window_label FROM tickets t LEFT JOIN windows w ON w.id = t.window_id
       WHERE t.id = $1 ${serviceDate ? 'AND t.service_date = $2' : ''}`,
      serviceDate ? [id, serviceDate] : [id],
    );
  }

  /** A ticket with its window's label, locked for a change (in a transaction). */
  lock(id: string): Promise<TicketRow | undefined> {
    return this.row<TicketRow>(
      `SELECT ${TICKET_COLUMNS}, w.label AS window_label FROM tickets t LEFT JOIN windows w ON w.id = t.window_id
       WHERE t.id = $1 FOR UPDATE OF t`,
      [id],
    );
  }

  /**
   * Closes up to `limit` tickets still waiting after their hall's closing time on their service
   * day (the hall's opening_hours.close in its own time zone) as `expired`, expired_at that
   * closing time. A ticket issued after the closing time (the hall served on late) is closed at
   * the end of its service day instead. Tickets locked by a change in flight are left for the next
   * round. Oldest days first. Returns the tickets as they now are.
   */
  async expireDue(limit: number): Promise<TicketRow[]> {
    const { rows } = await this.change<TicketRow>(
      `WITH due AS (
         SELECT t.id, t.service_date, c.closes_at
         FROM tickets t JOIN halls h ON h.id = t.hall_id
         CROSS JOIN LATERAL (
           SELECT (t.service_date + (h.opening_hours->>'close')::time) AT TIME ZONE h.timezone AS day_close) d
         CROSS JOIN LATERAL (
           SELECT CASE WHEN t.issued_at < d.day_close THEN d.day_close
                       ELSE (t.service_date + 1)::timestamp AT TIME ZONE h.timezone END AS closes_at) c
         WHERE t.state = 'waiting' AND c.closes_at <= now()
         ORDER BY t.service_date, t.hall_id, t.queue_at
         LIMIT $1
         FOR UPDATE OF t SKIP LOCKED
       )
       UPDATE tickets t SET state = 'expired', expired_at = due.closes_at
       FROM due WHERE t.id = due.id AND t.service_date = due.service_date AND t.state = 'waiting'
       RETURNING ${TICKET_COLUMNS}`,
      [limit],
    );
    return rows;
  }

  /** A ticket locked for its rating, with the minutes since its completion. */
  lockForRating(
    id: string,
  ): Promise<(TicketRow & { completed_ago: number | null }) | undefined> {
    return this.row<TicketRow & { completed_ago: number | null }>(
      `SELECT ${TICKET_COLUMNS}, w.label AS window_label,
              extract(epoch FROM now() - t.completed_at) / 60 AS completed_ago
       FROM tickets t LEFT JOIN windows w ON w.id = t.window_id
       WHERE t.id = $1 FOR UPDATE OF t`,
      [id],
    );
  }

  /** A ticket's hall and service day (neither ever changes); undefined when unknown. */
  placeOf(
    id: string,
  ): Promise<{ hall_id: string; service_date: string } | undefined> {
    return this.row<{ hall_id: string; service_date: string }>(
      `SELECT hall_id, to_char(service_date, 'YYYY-MM-DD') AS service_date FROM tickets WHERE id = $1`,
      [id],
    );
  }

  /**
   * Changes one ticket's state in one statement (libs/persistence/src/sql/functions/
   * change_ticket.sql): the ticket's lock, the check of its state, the change and its event commit
   * together, so the hall's event counter row is locked for one round trip. An unknown ticket
   * raises SQLSTATE OW404, a state the change may not leave OW409. The ticket as it is after it,
   * with its window's label.
   */
  async changeTicket(
    id: string,
    serviceDate: string,
    change: TicketChange,
    outcome: string | null = null,
    rating: number | null = null,
  ): Promise<ChangeTicketRow> {
    const [row] = await this.rows<ChangeTicketRow>(
      `SELECT * FROM change_ticket($1, $2, $3, $4, $5)`,
      [id, serviceDate, change, outcome, rating],
    );
    return row;
  }

  /** Stores a rating pad's rating of the ticket. */
  async rate(
    id: string,
    serviceDate: string,
    rating: number,
    reason: string | null,
  ): Promise<TicketRow> {
    const { rows } = await this.change<TicketRow>(
      `UPDATE tickets t SET rating = $3, rating_reason = $4, rated_at = now()
       WHERE id = $1 AND service_date = $2 RETURNING ${TICKET_COLUMNS}`,
      [id, serviceDate, rating, reason],
    );
    return rows[0];
  }

  /** Ends a served ticket as transferred. */
  async markTransferred(id: string, serviceDate: string): Promise<TicketRow> {
    const { rows } = await this.change<TicketRow>(
      `UPDATE tickets t SET state = 'transferred', completed_at = now() WHERE id = $1 AND service_date = $2 RETURNING ${TICKET_COLUMNS}`,
      [id, serviceDate],
    );
    return rows[0];
  }

  /**
   * Calls the next ticket to a window in one statement (libs/persistence/src/sql/functions/
   * call_next.sql): the window's lock, the green channel's choice among the tickets it may serve
   * (locked with SKIP LOCKED), its priority streak, the call and the ticket.called event commit
   * together. Undefined when nothing waits that the window may serve. An unknown window raises
   * SQLSTATE OW404; a window not open, or still holding a ticket, OW409.
   */
  async callNext(
    hallId: string,
    serviceDate: string,
    windowId: string,
  ): Promise<CallNextRow | undefined> {
    const [row] = await this.rows<CallNextRow>(
      `SELECT * FROM call_next($1, $2, $3)`,
      [hallId, windowId, serviceDate],
    );
    return row;
  }

  /** The number of the ticket a window holds (called or serving), if any. */
  async heldNumber(
    hallId: string,
    serviceDate: string,
    windowId: string,
  ): Promise<string | undefined> {
    const held = await this.row<{ number: string }>(
      `SELECT number FROM tickets WHERE hall_id = $1 AND service_date = $2 AND window_id = $3 AND state IN ('called', 'serving') LIMIT 1`,
      [hallId, serviceDate, windowId],
    );
    return held?.number;
  }

  /** The ticket a window holds (called or serving), if any. */
  held(
    hallId: string,
    serviceDate: string,
    windowId: string,
  ): Promise<TicketRow | undefined> {
    return this.row<TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM tickets t
       WHERE t.hall_id = $1 AND t.service_date = $2 AND t.window_id = $3 AND t.state IN ('called', 'serving')`,
      [hallId, serviceDate, windowId],
    );
  }

  /** The province-wide catalog as tickets are issued from it (a hundred-odd rows). */
  issuableItems(): Promise<IssuableItemRow[]> {
    return this.rows<IssuableItemRow>(
      `SELECT i.code, i.category_code, c.ticket_prefix, i.typical_handling_minutes
       FROM service_items i JOIN categories c ON c.code = i.category_code`,
    );
  }

  /**
   * A hall's tickets of a span of service days as the planner's fit reads them (`fitHistory`,
   * `fitPatience`): the local day and minute of issue in the hall's own time zone, the category,
   * the handling minutes (started → completed), whether the ticket ended as a no-show, and the
   * minutes it waited from issue until it was called, given up (the holder's cancel later than
   * ROLLUP_RULES.abandonAfter: gaveUp) or closed at the hall's closing time (expired) — null for a
   * transfer's follow-up and a ticket still waiting. People who gave up and were left waiting
   * arrived, so they are arrivals; corrections (cancels within that time, and staff's) are left out
   * (docs/figures.md). The one read behind plans (worker) and the demand fit (API).
   */
  async history(
    hallId: string,
    from: string,
    to: string,
  ): Promise<HistoryTicket[]> {
    const rows = (await this.db.query(
      `SELECT to_char(t.service_date, 'YYYY-MM-DD') AS d,
              extract(epoch FROM (t.issued_at AT TIME ZONE h.timezone)::time)::float / 60 AS m,
              t.category_code AS c,
              CASE WHEN t.started_at IS NOT NULL AND t.completed_at IS NOT NULL
                   THEN extract(epoch FROM t.completed_at - t.started_at)::float / 60 END AS s,
              t.state = 'no_show' AS ns,
              CASE WHEN t.transferred_from_id IS NOT NULL THEN NULL
                   ELSE extract(epoch FROM COALESCE(t.called_at, t.cancelled_at, t.expired_at) - t.issued_at)::float / 60
              END AS w,
              t.state = 'cancelled' AS g
       FROM tickets t JOIN halls h ON h.id = t.hall_id
       WHERE t.hall_id = $1 AND t.service_date BETWEEN $2 AND $3
         AND (t.state <> 'cancelled'
              OR (t.cancelled_by IS DISTINCT FROM 'staff' AND t.cancelled_at - t.issued_at > $4::interval))`,
      [hallId, from, to, ROLLUP_RULES.abandonAfter],
    )) as {
      d: string;
      m: number;
      c: string;
      s: number | null;
      ns: boolean;
      w: number | null;
      g: boolean;
    }[];
    return rows.map((r) => ({
      date: r.d,
      minuteOfDay: r.m,
      categoryCode: r.c,
      serviceMinutes: r.s,
      noShow: r.ns,
      waitMinutes: r.w === null ? null : Math.max(0, r.w),
      gaveUp: r.g,
    }));
  }
}
