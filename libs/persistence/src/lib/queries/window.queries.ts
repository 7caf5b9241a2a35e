import type { WindowMode, WindowState } from '@onewindow/contracts';
import { Queries } from './queries';

/** A window as the hall's floor reads it. */
export interface WindowRow {
  id: string;
  hall_id: string;
  label: string;
  mode: WindowMode;
  category_codes: string[];
  state: WindowState;
}

/** A window locked for an operation. */
export interface LockedWindowRow extends WindowRow {
  opened_on: string;
  retired_on: string | null;
}

/** A window as the layout of a day has it (mode and skills of its latest event up to the day). */
export interface LayoutWindowRow {
  id: string;
  label: string;
  mode: WindowMode;
  category_codes: string[];
  state: WindowState;
  opened_on: string;
  retired_on: string | null;
}

/** Windows: their state and operation, their lifecycle events and the layout they make. */
export class WindowQueries extends Queries {
  /** A window locked for an operation (in a transaction). Calling next locks it in call_next(). */
  lockForOperation(
    hallId: string,
    windowId: string,
  ): Promise<LockedWindowRow | undefined> {
    return this.row<LockedWindowRow>(
      `SELECT w.id, w.hall_id, w.label, w.mode, w.category_codes, w.state,
              to_char(w.opened_on, 'YYYY-MM-DD') AS opened_on, to_char(w.retired_on, 'YYYY-MM-DD') AS retired_on
       FROM windows w
       WHERE w.id = $1 AND w.hall_id = $2 FOR UPDATE OF w`,
      [windowId, hallId],
    );
  }

  /** Sets a window's state (open, paused, closed). */
  async setState(windowId: string, state: WindowState): Promise<void> {
    await this.db.query(
      `UPDATE windows SET state = $2, updated_at = now() WHERE id = $1`,
      [windowId, state],
    );
  }

  /** The hall's windows in service, by label. */
  inService(hallId: string): Promise<WindowRow[]> {
    return this.rows<WindowRow>(
      `SELECT id, hall_id, label, mode, category_codes, state FROM windows WHERE hall_id = $1 AND state <> 'retired' ORDER BY label`,
      [hallId],
    );
  }

  /** What the hall's windows in service may serve, and their state. */
  serving(
    hallId: string,
  ): Promise<
    { mode: WindowMode; category_codes: string[]; state: WindowState }[]
  > {
    return this.rows(
      `SELECT mode, category_codes, state FROM windows WHERE hall_id = $1 AND state <> 'retired'`,
      [hallId],
    );
  }

  /** A window's label, if the window is the hall's. */
  async label(hallId: string, windowId: string): Promise<string | undefined> {
    const w = await this.row<{ label: string }>(
      `SELECT label FROM windows WHERE id = $1 AND hall_id = $2`,
      [windowId, hallId],
    );
    return w?.label;
  }

  /**
   * The layout on a day, from the lifecycle events: the windows in service then (opened on or
   * before it, not retired by it) with the mode and skill set of their latest event up to it.
   */
  layoutOn(hallId: string, asOf: string): Promise<LayoutWindowRow[]> {
    return this.rows<LayoutWindowRow>(
      `SELECT w.id, w.label, e.mode, e.category_codes, w.state,
              to_char(w.opened_on, 'YYYY-MM-DD') AS opened_on, to_char(w.retired_on, 'YYYY-MM-DD') AS retired_on
       FROM windows w
       JOIN LATERAL (
         SELECT kind, mode, category_codes FROM window_events
         WHERE window_id = w.id AND effective_date <= $2
         ORDER BY effective_date DESC, id DESC LIMIT 1
       ) last ON last.kind <> 'retired'
       JOIN LATERAL (
         SELECT mode, category_codes FROM window_events
         WHERE window_id = w.id AND effective_date <= $2 AND kind <> 'retired'
         ORDER BY effective_date DESC, id DESC LIMIT 1
       ) e ON true
       WHERE w.hall_id = $1
       ORDER BY w.label, w.id`,
      [hallId, asOf],
    );
  }

  /** The date of a window's latest lifecycle event (null: none). */
  async latestEventDate(windowId: string): Promise<string | null> {
    const [{ latest }] = await this.rows<{ latest: string | null }>(
      `SELECT to_char(max(effective_date), 'YYYY-MM-DD') AS latest FROM window_events WHERE window_id = $1`,
      [windowId],
    );
    return latest;
  }

  /**
   * Each day's change to the window count per mode up to `to`, summed over the halls. Each
   * event's effect on the count per mode; a retirement or a conversion removes the window from
   * the mode it had before (the previous event's mode).
   */
  modeDeltas(
    hallIds: string[],
    to: string,
  ): Promise<{ date: string; mode: WindowMode; delta: string }[]> {
    return this.rows(
      `WITH ev AS (
         SELECT kind, effective_date, mode,
                LAG(mode) OVER (PARTITION BY window_id ORDER BY effective_date, id) AS prev_mode
         FROM window_events WHERE hall_id = ANY($1) AND effective_date <= $2
       ), deltas AS (
         SELECT effective_date AS d, mode AS m, 1 AS delta FROM ev WHERE kind IN ('opened', 'converted')
         UNION ALL
         SELECT effective_date, prev_mode, -1 FROM ev WHERE kind IN ('converted', 'retired') AND prev_mode IS NOT NULL
       )
       SELECT to_char(d, 'YYYY-MM-DD') AS date, m AS mode, SUM(delta) AS delta FROM deltas GROUP BY d, m ORDER BY d`,
      [hallIds, to],
    );
  }
}
