import type { HallEventType } from '@onewindow/contracts';
import { Queries } from './queries';

/** A hall event as the live stream sends it. */
export interface HallEventRow {
  seq: string;
  type: HallEventType;
  payload: object;
}

/**
 * A hall's events: the one append path (append_hall_event, as issue_ticket's) and the reads of
 * the live stream.
 */
export class HallEventQueries extends Queries {
  /**
   * Appends an event in the caller's transaction; its sequence number. One statement: the hall's
   * counter row is locked from here to the commit, so keep it to one round trip.
   */
  async append(
    hallId: string,
    type: HallEventType,
    payload: unknown,
  ): Promise<number> {
    const [{ seq }] = await this.rows<{ seq: string }>(
      `SELECT append_hall_event($1, $2, $3) AS seq`,
      [hallId, type, payload],
    );
    return Number(seq);
  }

  /** The sequence number of the hall's latest event (0: none yet). */
  async lastSeq(hallId: string): Promise<number> {
    const row = await this.row<{ last_seq: string }>(
      `SELECT last_seq FROM hall_event_counters WHERE hall_id = $1`,
      [hallId],
    );
    return row ? Number(row.last_seq) : 0;
  }

  /** The hall's events after `afterSeq`, in order, at most `limit`. */
  after(
    hallId: string,
    afterSeq: number,
    limit: number,
  ): Promise<HallEventRow[]> {
    return this.rows<HallEventRow>(
      `SELECT seq, type, payload FROM hall_events WHERE hall_id = $1 AND seq > $2 ORDER BY seq LIMIT ${Math.trunc(limit)}`,
      [hallId, afterSeq],
    );
  }
}
