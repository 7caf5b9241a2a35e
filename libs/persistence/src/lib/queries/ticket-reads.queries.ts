import { Queries } from './queries';
import { TICKET_COLUMNS } from './ticket.queries';
import type { TicketRow } from './ticket-row';

/** A ticket with what the citizen's page shows: its hall's and item's names, its successor. */
export interface PublicTicketRow extends TicketRow {
  hall_name: string;
  item_name: string;
  /** the ticket a transfer opened from this one */
  successor_id: string | null;
}

const SELECT_PUBLIC = `
  SELECT ${TICKET_COLUMNS}, w.label AS window_label, h.name AS hall_name, i.name AS item_name,
         CASE WHEN t.state = 'transferred' THEN
           (SELECT s.id FROM tickets s
            WHERE s.hall_id = t.hall_id AND s.service_date = t.service_date AND s.transferred_from_id = t.id
            LIMIT 1)
         END AS successor_id
  FROM tickets t
  JOIN halls h ON h.id = t.hall_id
  JOIN service_items i ON i.code = t.service_item_code
  LEFT JOIN windows w ON w.id = t.window_id`;

/**
 * Reads of tickets that change nothing: the hall's day as it stands (waiting, at the windows, a
 * window's day, places in the queue, recent handling times) and the citizen's page. Changes, and
 * the planner's read of a hall's history, go through TicketQueries.
 */
export class TicketReadQueries extends Queries {
  /** Every ticket of the day being called or served. */
  atWindows(hallId: string, serviceDate: string): Promise<TicketRow[]> {
    return this.rows<TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.hall_id = $1 AND t.service_date = $2 AND t.state IN ('called', 'serving')`,
      [hallId, serviceDate],
    );
  }

  /** Waiting tickets of the day per category, with the oldest issue time. */
  waitingByCategory(
    hallId: string,
    serviceDate: string,
  ): Promise<{ category_code: string; count: number; oldest: Date }[]> {
    return this.rows(
      `SELECT category_code, count(*)::int AS count, min(issued_at) AS oldest FROM tickets
       WHERE hall_id = $1 AND service_date = $2 AND state = 'waiting' GROUP BY category_code ORDER BY category_code`,
      [hallId, serviceDate],
    );
  }

  /** Mean minutes from issue to call of the day's called tickets (null: none called). */
  async averageWaitMinutes(
    hallId: string,
    serviceDate: string,
  ): Promise<string | null> {
    const [r] = await this.rows<{ minutes: string | null }>(
      `SELECT avg(extract(epoch FROM called_at - issued_at)) / 60 AS minutes FROM tickets
       WHERE hall_id = $1 AND service_date = $2 AND called_at IS NOT NULL`,
      [hallId, serviceDate],
    );
    return r.minutes;
  }

  /** A window's day: tickets done, no-shows and the mean handling minutes of those done. */
  async windowDay(
    hallId: string,
    serviceDate: string,
    windowId: string,
  ): Promise<{ served: number; no_shows: number; handling: string | null }> {
    const [r] = await this.rows<{
      served: number;
      no_shows: number;
      handling: string | null;
    }>(
      `SELECT count(*) FILTER (WHERE state = 'done')::int AS served,
              count(*) FILTER (WHERE state = 'no_show')::int AS no_shows,
              avg(extract(epoch FROM completed_at - started_at) / 60)
                FILTER (WHERE state = 'done' AND started_at IS NOT NULL) AS handling
       FROM tickets WHERE hall_id = $1 AND service_date = $2 AND window_id = $3`,
      [hallId, serviceDate, windowId],
    );
    return r;
  }

  /**
   * How many waiting tickets are ahead of each given one (tickets_ahead, read from the stored
   * rows so the queue times keep their full precision), each with the categories that compete.
   */
  ahead(
    tickets: {
      id: string;
      service_date: string;
      categories: string[] | null;
    }[],
  ): Promise<{ id: string; ahead: number }[]> {
    return this.rows(
      `SELECT t.id, tickets_ahead(t.hall_id, t.service_date, t.id, x.categories,
                                  CASE WHEN t.priority = 'normal' THEN 0 ELSE 1 END, t.queue_at) AS ahead
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, service_date date, categories text[])
       JOIN tickets t ON t.id = x.id AND t.service_date = x.service_date`,
      [JSON.stringify(tickets)],
    );
  }

  /**
   * Mean handling minutes of the category's last `sample` done tickets of the 14 days up to
   * `serviceDate` (null: none).
   */
  async recentHandlingMinutes(
    hallId: string,
    categoryCode: string,
    serviceDate: string,
    sample: number,
  ): Promise<string | null> {
    const [r] = await this.rows<{ mean: string | null }>(
      `SELECT avg(extract(epoch FROM completed_at - started_at)) / 60 AS mean FROM (
         SELECT completed_at, started_at FROM tickets
         WHERE hall_id = $1 AND category_code = $2 AND state = 'done' AND started_at IS NOT NULL
           AND service_date >= $3::date - 14 AND service_date <= $3::date
         ORDER BY completed_at DESC LIMIT ${Math.trunc(sample)}) recent`,
      [hallId, categoryCode, serviceDate],
    );
    return r.mean;
  }

  /** Today's ticket of a status token's hash, as the citizen's page shows it. */
  byStatusToken(
    tokenHash: string,
    serviceDate: string,
  ): Promise<PublicTicketRow | undefined> {
    return this.row<PublicTicketRow>(
      `${SELECT_PUBLIC} WHERE t.status_token_hash = $1 AND t.service_date = $2`,
      [tokenHash, serviceDate],
    );
  }

  /** Tickets as the citizen's page shows them. */
  forPublic(
    tickets: { id: string; serviceDate: string }[],
  ): Promise<PublicTicketRow[]> {
    return this.rows<PublicTicketRow>(
      `${SELECT_PUBLIC} WHERE (t.id, t.service_date) IN (SELECT * FROM unnest($1::uuid[], $2::date[]))`,
      [tickets.map((t) => t.id), tickets.map((t) => t.serviceDate)],
    );
  }
}
